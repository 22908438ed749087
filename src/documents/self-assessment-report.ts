/**
 * Step 3: a unit's self-assessment report (Báo cáo tự đánh giá): every criterion with its
 * maximum, the unit's own score and the evidence it attached. The unit signs the printed report
 * and uploads it (POST …/reports).
 */
import { type AdministrativeDocument, heading, paragraph } from './administrative-layout.js';
import {
  type CampaignInput,
  type Dated,
  maxText,
  pointsText,
  provinceCommittee,
} from './document-inputs.js';

export interface SelfAssessmentRowInput {
  code: string;
  title: string;
  /** A field (lĩnh vực), a criterion or a sub-criterion: fields are set in bold. */
  isField: boolean;
  isLeaf: boolean;
  maxPoints: number;
  /** The unit's score of a leaf; 'not_applicable'; null when not self-scored (survey). */
  score: number | 'not_applicable' | null;
  note: string | null;
  evidence: string[];
}

export interface SelfAssessmentReportInput extends Dated {
  campaign: CampaignInput;
  unit: { code: string; name: string; group: string };
  rows: SelfAssessmentRowInput[];
  /** Sum of the self-scored leaves. */
  total: number;
  submittedAt: string | null;
  version: number;
}

/** The head who signs for a unit: a People's Committee's chair, else the head of the agency. */
function unitSigner(group: string) {
  return group === 'district' || group === 'commune'
    ? { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: null }
    : { authority: null, title: 'THỦ TRƯỞNG CƠ QUAN', name: null };
}

export function selfAssessmentReport(input: SelfAssessmentReportInput): AdministrativeDocument {
  const { campaign, unit } = input;
  const local = unit.group === 'district' || unit.group === 'commune';
  const rows = input.rows.map((r) => [
    r.code,
    r.title,
    maxText(r.maxPoints),
    !r.isLeaf
      ? ''
      : r.score === 'not_applicable'
        ? 'Không áp dụng'
        : r.score === null
          ? '—'
          : pointsText(r.score),
    // The note, then each evidence file on its own line.
    [r.note, ...r.evidence].filter(Boolean).join('\n'),
  ]);
  return {
    parentBody: local ? null : provinceCommittee(campaign.province).parent,
    issuingBody: unit.name,
    number: { number: null, symbol: 'BC' },
    place: campaign.province,
    date: { year: input.year },
    kind: 'BÁO CÁO',
    subject: `Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${campaign.year}`,
    addressees: [campaign.secretariat],
    body: [
      paragraph(
        `Thực hiện Kế hoạch chấm điểm Chỉ số cải cách hành chính năm ${campaign.year} (${campaign.name}), ${unit.name} báo cáo kết quả tự đánh giá, chấm điểm như sau:`,
      ),
      heading('I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM'),
      paragraph(
        `Tổng điểm tự đánh giá: ${pointsText(input.total)} điểm${input.submittedAt ? ` (bản nộp lần ${input.version}, ngày ${input.submittedAt})` : ''}.`,
      ),
      {
        type: 'table',
        columns: [
          { title: 'Mã', width: 8, align: 'center' },
          { title: 'Tiêu chí, tiêu chí thành phần', width: 34 },
          { title: 'Điểm tối đa', width: 10, align: 'center' },
          { title: 'Điểm tự đánh giá', width: 12, align: 'center' },
          { title: 'Giải trình, tài liệu kiểm chứng', width: 36 },
        ],
        rows: [...rows, ['', 'Tổng cộng', '', pointsText(input.total), '']],
        boldRows: [...input.rows.flatMap((r, i) => (r.isField ? [i] : [])), rows.length],
      },
      heading('II. KIẾN NGHỊ, ĐỀ XUẤT (nếu có)'),
      // A dotted line, within one line of the page, for the unit to fill in.
      paragraph('…'.repeat(28)),
    ],
    signer: unitSigner(unit.group),
    recipients: [campaign.secretariat, 'Lưu: VT'],
  };
}
