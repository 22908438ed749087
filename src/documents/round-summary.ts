/**
 * Steps 5 and 8: the secretariat's summary of an appraisal round (Báo cáo tổng hợp kết quả thẩm
 * định lần 1 / lần 2): per group, each unit's self-assessed and appraised totals, then each
 * criterion the appraisers scored differently from the unit.
 */
import type { Block } from './administrative-layout.js';
import { type AdministrativeDocument, heading, paragraph } from './administrative-layout.js';
import {
  type CampaignInput,
  type Dated,
  groupHeading,
  pointsText,
  provinceCommittee,
} from './document-inputs.js';

export interface RoundDifferenceInput {
  code: string;
  title: string;
  self: number | 'not_applicable' | null;
  appraised: number | 'not_applicable' | null;
  comment: string | null;
}

export interface RoundUnitInput {
  code: string;
  name: string;
  /** Null when the unit submitted no self-assessment. */
  selfTotal: number | null;
  appraisedTotal: number;
  /** Leaves appraised in this round, of those to appraise. */
  entered: number;
  required: number;
  differences: RoundDifferenceInput[];
}

export interface RoundSummaryInput extends Dated {
  campaign: CampaignInput;
  round: 1 | 2;
  groups: { group: string; units: RoundUnitInput[] }[];
}

const score = (value: number | 'not_applicable' | null) =>
  value === 'not_applicable' ? 'Không áp dụng' : value === null ? '—' : pointsText(value);

export function roundSummary(input: RoundSummaryInput): AdministrativeDocument {
  const { campaign, round } = input;
  const ordinal = round === 1 ? 'lần thứ nhất' : 'lần thứ hai';
  const totals: Block[] = input.groups.flatMap(({ group, units }) => [
    heading(groupHeading(group)),
    {
      type: 'table',
      columns: [
        { title: 'STT', width: 8, align: 'center' },
        { title: 'Đơn vị', width: 40 },
        { title: 'Điểm tự đánh giá', width: 14, align: 'center' },
        { title: `Điểm thẩm định lần ${round}`, width: 14, align: 'center' },
        { title: 'Chênh lệch', width: 12, align: 'center' },
        { title: 'Tiêu chí đã thẩm định', width: 14, align: 'center' },
      ],
      rows: units.map((u, i) => [
        String(i + 1),
        u.name,
        u.selfTotal === null ? 'Chưa nộp' : pointsText(u.selfTotal),
        pointsText(u.appraisedTotal),
        u.selfTotal === null ? '' : pointsText(u.appraisedTotal - u.selfTotal),
        `${u.entered}/${u.required}`,
      ]),
    } satisfies Block,
  ]);
  // Per unit: a heading with its name, then the criteria scored differently.
  const changedUnits = input.groups.flatMap((g) => g.units.filter((u) => u.differences.length > 0));
  const differences: Block[] = changedUnits.flatMap((u) => [
    paragraph(u.name, { bold: true }),
    {
      type: 'table',
      columns: [
        { title: 'Tiêu chí', width: 44 },
        { title: 'Tự đánh giá', width: 14, align: 'center' },
        { title: 'Thẩm định', width: 14, align: 'center' },
        { title: 'Nhận xét của cơ quan thẩm định', width: 28 },
      ],
      rows: u.differences.map((d) => [
        `${d.code}. ${d.title}`,
        score(d.self),
        score(d.appraised),
        d.comment ?? '',
      ]),
    } satisfies Block,
  ]);
  return {
    parentBody: provinceCommittee(campaign.province).parent,
    issuingBody: campaign.secretariat,
    number: { number: null, symbol: 'BC-SNV' },
    place: campaign.province,
    date: { year: input.year },
    kind: 'BÁO CÁO',
    subject: `Tổng hợp kết quả thẩm định ${ordinal} Chỉ số cải cách hành chính năm ${campaign.year}`,
    addressees: ['Hội đồng thẩm định Chỉ số cải cách hành chính tỉnh'],
    body: [
      paragraph(
        `${campaign.secretariat} tổng hợp kết quả thẩm định ${ordinal} kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${campaign.year} của ${input.groups.reduce((n, g) => n + g.units.length, 0)} đơn vị, địa phương như sau:`,
      ),
      heading('I. ĐIỂM TỰ ĐÁNH GIÁ VÀ ĐIỂM THẨM ĐỊNH'),
      ...totals,
      heading('II. CÁC TIÊU CHÍ CÓ ĐIỂM THẨM ĐỊNH KHÁC ĐIỂM TỰ ĐÁNH GIÁ'),
      ...(differences.length === 0
        ? [paragraph('Không có tiêu chí nào có điểm thẩm định khác điểm tự đánh giá.')]
        : differences),
      paragraph(
        round === 1
          ? 'Đề nghị các đơn vị, địa phương có tiêu chí nêu trên giải trình và bổ sung tài liệu kiểm chứng (nếu có) theo thời gian quy định tại Kế hoạch./.'
          : 'Kết quả trên được trình Hội đồng thẩm định xem xét, thông qua./.',
      ),
    ],
    signer: { authority: null, title: 'GIÁM ĐỐC', name: null },
    recipients: ['Hội đồng thẩm định', 'Tổ thư ký', 'Lưu: VT'],
  };
}
