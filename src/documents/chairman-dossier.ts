/**
 * Step 10: the secretariat's submission to the Chairman (Tờ trình) to approve and announce the
 * results, with the ranking table of each group: STT, đơn vị, điểm, xếp hạng, xếp loại.
 */
import type { Block } from './administrative-layout.js';
import { type AdministrativeDocument, heading, paragraph } from './administrative-layout.js';
import {
  type CampaignInput,
  type Dated,
  decisionPhrase,
  groupHeading,
  provinceCommittee,
} from './document-inputs.js';

export interface RankedUnitInput {
  name: string;
  /** "98,30" */
  indexText: string;
  rank: number;
  tied: boolean;
  band: string;
}

export interface ChairmanDossierInput extends Dated {
  campaign: CampaignInput;
  groups: { group: string; units: RankedUnitInput[] }[];
  /** Local date the council approved the results ("17/02/2022"), null before. */
  councilApprovedOn: string | null;
}

/** The ranking tables, per group (shared with the commendation proposal). */
export function rankingTables(groups: ChairmanDossierInput['groups']): Block[] {
  return groups.flatMap(({ group, units }) => [
    heading(groupHeading(group)),
    {
      type: 'table',
      columns: [
        { title: 'STT', width: 8, align: 'center' },
        { title: 'Đơn vị', width: 48 },
        { title: 'Điểm', width: 14, align: 'center' },
        { title: 'Xếp hạng', width: 14, align: 'center' },
        { title: 'Xếp loại', width: 16, align: 'center' },
      ],
      rows: units.map((u, i) => [
        String(i + 1),
        u.name,
        u.indexText,
        // Equal scores share a rank (1, 2, 2, 4): the equal numbers say it, as published.
        String(u.rank),
        u.band,
      ]),
    } satisfies Block,
  ]);
}

export function chairmanDossier(input: ChairmanDossierInput): AdministrativeDocument {
  const { campaign } = input;
  const committee = provinceCommittee(campaign.province);
  const count = input.groups.reduce((n, g) => n + g.units.length, 0);
  return {
    parentBody: committee.parent,
    issuingBody: campaign.secretariat,
    number: { number: null, symbol: 'TTr-SNV' },
    place: campaign.province,
    date: { year: input.year },
    kind: 'TỜ TRÌNH',
    subject: `Về việc phê duyệt và công bố kết quả Chỉ số cải cách hành chính năm ${campaign.year} của các đơn vị, địa phương trên địa bàn tỉnh ${campaign.province}`,
    addressees: [committee.chairman],
    body: [
      paragraph(
        `Thực hiện ${campaign.decisions.map(decisionPhrase).join('; ') || campaign.name}, ${campaign.secretariat} đã chủ trì, phối hợp với các cơ quan liên quan tổ chức thẩm định kết quả tự đánh giá, chấm điểm của ${count} đơn vị, địa phương qua hai lần thẩm định${input.councilApprovedOn ? `; Hội đồng thẩm định đã họp thông qua kết quả ngày ${input.councilApprovedOn}` : ''}.`,
      ),
      paragraph(
        `${campaign.secretariat} kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, phê duyệt và công bố kết quả Chỉ số cải cách hành chính năm ${campaign.year} như sau:`,
      ),
      ...rankingTables(input.groups),
      paragraph(
        `(Kèm theo dự thảo Quyết định công bố và bảng điểm chi tiết của từng đơn vị.) ${campaign.secretariat} kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.`,
      ),
    ],
    signer: { authority: null, title: 'GIÁM ĐỐC', name: null },
    recipients: ['Như trên', 'Hội đồng thẩm định', 'Lưu: VT'],
  };
}
