/**
 * Days off of Vietnamese state agencies in 2026 (see vietnam-2021.ts for the rules), so that a
 * campaign run this year (and the demo) can plan its reminders.
 *
 * How sure each entry is: written from memory of the 2026 notices as the press reported them, NOT
 * checked against the notices themselves. Check before relying on them, and correct them with a
 * province calendar year (parseCalendarYearJson), which replaces this one:
 * - 01/01 (Thu) Tết Dương lịch.
 * - Tết Nguyên đán Bính Ngọ: Sat 14/02 – Sun 22/02 (27 tháng Chạp – mùng 6 Tết; mùng 1 is Tue 17/02).
 * - Giỗ Tổ 10/3 âm lịch is Sun 26/04, with Mon 27/04 in lieu; 30/04 (Thu) and 01/05 (Fri).
 * - Quốc khánh: 02/09 (Wed) and the day before, 01/09 (Tue) (the adjacent day is an assumption).
 * - Make-up working days: none known.
 */
import type { CalendarYear } from './calendar-data.js';

export const VIETNAM_2026: CalendarYear = {
  year: 2026,
  scope: 'Việt Nam — cơ quan hành chính nhà nước',
  weekend: [6, 7],
  daysOff: [
    { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
    {
      date: '2026-02-14',
      to: '2026-02-22',
      name: 'Tết Nguyên đán Bính Ngọ',
      kind: 'holiday',
      note: 'Từ 27 tháng Chạp năm Ất Tỵ đến hết mùng 6 tháng Giêng năm Bính Ngọ (chưa đối chiếu văn bản gốc).',
    },
    { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday' },
    {
      date: '2026-04-27',
      name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch trùng Chủ nhật)',
      kind: 'substitute',
      substituteFor: '2026-04-26',
    },
    { date: '2026-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday' },
    { date: '2026-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday' },
    { date: '2026-09-01', name: 'Quốc khánh (ngày liền trước 2/9)', kind: 'holiday' },
    { date: '2026-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday' },
  ],
  makeUpWorkingDays: [],
  sources: [
    'Bộ luật Lao động 2019, Điều 112',
    'Lịch nghỉ lễ, Tết năm 2026 theo báo chí (chưa đối chiếu thông báo của Bộ; cần kiểm tra lại)',
  ],
};
