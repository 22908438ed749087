/**
 * Days off of Vietnamese state agencies in 2022 (see vietnam-2021.ts for the rules).
 *
 * How sure each entry is (checked while writing this file against press reports of the Ministry of
 * Labour's yearly notices and the python-holidays data set, not against the notices themselves):
 * - 01/01 (Sat) with 03/01 (Mon) in lieu, and Tết 29/01–06/02 (27 tháng Chạp Tân Sửu – mùng 6 Tết
 *   Nhâm Dần; 5 days of Tết Mon 31/01–Fri 04/02 plus two weekends): as docs/domain.md states, and
 *   consistent with the 2021 plan's dates (no step between 28/01 and 07/02).
 * - Giỗ Tổ 10/04 (Sun) with 11/04 (Mon) in lieu; 30/04 (Sat) and 01/05 (Sun) with Mon 02/05 and Tue
 *   03/05 in lieu (not Tue 03/05 and Wed 04/05: the press reported 4 days off, 30/4–3/5/2022);
 *   Quốc khánh Thu 01/09 and Fri 02/09: confirmed by two independent sources each.
 * - Make-up working days: none known (from memory; python-holidays lists no 2022 swap).
 */
import type { CalendarYear } from './calendar-data.js';

export const VIETNAM_2022: CalendarYear = {
  year: 2022,
  scope: 'Việt Nam — cơ quan hành chính nhà nước',
  weekend: [6, 7],
  daysOff: [
    { date: '2022-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
    {
      date: '2022-01-03',
      name: 'Nghỉ bù Tết Dương lịch (1/1 trùng thứ Bảy)',
      kind: 'substitute',
      substituteFor: '2022-01-01',
    },
    {
      date: '2022-01-29',
      to: '2022-02-06',
      name: 'Tết Nguyên đán Nhâm Dần',
      kind: 'holiday',
      note: 'Từ 27 tháng Chạp năm Tân Sửu đến hết mùng 6 tháng Giêng năm Nhâm Dần (5 ngày Tết và 4 ngày nghỉ hằng tuần).',
    },
    { date: '2022-04-10', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday' },
    {
      date: '2022-04-11',
      name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch trùng Chủ nhật)',
      kind: 'substitute',
      substituteFor: '2022-04-10',
    },
    { date: '2022-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday' },
    { date: '2022-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday' },
    {
      date: '2022-05-02',
      name: 'Nghỉ bù Ngày Chiến thắng (30/4 trùng thứ Bảy)',
      kind: 'substitute',
      substituteFor: '2022-04-30',
    },
    {
      date: '2022-05-03',
      name: 'Nghỉ bù Ngày Quốc tế Lao động (1/5 trùng Chủ nhật)',
      kind: 'substitute',
      substituteFor: '2022-05-01',
    },
    { date: '2022-09-01', name: 'Quốc khánh (ngày liền trước 2/9)', kind: 'holiday' },
    { date: '2022-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday' },
  ],
  makeUpWorkingDays: [],
  sourceDecision:
    'Thông báo lịch nghỉ lễ, Tết năm 2022 của Bộ Lao động – Thương binh và Xã hội (số hiệu chưa ghi; đối chiếu qua báo chí)',
  provisional: true,
  sources: [
    'Bộ luật Lao động 2019, Điều 112',
    'Thông báo lịch nghỉ Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ, 30/4–1/5 và Quốc khánh năm 2022 của Bộ LĐ-TB&XH (qua báo chí)',
    'docs/domain.md (Tết 2022, nghỉ bù 03/01/2022)',
  ],
};
