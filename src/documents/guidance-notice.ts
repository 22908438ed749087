/**
 * Step 2: the secretariat's guidance to units on scoring (Hướng dẫn chấm điểm): the plan's steps
 * and deadlines, and the index set of each group with where to read it.
 */
import { type AdministrativeDocument, heading, paragraph } from './administrative-layout.js';
import {
  type CampaignInput,
  type Dated,
  decisionPhrase,
  groupName,
  provinceCommittee,
} from './document-inputs.js';

export interface IndexSetInput {
  group: string;
  name: string;
  source: string | null;
  /** Where units read it: the API's or the portal's address. */
  link: string;
  /** Sum of the top-level maxima (usually 100). */
  maxPoints: number;
}

export interface GuidanceNoticeInput extends Dated {
  campaign: CampaignInput;
  indexSets: IndexSetInput[];
  /** Where units act: the portal's address. */
  portalUrl: string;
}

export function guidanceNotice(input: GuidanceNoticeInput): AdministrativeDocument {
  const { campaign } = input;
  const committee = provinceCommittee(campaign.province);
  const selfStep = campaign.steps.find((s) => s.number === 3);
  return {
    parentBody: committee.parent,
    issuingBody: campaign.secretariat,
    number: { number: null, symbol: 'HD-SNV' },
    place: campaign.province,
    date: { year: input.year },
    kind: 'HƯỚNG DẪN',
    subject: `Chấm điểm xác định Chỉ số cải cách hành chính năm ${campaign.year} của các đơn vị, địa phương`,
    body: [
      paragraph(
        `Thực hiện ${campaign.decisions.map(decisionPhrase).join('; ') || campaign.name}, ${campaign.secretariat} hướng dẫn các đơn vị, địa phương tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm ${campaign.year} như sau:`,
      ),
      heading('1. Bộ Chỉ số áp dụng'),
      ...input.indexSets.map((set) =>
        paragraph(
          `- Khối ${groupName(set.group)}: ${set.name}${set.source ? ` (${set.source})` : ''}, tổng điểm tối đa ${set.maxPoints} điểm; xem tại ${set.link}.`,
        ),
      ),
      heading('2. Các bước và thời hạn'),
      {
        type: 'table',
        columns: [
          { title: 'STT', width: 8, align: 'center' },
          { title: 'Nhiệm vụ', width: 40 },
          { title: 'Thời gian thực hiện', width: 20, align: 'center' },
          { title: 'Cơ quan chủ trì', width: 17 },
          { title: 'Cơ quan phối hợp', width: 17 },
        ],
        rows: campaign.steps.map((s) => [
          String(s.number),
          s.title,
          s.window,
          s.lead,
          s.coordinating,
        ]),
      },
      heading('3. Tự đánh giá, chấm điểm và gửi báo cáo'),
      paragraph(
        `Các đơn vị, địa phương tự đánh giá, chấm điểm từng tiêu chí, tiêu chí thành phần, đính kèm tài liệu kiểm chứng và gửi báo cáo tự đánh giá có chữ ký của Thủ trưởng đơn vị trên hệ thống tại ${input.portalUrl}${selfStep ? ` trong thời gian ${selfStep.window}` : ''}. Tài liệu kiểm chứng phải là văn bản, số liệu chứng minh kết quả đã thực hiện trong năm ${campaign.year}.`,
      ),
      paragraph(
        `Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị, địa phương phản ánh về ${campaign.secretariat} để được hướng dẫn./.`,
      ),
    ],
    signer: { authority: null, title: 'GIÁM ĐỐC', name: null },
    recipients: ['Các sở, ban, ngành tỉnh', 'UBND các huyện, thị xã, thành phố', 'Lưu: VT'],
  };
}
