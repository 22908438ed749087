/**
 * Days off of Vietnamese state agencies in 2027: PROVISIONAL, nothing decreed yet. Computed from
 * the Labour Code 2019 (art. 111: a holiday on a weekend gives a substitute working day off; art.
 * 112: the days below) and the lunar calendar (Tết Đinh Mùi: mùng 1 = Saturday 06/02/2027, the
 * last day of tháng Chạp Bính Ngọ = 29 Chạp = Friday 05/02; Giỗ Tổ 10/3 âm lịch = Friday 16/04).
 * Replace this year at the portal or the API as soon as the Government's notice is out:
 * - Tết Dương lịch: Friday 01/01.
 * - Tết: the usual pattern, the last day of the old year and mùng 1–4, Fri 05/02 – Tue 09/02, of
 *   which Sat 06/02 and Sun 07/02 are weekend days, so Wed 10/02 and Thu 11/02 are substitute days:
 *   05/02 – 11/02 (the Government may choose other days or swap days to make nine).
 * - Giỗ Tổ: Friday 16/04. 30/4 (Fri) and 1/5 (Sat) with Monday 03/05 in lieu of 1/5.
 * - Quốc khánh: 02/09 (Thu) and the day after, Friday 03/09 (the adjacent day is a guess).
 * - Ngày Văn hóa Việt Nam 24/11 (Wed): a paid day off once the Labour Code is amended; not entered.
 */
import type { CalendarYear } from './calendar-data.js';

export const VIETNAM_2027: CalendarYear = {
  year: 2027,
  scope: 'Việt Nam — cơ quan hành chính nhà nước',
  weekend: [6, 7],
  daysOff: [
    { date: '2027-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
    {
      date: '2027-02-05',
      to: '2027-02-11',
      name: 'Tết Nguyên đán Đinh Mùi (dự kiến)',
      kind: 'holiday',
      note: 'Dự kiến theo Bộ luật Lao động: 29 tháng Chạp năm Bính Ngọ đến hết mùng 6 tháng Giêng năm Đinh Mùi (5 ngày Tết, trong đó 2 ngày trùng thứ Bảy, Chủ nhật được nghỉ bù thứ Tư 10/02 và thứ Năm 11/02). Chưa có thông báo.',
    },
    { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday' },
    { date: '2027-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday' },
    { date: '2027-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday' },
    {
      date: '2027-05-03',
      name: 'Nghỉ bù Ngày Quốc tế Lao động (1/5 trùng thứ Bảy)',
      kind: 'substitute',
      substituteFor: '2027-05-01',
    },
    { date: '2027-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday' },
    {
      date: '2027-09-03',
      name: 'Quốc khánh (ngày liền sau 2/9, dự kiến)',
      kind: 'holiday',
      note: 'Ngày liền kề 2/9 do Thủ tướng quyết định hằng năm; chưa có thông báo.',
    },
  ],
  makeUpWorkingDays: [],
  sourceDecision:
    'Chưa có thông báo: dự kiến theo Bộ luật Lao động 2019, Điều 111–112 và âm lịch (mùng 1 Tết Đinh Mùi là thứ Bảy 06/02/2027)',
  provisional: true,
  sources: ['Bộ luật Lao động 2019, Điều 111, 112', 'Âm lịch Việt Nam (múi giờ UTC+7)'],
};
