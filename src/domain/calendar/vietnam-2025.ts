/**
 * Days off of Vietnamese state agencies in 2025 (see vietnam-2021.ts for the rules).
 *
 * How sure each entry is (checked against Thông báo 6150 as quoted at length by the press, not
 * against the signed notice itself):
 * - Tết Dương lịch: Wednesday 01/01.
 * - Tết Nguyên đán Ất Tỵ: Sat 25/01 – Sun 02/02 (26 tháng Chạp Giáp Thìn – mùng 5 Tết; 5 days of
 *   Tết Mon 27/01 – Fri 31/01 and the two weekends), no make-up day.
 * - Giỗ Tổ (10/3 âm lịch): Monday 07/04 (from the lunar calendar; no notice needed).
 * - 30/4 (Wed) and 1/5 (Thu): Friday 02/05 swapped with Saturday 26/04 (make-up working day), so
 *   30/04 – 04/05 are five days in a row.
 * - Quốc khánh: Mon 01/09 and Tue 02/09 with the weekend before: 30/08 – 02/09.
 * All from Thông báo số 6150/TB-LĐTBXH (2024), after Văn bản số 8726/VPCP-KGVX ngày 26/11/2024.
 */
import type { CalendarYear } from './calendar-data.js';

export const VIETNAM_2025: CalendarYear = {
  year: 2025,
  scope: 'Việt Nam — cơ quan hành chính nhà nước',
  weekend: [6, 7],
  daysOff: [
    { date: '2025-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
    {
      date: '2025-01-25',
      to: '2025-02-02',
      name: 'Tết Nguyên đán Ất Tỵ',
      kind: 'holiday',
      note: 'Từ 26 tháng Chạp năm Giáp Thìn đến hết mùng 5 tháng Giêng năm Ất Tỵ (5 ngày Tết và 4 ngày nghỉ hằng tuần).',
    },
    { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday' },
    { date: '2025-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday' },
    { date: '2025-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday' },
    {
      date: '2025-05-02',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)',
      kind: 'swap',
    },
    { date: '2025-09-01', name: 'Quốc khánh (ngày liền trước 2/9)', kind: 'holiday' },
    { date: '2025-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday' },
  ],
  makeUpWorkingDays: [
    { date: '2025-04-26', name: 'Làm bù cho ngày 02/5/2025', replaces: '2025-05-02' },
  ],
  sourceDecision:
    'Thông báo số 6150/TB-LĐTBXH năm 2024 của Bộ Lao động – Thương binh và Xã hội, thực hiện Văn bản số 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (Tết Âm lịch, 30/4–1/5, Quốc khánh năm 2025)',
  provisional: false,
  sources: [
    'Bộ luật Lao động 2019, Điều 111, 112',
    'Thông báo số 6150/TB-LĐTBXH (nội dung trích trên báo chí: VietnamPlus, Báo Đà Nẵng)',
  ],
};
