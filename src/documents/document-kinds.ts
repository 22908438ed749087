/** The documents the campaign produces, by the plan's step each belongs to. */
export const DOCUMENT_KINDS = [
  'council_decision',
  'guidance_notice',
  'self_assessment_report',
  'round_1_summary',
  'round_2_summary',
  'chairman_dossier',
  'commendation_proposal',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentKindInfo {
  kind: DocumentKind;
  /** The 2021 plan's step (the campaign's step of the same kind where the plan differs). */
  step: number;
  title: string;
  /** One document per unit: asked for with ?unitCode=. */
  perUnit: boolean;
  /** File name without extension. */
  fileName: string;
}

export const DOCUMENT_KIND_INFO: Readonly<Record<DocumentKind, DocumentKindInfo>> = {
  council_decision: {
    kind: 'council_decision',
    step: 1,
    title: 'Quyết định kiện toàn Hội đồng thẩm định và danh sách thành viên',
    perUnit: false,
    fileName: 'quyet-dinh-hoi-dong-tham-dinh',
  },
  guidance_notice: {
    kind: 'guidance_notice',
    step: 2,
    title: 'Hướng dẫn chấm điểm xác định Chỉ số CCHC',
    perUnit: false,
    fileName: 'huong-dan-cham-diem',
  },
  self_assessment_report: {
    kind: 'self_assessment_report',
    step: 3,
    title: 'Báo cáo tự đánh giá, chấm điểm của đơn vị',
    perUnit: true,
    fileName: 'bao-cao-tu-danh-gia',
  },
  round_1_summary: {
    kind: 'round_1_summary',
    step: 5,
    title: 'Báo cáo tổng hợp kết quả thẩm định lần thứ nhất',
    perUnit: false,
    fileName: 'tong-hop-tham-dinh-lan-1',
  },
  round_2_summary: {
    kind: 'round_2_summary',
    step: 8,
    title: 'Báo cáo tổng hợp kết quả thẩm định lần thứ hai',
    perUnit: false,
    fileName: 'tong-hop-tham-dinh-lan-2',
  },
  chairman_dossier: {
    kind: 'chairman_dossier',
    step: 10,
    title: 'Tờ trình Chủ tịch UBND tỉnh phê duyệt, công bố kết quả (bảng xếp hạng)',
    perUnit: false,
    fileName: 'to-trinh-cong-bo-ket-qua',
  },
  commendation_proposal: {
    kind: 'commendation_proposal',
    step: 11,
    title: 'Tờ trình đề nghị khen thưởng tập thể, cá nhân',
    perUnit: false,
    fileName: 'to-trinh-de-nghi-khen-thuong',
  },
};

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}
