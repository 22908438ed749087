/**
 * Step 11: the proposal to commend collectives (from the published ranking, by the campaign's
 * commendation policy) and individuals (entered by the secretariat) for high results.
 */
import { type AdministrativeDocument, heading, paragraph } from './administrative-layout.js';
import { type CampaignInput, type Dated, provinceCommittee } from './document-inputs.js';

export interface CollectiveInput {
  groupName: string;
  unitName: string;
  indexText: string;
  rank: number;
  reason: string;
}

export interface IndividualInput {
  fullName: string;
  position: string;
  unitName: string;
  achievement: string;
}

export interface CommendationProposalInput extends Dated {
  campaign: CampaignInput;
  /** The Chairman's decision announcing the results, when recorded. */
  resultsDecision: { number: string; date: string } | null;
  collectives: CollectiveInput[];
  individuals: IndividualInput[];
}

export function commendationProposal(input: CommendationProposalInput): AdministrativeDocument {
  const { campaign } = input;
  const committee = provinceCommittee(campaign.province);
  const decision = input.resultsDecision
    ? `Quyết định số ${input.resultsDecision.number} ngày ${input.resultsDecision.date.split('-').reverse().join('/')} của Chủ tịch Ủy ban nhân dân tỉnh công bố kết quả Chỉ số cải cách hành chính năm ${campaign.year}`
    : `kết quả Chỉ số cải cách hành chính năm ${campaign.year} đã được Chủ tịch Ủy ban nhân dân tỉnh công bố`;
  return {
    parentBody: committee.parent,
    issuingBody: campaign.secretariat,
    number: { number: null, symbol: 'TTr-SNV' },
    place: campaign.province,
    date: { year: input.year },
    kind: 'TỜ TRÌNH',
    subject: `Về việc đề nghị khen thưởng tập thể, cá nhân đạt thành tích cao trong công tác cải cách hành chính năm ${campaign.year}`,
    addressees: [committee.chairman],
    body: [
      paragraph(
        `Căn cứ ${decision}, ${campaign.secretariat} kính đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho ${input.collectives.length} tập thể và ${input.individuals.length} cá nhân có thành tích cao trong công tác cải cách hành chính năm ${campaign.year}, cụ thể:`,
      ),
      heading(`I. TẬP THỂ (${input.collectives.length})`),
      input.collectives.length === 0
        ? paragraph('Không có tập thể nào đạt tiêu chuẩn đề nghị khen thưởng.')
        : {
            type: 'table',
            columns: [
              { title: 'STT', width: 8, align: 'center' },
              { title: 'Tập thể', width: 34 },
              { title: 'Khối', width: 18 },
              { title: 'Điểm', width: 10, align: 'center' },
              { title: 'Xếp hạng', width: 10, align: 'center' },
              { title: 'Thành tích', width: 22 },
            ],
            rows: input.collectives.map((c, i) => [
              String(i + 1),
              c.unitName,
              c.groupName,
              c.indexText,
              String(c.rank),
              c.reason,
            ]),
          },
      heading(`II. CÁ NHÂN (${input.individuals.length})`),
      input.individuals.length === 0
        ? paragraph('Chưa có cá nhân nào được đề nghị khen thưởng.')
        : {
            type: 'table',
            columns: [
              { title: 'STT', width: 7, align: 'center' },
              { title: 'Họ và tên', width: 25 },
              { title: 'Chức vụ', width: 18 },
              { title: 'Đơn vị công tác', width: 19 },
              { title: 'Thành tích', width: 31 },
            ],
            rows: input.individuals.map((p, i) => [
              String(i + 1),
              p.fullName,
              p.position,
              p.unitName,
              p.achievement,
            ]),
          },
      paragraph(
        `${campaign.secretariat} kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.`,
      ),
    ],
    signer: { authority: null, title: 'GIÁM ĐỐC', name: null },
    recipients: ['Như trên', 'Văn phòng UBND tỉnh', 'Lưu: VT'],
  };
}
