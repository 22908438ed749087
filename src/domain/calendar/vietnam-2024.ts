/**
 * Days off of Vietnamese state agencies in 2024 (see vietnam-2021.ts for the rules).
 *
 * How sure each entry is (checked against the texts as quoted in full by a provincial portal and
 * the Government's portal, not against the signed documents themselves):
 * - Tết Dương lịch: Monday 01/01.
 * - Tết Nguyên đán Giáp Thìn: Thu 08/02 – Wed 14/02 (29 tháng Chạp Quý Mão – mùng 5 Tết; 5 days of
 *   Tết and 2 substitute days), and Quốc khánh Sat 31/08 – Tue 03/09 (02/09 Mon and 03/09 Tue, with
 *   the weekend): Thông báo số 5015/TB-LĐTBXH ngày 22/11/2023, after Văn bản 8662/VPCP-KGVX.
 * - Giỗ Tổ (10/3 âm lịch): Thursday 18/04.
 * - 30/4 (Tue) and 1/5 (Wed): Monday 29/04 swapped with Saturday 04/05 (make-up working day), so
 *   27/04 – 01/05 are five days in a row: Văn bản số 2450/VPCP-KGVX ngày 12/04/2024.
 */
import type { CalendarYear } from './calendar-data.js';

export const VIETNAM_2024: CalendarYear = {
  year: 2024,
  scope: 'Việt Nam — cơ quan hành chính nhà nước',
  weekend: [6, 7],
  daysOff: [
    { date: '2024-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
    {
      date: '2024-02-08',
      to: '2024-02-14',
      name: 'Tết Nguyên đán Giáp Thìn',
      kind: 'holiday',
      note: 'Từ 29 tháng Chạp năm Quý Mão đến hết mùng 5 tháng Giêng năm Giáp Thìn (5 ngày Tết và 2 ngày nghỉ bù ngày nghỉ hằng tuần).',
    },
    { date: '2024-04-18', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday' },
    {
      date: '2024-04-29',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)',
      kind: 'swap',
    },
    { date: '2024-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday' },
    { date: '2024-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday' },
    { date: '2024-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday' },
    { date: '2024-09-03', name: 'Quốc khánh (ngày liền sau 2/9)', kind: 'holiday' },
  ],
  makeUpWorkingDays: [
    { date: '2024-05-04', name: 'Làm bù cho ngày 29/4/2024', replaces: '2024-04-29' },
  ],
  sourceDecision:
    'Thông báo số 5015/TB-LĐTBXH ngày 22/11/2023 của Bộ Lao động – Thương binh và Xã hội (Tết Âm lịch, Quốc khánh năm 2024); Văn bản số 2450/VPCP-KGVX ngày 12/4/2024 của Văn phòng Chính phủ (hoán đổi ngày làm việc dịp 30/4–1/5)',
  provisional: false,
  sources: [
    'Bộ luật Lao động 2019, Điều 111, 112',
    'Thông báo số 5015/TB-LĐTBXH ngày 22/11/2023 (nội dung trích trên cổng thông tin tỉnh Kon Tum)',
    'Văn bản số 2450/VPCP-KGVX ngày 12/4/2024 (qua Cổng thông tin điện tử Chính phủ)',
  ],
};
