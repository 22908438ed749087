/**
 * Days off of Vietnamese state agencies in 2026 (see vietnam-2021.ts for the rules).
 *
 * How sure each entry is (the Ministry of Home Affairs announces the days off since 2025):
 * - Tết Dương lịch: Thursday 01/01, and Friday 02/01 swapped with Saturday 10/01 (make-up working
 *   day), 01/01 – 04/01: Văn bản số 12729/VPCP-KGVX ngày 25/12/2025, as the press reported it.
 * - Tết Nguyên đán Bính Ngọ: Sat 14/02 – Sun 22/02 (27 tháng Chạp Ất Tỵ – mùng 6 Tết; 5 days of Tết
 *   Mon 16/02 – Fri 20/02 and the two weekends): Thông báo số 9441/TB-BNV ngày 16/10/2025, as the
 *   press reported it.
 * - Giỗ Tổ 10/3 âm lịch is Sun 26/04, with Mon 27/04 in lieu; 30/04 (Thu) and 01/05 (Fri): from the
 *   Labour Code and the lunar calendar; a swap for 30/4 was not checked.
 * - Quốc khánh: 02/09 (Wed) and the day before, 01/09 (Tue): NOT checked (the press reported a
 *   proposal of five days); correct the year at the portal or the API when known.
 * - Ngày Văn hóa Việt Nam 24/11 (Tue): announced as a paid day off by the Politburo (Nghị quyết
 *   80-NQ/TW) but not yet in the Labour Code; not entered.
 */
import type { CalendarYear } from './calendar-data.js';

export const VIETNAM_2026: CalendarYear = {
  year: 2026,
  scope: 'Việt Nam — cơ quan hành chính nhà nước',
  weekend: [6, 7],
  daysOff: [
    { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
    {
      date: '2026-01-02',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)',
      kind: 'swap',
    },
    {
      date: '2026-02-14',
      to: '2026-02-22',
      name: 'Tết Nguyên đán Bính Ngọ',
      kind: 'holiday',
      note: 'Từ 27 tháng Chạp năm Ất Tỵ đến hết mùng 6 tháng Giêng năm Bính Ngọ (5 ngày Tết và 4 ngày nghỉ hằng tuần).',
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
    {
      date: '2026-09-01',
      name: 'Quốc khánh (ngày liền trước 2/9)',
      kind: 'holiday',
      note: 'Chưa đối chiếu thông báo của Bộ Nội vụ.',
    },
    { date: '2026-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday' },
  ],
  makeUpWorkingDays: [
    { date: '2026-01-10', name: 'Làm bù cho ngày 02/01/2026', replaces: '2026-01-02' },
  ],
  sourceDecision:
    'Thông báo số 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ (Tết Âm lịch, Quốc khánh năm 2026); Văn bản số 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ (hoán đổi ngày làm việc dịp Tết Dương lịch)',
  provisional: true,
  sources: [
    'Bộ luật Lao động 2019, Điều 111, 112',
    'Thông báo số 9441/TB-BNV ngày 16/10/2025 và Văn bản số 12729/VPCP-KGVX ngày 25/12/2025 (qua báo chí; chưa đối chiếu văn bản gốc)',
    'Quốc khánh 2026 và 30/4–1/5/2026: chưa kiểm tra',
  ],
};
