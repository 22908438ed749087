/**
 * Step 1: the Chairman's decision establishing (kiện toàn) the Appraisal Council and its
 * Secretariat, with the council's members in an annex.
 */
import type { CouncilRole } from '../entities/council-member.entity.js';
import { type AdministrativeDocument, centred, paragraph } from './administrative-layout.js';
import {
  type CampaignInput,
  type Dated,
  decisionPhrase,
  lowerFirst,
  provinceCommittee,
} from './document-inputs.js';

export interface CouncilMemberInput {
  fullName: string;
  position: string;
  organisation: string;
  role: CouncilRole;
}

/** A member's place in the council as the decision writes it. */
export const COUNCIL_ROLE_VI: Readonly<Record<CouncilRole, string>> = {
  chair: 'Chủ tịch Hội đồng',
  vice_chair: 'Phó Chủ tịch Hội đồng',
  member: 'Ủy viên',
  secretary: 'Thư ký',
};

export interface CouncilDecisionInput extends Dated {
  campaign: CampaignInput;
  /** In the decision's order (the chair first). */
  members: CouncilMemberInput[];
}

export function councilDecision(input: CouncilDecisionInput): AdministrativeDocument {
  const { campaign } = input;
  const committee = provinceCommittee(campaign.province);
  const subject = `Về việc kiện toàn Hội đồng thẩm định kết quả chấm điểm Chỉ số cải cách hành chính năm ${campaign.year}`;
  const appraisalSteps = campaign.steps.filter((s) => s.number >= 4 && s.number <= 9);
  return {
    parentBody: null,
    issuingBody: committee.header,
    number: { number: null, symbol: 'QĐ-UBND' },
    place: campaign.province,
    date: { year: input.year },
    kind: 'QUYẾT ĐỊNH',
    subject,
    body: [
      centred(`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ${campaign.province.toUpperCase()}`),
      paragraph('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;', {
        italic: true,
      }),
      ...campaign.decisions.map((d) => paragraph(`Căn cứ ${decisionPhrase(d)};`, { italic: true })),
      paragraph(`Xét đề nghị của Giám đốc ${campaign.secretariat}.`, { italic: true }),
      centred('QUYẾT ĐỊNH:'),
      {
        type: 'paragraph',
        runs: [
          { text: 'Điều 1. ', bold: true },
          {
            text: `Kiện toàn Hội đồng thẩm định kết quả chấm điểm Chỉ số cải cách hành chính năm ${campaign.year} gồm ${input.members.length} thành viên có tên tại danh sách kèm theo Quyết định này.`,
          },
        ],
      },
      {
        type: 'paragraph',
        runs: [
          { text: 'Điều 2. ', bold: true },
          {
            text: `Hội đồng thẩm định có nhiệm vụ thẩm định kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính của các đơn vị, địa phương theo Kế hoạch${appraisalSteps.length > 0 ? ` (${appraisalSteps.map((s) => `bước ${s.number}: ${lowerFirst(s.title)}, ${s.window}`).join('; ')})` : ''}; thông qua kết quả chấm điểm trình Chủ tịch Ủy ban nhân dân tỉnh công bố. ${campaign.secretariat} là cơ quan thường trực; Tổ thư ký giúp việc Hội đồng do Giám đốc ${campaign.secretariat} quyết định thành lập.`,
          },
        ],
      },
      {
        type: 'paragraph',
        runs: [
          { text: 'Điều 3. ', bold: true },
          {
            text: `Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc ${campaign.secretariat}, Thủ trưởng các cơ quan, đơn vị có liên quan và các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này. Quyết định này có hiệu lực thi hành kể từ ngày ký./.`,
          },
        ],
      },
    ],
    signer: { authority: null, title: 'CHỦ TỊCH', name: null },
    recipients: ['Như Điều 3', 'CT, các PCT UBND tỉnh', `${campaign.secretariat}`, 'Lưu: VT'],
    annexes: [
      {
        title: 'DANH SÁCH THÀNH VIÊN HỘI ĐỒNG THẨM ĐỊNH',
        subtitle: `(Kèm theo Quyết định số ……/QĐ-UBND ngày …… tháng …… năm ${input.year} của Chủ tịch Ủy ban nhân dân tỉnh ${campaign.province})`,
        body: [
          {
            type: 'table',
            columns: [
              { title: 'STT', width: 7, align: 'center' },
              { title: 'Họ và tên', width: 31 },
              { title: 'Chức vụ, cơ quan công tác', width: 35 },
              { title: 'Chức danh trong Hội đồng', width: 27 },
            ],
            rows: input.members.map((m, i) => [
              String(i + 1),
              m.fullName,
              `${m.position}, ${m.organisation}`,
              COUNCIL_ROLE_VI[m.role],
            ]),
          },
        ],
      },
    ],
  };
}
