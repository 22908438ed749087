/**
 * Days off of Vietnamese state agencies in 2023 (see vietnam-2021.ts for the rules).
 *
 * How sure each entry is (checked against the Government Office's letter as quoted in full by the
 * press and provincial portals, not against the Ministry's notice itself):
 * - Tết Dương lịch: 01/01 is a Sunday, so Monday 02/01 is the substitute day (Labour Code art. 111).
 * - Tết Nguyên đán Quý Mão: Fri 20/01 – Thu 26/01 (29 tháng Chạp Nhâm Dần – mùng 5 Tết; 5 days of
 *   Tết and 2 substitute days for the weekend inside it): Văn bản 8056/VPCP-KGVX ngày 01/12/2022.
 * - Giỗ Tổ (10/3 âm lịch) is Sat 29/04 and 30/04 a Sunday, so Tue 02/05 and Wed 03/05 are their
 *   substitute days: 29/04 – 03/05, five days in a row. No swap and NO make-up working day:
 *   Saturday 06/05/2023 was an ordinary Saturday off (the press reported no make-up day).
 * - Quốc khánh: Fri 01/09 (the day before) and Sat 02/09, with Monday 04/09 in lieu of 02/09:
 *   01/09 – 04/09, Văn bản 8056/VPCP-KGVX ngày 01/12/2022.
 */
import type { CalendarYear } from './calendar-data.js';

export const VIETNAM_2023: CalendarYear = {
  year: 2023,
  scope: 'Việt Nam — cơ quan hành chính nhà nước',
  weekend: [6, 7],
  daysOff: [
    { date: '2023-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
    {
      date: '2023-01-02',
      name: 'Nghỉ bù Tết Dương lịch (1/1 trùng Chủ nhật)',
      kind: 'substitute',
      substituteFor: '2023-01-01',
    },
    {
      date: '2023-01-20',
      to: '2023-01-26',
      name: 'Tết Nguyên đán Quý Mão',
      kind: 'holiday',
      note: 'Từ 29 tháng Chạp năm Nhâm Dần đến hết mùng 5 tháng Giêng năm Quý Mão (5 ngày Tết và 2 ngày nghỉ bù ngày nghỉ hằng tuần).',
    },
    { date: '2023-04-29', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday' },
    { date: '2023-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday' },
    { date: '2023-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday' },
    {
      date: '2023-05-02',
      name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch trùng thứ Bảy)',
      kind: 'substitute',
      substituteFor: '2023-04-29',
    },
    {
      date: '2023-05-03',
      name: 'Nghỉ bù Ngày Chiến thắng (30/4 trùng Chủ nhật)',
      kind: 'substitute',
      substituteFor: '2023-04-30',
    },
    { date: '2023-09-01', name: 'Quốc khánh (ngày liền trước 2/9)', kind: 'holiday' },
    { date: '2023-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday' },
    {
      date: '2023-09-04',
      name: 'Nghỉ bù Quốc khánh (2/9 trùng thứ Bảy)',
      kind: 'substitute',
      substituteFor: '2023-09-02',
    },
  ],
  makeUpWorkingDays: [],
  sourceDecision:
    'Văn bản số 8056/VPCP-KGVX ngày 01/12/2022 của Văn phòng Chính phủ (nghỉ Tết Âm lịch, Quốc khánh năm 2023); Bộ luật Lao động 2019, Điều 111–112 (nghỉ bù Tết Dương lịch, Giỗ Tổ, 30/4)',
  provisional: false,
  sources: [
    'Bộ luật Lao động 2019, Điều 111, 112',
    'Văn bản số 8056/VPCP-KGVX ngày 01/12/2022 (đối chiếu qua nội dung báo chí trích dẫn)',
  ],
};
