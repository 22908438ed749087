/** Plain inputs for the document builders, as the loader would read them for the 2021 plan. */
import type { CampaignInput } from '../../src/documents/index.js';

export const CAMPAIGN_2021: CampaignInput = {
  code: 'vinhlong-2021',
  name: 'Chấm điểm Chỉ số CCHC năm 2021',
  year: 2021,
  province: 'Vĩnh Long',
  secretariat: 'Sở Nội vụ',
  decisions: [
    {
      number: '3176/QĐ-UBND',
      date: '2021-11-18',
      title: 'Kế hoạch chấm điểm Chỉ số cải cách hành chính năm 2021',
    },
  ],
  steps: [
    {
      number: 1,
      title: 'Kiện toàn Hội đồng thẩm định và Tổ thư ký giúp việc',
      window: 'Tháng 11/2021',
      lead: 'Sở Nội vụ',
      coordinating: 'Các cơ quan có liên quan',
    },
    {
      number: 3,
      title: 'Tổ chức tự đánh giá và xác định chỉ số CCHC',
      window: 'Từ ngày 01-24/12/2021',
      lead: 'Đơn vị, địa phương',
      coordinating: 'Sở Nội vụ',
    },
    {
      number: 4,
      title: 'Thẩm định lần thứ nhất',
      window: '27-31/12/2021',
      lead: 'Sở Nội vụ',
      coordinating: 'Tổ thư ký',
    },
  ],
};
