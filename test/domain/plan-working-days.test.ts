import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/domain/calendar/business-calendar.js';
import type { CalendarYear } from '../../src/domain/calendar/calendar-data.js';
import { endOfLocalDay, startOfLocalDay } from '../../src/domain/plan-dates.js';
import { placePlanOnWorkingDays, windowTextOf } from '../../src/domain/plan-working-days.js';

const VN = 'Asia/Ho_Chi_Minh';

/** A year of its own, so these rules do not depend on the built-in data. */
const YEAR_2030: CalendarYear = {
  year: 2030,
  scope: 'kiểm thử',
  weekend: [6, 7],
  daysOff: [
    { date: '2030-02-01', to: '2030-02-07', name: 'Tết Nguyên đán Canh Tuất', kind: 'holiday' },
  ],
  makeUpWorkingDays: [{ date: '2030-02-09', name: 'Làm bù', replaces: '2030-02-07' }],
};
const calendar = new BusinessCalendar([YEAR_2030]);

const step = (number: number, opens: string | null, closes: string | null) => ({
  number,
  opensAt: opens ? startOfLocalDay(opens, VN) : null,
  deadline: closes ? endOfLocalDay(closes, VN) : null,
});

describe('placePlanOnWorkingDays', () => {
  it('moves a deadline back and an opening forward by default, keeping the time of day', () => {
    // Opening Sun 03/02 in Tết → Fri 08/02; deadline Sat 09/02 is a make-up working day: stays.
    // Deadline Sat 16/02 → Fri 15/02.
    const placed = placePlanOnWorkingDays(
      [step(1, '2030-02-03', '2030-02-09'), step(2, '2030-02-11', '2030-02-16')],
      VN,
      calendar,
    );
    expect(placed.steps).toEqual([
      {
        number: 1,
        opensAt: startOfLocalDay('2030-02-08', VN),
        deadline: endOfLocalDay('2030-02-09', VN),
      },
      {
        number: 2,
        opensAt: startOfLocalDay('2030-02-11', VN),
        deadline: endOfLocalDay('2030-02-15', VN),
      },
    ]);
    expect(placed.moves.map((m) => [m.step, m.date, m.yearShiftOn, m.chosenOn, m.reason])).toEqual([
      [1, 'opensAt', '2030-02-03', '2030-02-08', 'Tết Nguyên đán Canh Tuất'],
      [2, 'deadline', '2030-02-16', '2030-02-15', 'Thứ Bảy'],
    ]);
    expect(placed.warnings).toEqual([]);
  });

  it("follows the chosen rules: 'next' deadlines, 'previous' openings, 'keep'", () => {
    const placed = placePlanOnWorkingDays([step(1, '2030-02-17', '2030-02-17')], VN, calendar, {
      deadlines: 'next',
      openings: 'previous',
    });
    // Sunday 17/02: opening back to Fri 15/02, deadline on to Mon 18/02.
    expect(placed.moves.map((m) => [m.date, m.chosenOn, m.reason])).toEqual([
      ['opensAt', '2030-02-15', 'Chủ nhật'],
      ['deadline', '2030-02-18', 'Chủ nhật'],
    ]);
    const kept = placePlanOnWorkingDays([step(1, null, '2030-02-16')], VN, calendar, {
      deadlines: 'keep',
      openings: 'next',
    });
    expect(kept.moves).toEqual([]);
    expect(kept.kept.map((m) => [m.chosenOn, m.reason])).toEqual([['2030-02-16', 'Thứ Bảy']]);
    expect(kept.steps[0]!.deadline).toEqual(endOfLocalDay('2030-02-16', VN));
  });

  it('leaves a step without dates alone, and plans a year without data on weekdays, saying so', () => {
    const placed = placePlanOnWorkingDays(
      [step(1, null, null), step(2, '2031-03-01', '2031-03-10')],
      VN,
      calendar,
    );
    expect(placed.steps[0]).toEqual({ number: 1, opensAt: null, deadline: null });
    expect(placed.moves.map((m) => [m.step, m.chosenOn])).toEqual([[2, '2031-03-03']]);
    expect(placed.warnings).toEqual([
      expect.stringMatching(/^Năm 2031 chưa có lịch ngày làm việc/),
    ]);
  });

  it('warns when the moves close a window before it opens', () => {
    const placed = placePlanOnWorkingDays([step(4, '2030-02-16', '2030-02-16')], VN, calendar);
    expect(placed.warnings).toEqual([
      expect.stringMatching(
        /^Bước 4: sau khi dời sang ngày làm việc, ngày mở \(18\/02\/2030\) không còn trước hạn \(15\/02\/2030\)/,
      ),
    ]);
  });
});

describe('windowTextOf', () => {
  it('writes the window as the plans do', () => {
    expect(windowTextOf('2022-12-01', '2022-12-23')).toBe('Từ ngày 01-23/12/2022');
    expect(windowTextOf('2022-12-27', '2023-01-05')).toBe('Từ ngày 27/12/2022 đến ngày 05/01/2023');
    expect(windowTextOf(null, '2023-01-05')).toBe('Đến ngày 05/01/2023');
  });
});
