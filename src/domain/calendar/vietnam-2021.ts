/**
 * Days off of Vietnamese state agencies in 2021 (cán bộ, công chức, viên chức of administrative
 * agencies, which work Monday–Friday). Labour Code 2019, art. 112: Tết Dương lịch 1 day, Tết Âm
 * lịch 5 days, 30/4 1 day, 1/5 1 day, Quốc khánh 2 days (2/9 and one day before or after), Giỗ Tổ
 * Hùng Vương 1 day (10/3 âm lịch); a holiday on a weekend gives a substitute day off (nghỉ bù).
 *
 * How sure each entry is (checked while writing this file against press reports of the Ministry of
 * Labour's yearly notice and against the python-holidays data set, not against the notice itself):
 * - 01/01 (Fri), Tết 10/02–16/02 (29 tháng Chạp Canh Tý – mùng 5 Tết Tân Sửu; 5 days of Tết plus
 *   the weekend), 21/04 (Wed), 30/04 (Fri) + 01/05 (Sat) with 03/05 (Mon) in lieu, 02/09 (Thu) +
 *   03/09 (Fri): confirmed by two independent sources each.
 * - Make-up working days: none. No swap of working days was announced for 2021 as far as known
 *   (from memory, consistent with python-holidays, which lists no 2021 swap). Add one here if a
 *   province or the Government decided otherwise.
 */
import type { CalendarYear } from './calendar-data.js';

export const VIETNAM_2021: CalendarYear = {
  year: 2021,
  scope: 'Việt Nam — cơ quan hành chính nhà nước',
  weekend: [6, 7],
  daysOff: [
    { date: '2021-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
    {
      date: '2021-02-10',
      to: '2021-02-16',
      name: 'Tết Nguyên đán Tân Sửu',
      kind: 'holiday',
      note: 'Từ 29 tháng Chạp năm Canh Tý đến hết mùng 5 tháng Giêng năm Tân Sửu (5 ngày Tết và 2 ngày nghỉ hằng tuần).',
    },
    { date: '2021-04-21', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday' },
    { date: '2021-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday' },
    { date: '2021-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday' },
    {
      date: '2021-05-03',
      name: 'Nghỉ bù Ngày Quốc tế Lao động (1/5 trùng thứ Bảy)',
      kind: 'substitute',
      substituteFor: '2021-05-01',
    },
    { date: '2021-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday' },
    { date: '2021-09-03', name: 'Quốc khánh (ngày liền sau 2/9)', kind: 'holiday' },
  ],
  makeUpWorkingDays: [],
  sourceDecision:
    'Thông báo lịch nghỉ lễ, Tết năm 2021 của Bộ Lao động – Thương binh và Xã hội (số hiệu chưa ghi; đối chiếu qua báo chí)',
  provisional: true,
  sources: [
    'Bộ luật Lao động 2019, Điều 112',
    'Thông báo lịch nghỉ Tết Nguyên đán, Quốc khánh năm 2021 của Bộ LĐ-TB&XH (qua báo chí)',
  ],
};
