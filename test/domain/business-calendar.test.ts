import { describe, expect, it } from 'vitest';
import {
  BusinessCalendar,
  CalendarDataError,
  CalendarYearNotLoadedError,
  calendarYearFromJson,
  isoWeekday,
  localDatesBetween,
  parseCalendarYearJson,
  VIETNAM_2021,
  VIETNAM_2022,
  VIETNAM_CALENDAR_YEARS,
  vietnamBusinessCalendar,
  yearsWithoutData,
  yearWithoutDataWarning,
  type CalendarYear,
} from '../../src/domain/calendar/index.js';

const calendar = vietnamBusinessCalendar();

/** Weekdays (Mon–Fri) in a range that are days off. */
function weekdaysOff(from: string, to: string): string[] {
  return localDatesBetween(from, to).filter(
    (day) => isoWeekday(day) <= 5 && !calendar.isWorkingDay(day),
  );
}

function errorOf(fn: () => unknown): CalendarDataError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CalendarDataError) return err;
    throw err;
  }
  throw new Error('expected a CalendarDataError');
}

describe('Vietnamese state agencies 2021–2022: days off', () => {
  it('has exactly these weekday days off in 2021', () => {
    expect(weekdaysOff('2021-01-01', '2021-12-31')).toEqual([
      '2021-01-01', // Tết Dương lịch (Fri)
      '2021-02-10', // Tết Tân Sửu: Wed 10/02 …
      '2021-02-11',
      '2021-02-12',
      '2021-02-15',
      '2021-02-16', // … to Tue 16/02
      '2021-04-21', // Giỗ Tổ Hùng Vương (Wed)
      '2021-04-30', // 30/4 (Fri)
      '2021-05-03', // in lieu of 1/5 (Sat)
      '2021-09-02', // Quốc khánh (Thu)
      '2021-09-03', // and the day after (Fri)
    ]);
  });

  it('has exactly these weekday days off in 2022', () => {
    expect(weekdaysOff('2022-01-01', '2022-12-31')).toEqual([
      '2022-01-03', // in lieu of 1/1 (Sat)
      '2022-01-31', // Tết Nhâm Dần: Mon 31/01 …
      '2022-02-01',
      '2022-02-02',
      '2022-02-03',
      '2022-02-04', // … to Fri 04/02
      '2022-04-11', // in lieu of Giỗ Tổ (Sun 10/04)
      '2022-05-02', // in lieu of 30/4 (Sat)
      '2022-05-03', // in lieu of 1/5 (Sun)
      '2022-09-01', // Quốc khánh: Thu 01/09 …
      '2022-09-02', // … and Fri 02/09
    ]);
  });

  it('keeps Tết 2022 off from Sat 29/01 to Sun 06/02 and names it', () => {
    for (const day of localDatesBetween('2022-01-29', '2022-02-06')) {
      expect(calendar.isDayOff(day), day).toBe(true);
      expect(calendar.dayInfo(day)).toMatchObject({ working: false, reason: 'holiday' });
    }
    expect(calendar.dayInfo('2022-02-01')).toMatchObject({ name: 'Tết Nguyên đán Nhâm Dần' });
    expect(calendar.isWorkingDay('2022-01-28')).toBe(true);
    expect(calendar.isWorkingDay('2022-02-07')).toBe(true);
  });

  it('tells substitute days and ordinary weekends apart', () => {
    expect(calendar.dayInfo('2022-01-03')).toMatchObject({ working: false, reason: 'substitute' });
    expect(calendar.dayInfo('2021-12-25')).toEqual({
      date: '2021-12-25',
      working: false,
      reason: 'weekend',
      name: null,
    });
    expect(calendar.dayInfo('2021-12-24')).toEqual({
      date: '2021-12-24',
      working: true,
      makeUp: null,
    });
  });

  it('has every window of the 2021 plan end on a working day (as domain.md notes)', () => {
    for (const end of ['2021-12-24', '2021-12-31', '2022-01-14', '2022-01-21', '2022-01-28']) {
      expect(calendar.isWorkingDay(end), end).toBe(true);
    }
    for (const end of ['2022-02-11', '2022-02-17', '2022-02-28']) {
      expect(calendar.isWorkingDay(end), end).toBe(true);
    }
  });
});

describe('counting working days', () => {
  it('counts back 7, 3 and 1 working days from Fri 24/12/2021', () => {
    expect(calendar.subtractWorkingDays('2021-12-24', 7)).toBe('2021-12-15');
    expect(calendar.subtractWorkingDays('2021-12-24', 3)).toBe('2021-12-21');
    expect(calendar.subtractWorkingDays('2021-12-24', 1)).toBe('2021-12-23');
  });

  it('jumps over Tết 2022', () => {
    expect(calendar.addWorkingDays('2022-01-28', 1)).toBe('2022-02-07');
    expect(calendar.addWorkingDays('2022-01-27', 2)).toBe('2022-02-07');
    expect(calendar.addWorkingDays('2022-01-24', 10)).toBe('2022-02-14');
    expect(calendar.subtractWorkingDays('2022-02-07', 1)).toBe('2022-01-28');
    expect(calendar.addWorkingDays('2022-02-07', -1)).toBe('2022-01-28');
    // From a day off, the day itself does not count.
    expect(calendar.addWorkingDays('2022-02-01', 1)).toBe('2022-02-07');
    expect(calendar.workingDaysBetween('2022-01-28', '2022-02-07')).toBe(1);
    expect(calendar.workingDaysBetween('2022-02-07', '2022-01-28')).toBe(-1);
  });

  it('jumps over New Year 2022 and its substitute day, across the year', () => {
    expect(calendar.addWorkingDays('2021-12-31', 1)).toBe('2022-01-04');
    expect(calendar.subtractWorkingDays('2022-01-04', 1)).toBe('2021-12-31');
  });

  it('leaves the date alone for n = 0 and refuses fractions', () => {
    expect(calendar.addWorkingDays('2022-01-30', 0)).toBe('2022-01-30');
    expect(() => calendar.addWorkingDays('2022-01-03', 1.5)).toThrow(RangeError);
  });

  it('finds the working day on or before / on or after a day', () => {
    expect(calendar.previousWorkingDayOnOrBefore('2022-02-06')).toBe('2022-01-28');
    expect(calendar.nextWorkingDayOnOrAfter('2022-01-29')).toBe('2022-02-07');
    expect(calendar.previousWorkingDayOnOrBefore('2022-01-28')).toBe('2022-01-28');
    expect(calendar.nextWorkingDayOnOrAfter('2022-02-07')).toBe('2022-02-07');
    expect(calendar.nextWorkingDayOnOrAfter('2021-04-30')).toBe('2021-05-04');
    expect(calendar.previousWorkingDayOnOrBefore('2022-05-03')).toBe('2022-04-29');
  });

  it('refuses a year without data, or counts weekdays only when asked to', () => {
    expect(() => calendar.isWorkingDay('2028-01-03')).toThrow(CalendarYearNotLoadedError);
    expect(() => calendar.addWorkingDays('2027-12-31', 1)).toThrow(
      /No working-day calendar for 2028/,
    );
    const lenient = vietnamBusinessCalendar([], { outsideKnownYears: 'weekends_only' });
    expect(lenient.addWorkingDays('2027-12-31', 1)).toBe('2028-01-03');
  });

  it('refuses a malformed date', () => {
    expect(() => calendar.isWorkingDay('2022-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('24/12/2021')).toThrow(RangeError);
  });
});

describe('make-up working days and a province calendar as JSON', () => {
  // Illustrative data in the shape of a real announcement (2023: 30/4–3/5 off, Sat 06/05 worked).
  const json = JSON.stringify({
    year: 2023,
    scope: 'Tỉnh Vĩnh Long',
    daysOff: [
      { date: '2023-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
      {
        date: '2023-01-02',
        name: 'Nghỉ bù Tết Dương lịch',
        kind: 'substitute',
        substituteFor: '2023-01-01',
      },
      { date: '2023-01-20', to: '2023-01-26', name: 'Tết Nguyên đán Quý Mão', kind: 'holiday' },
      { date: '2023-05-03', name: 'Nghỉ hoán đổi', kind: 'swap' },
    ],
    makeUpWorkingDays: [{ date: '2023-05-06', name: 'Làm bù cho 03/05', replaces: '2023-05-03' }],
  });

  it('loads a valid year with defaults and counts a make-up Saturday as working', () => {
    const year = parseCalendarYearJson(json);
    expect(year.weekend).toEqual([6, 7]);
    const withProvince = calendar.withYear(year);
    expect(withProvince.loadedYears).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(withProvince.yearData(2023)?.scope).toBe('Tỉnh Vĩnh Long');
    expect(withProvince.isWorkingDay('2023-05-06')).toBe(true);
    expect(withProvince.dayInfo('2023-05-06')).toMatchObject({
      working: true,
      makeUp: { replaces: '2023-05-03' },
    });
    expect(withProvince.isWorkingDay('2023-05-03')).toBe(false);
    expect(withProvince.addWorkingDays('2023-05-05', 1)).toBe('2023-05-06');
    expect(withProvince.addWorkingDays('2022-12-30', 1)).toBe('2023-01-03');
    // The national data is untouched.
    expect(calendar.loadedYears).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(calendar.isWorkingDay('2023-05-06')).toBe(false);
  });

  it('lets a province replace a preloaded year', () => {
    const extra: CalendarYear = {
      ...VIETNAM_2022,
      scope: 'Tỉnh X',
      daysOff: [
        ...VIETNAM_2022.daysOff,
        { date: '2022-12-30', name: 'Ngày nghỉ của tỉnh', kind: 'other' },
      ],
    };
    const province = vietnamBusinessCalendar([extra]);
    expect(province.isWorkingDay('2022-12-30')).toBe(false);
    expect(province.yearData(2022)?.scope).toBe('Tỉnh X');
    expect(province.isWorkingDay('2021-09-03')).toBe(false);
  });

  it('names the field of every error at once', () => {
    const err = errorOf(() =>
      calendarYearFromJson({
        year: '2023',
        weekend: [6, 8],
        daysOff: [
          { date: '2023-02-30', name: 'X', kind: 'holiday' },
          { date: '2023-01-01', kind: 'festival' },
          'Tết',
        ],
        makeupWorkingDays: [],
      }),
    );
    const paths = err.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'year',
        'weekend[1]',
        'daysOff[1].name',
        'daysOff[1].kind',
        'daysOff[2]',
        'makeupWorkingDays',
      ]),
    );
    expect(err.message).toMatch(/^Invalid calendar JSON: /);
    expect(err.message).toContain('makeupWorkingDays: unknown field');
    expect(err.message).toContain(
      'daysOff[1].kind: expected one of holiday, substitute, swap, other',
    );
  });

  it('checks the dates once the shapes are right', () => {
    const base = { year: 2023, daysOff: [] as unknown[] };
    const dateErr = errorOf(() =>
      calendarYearFromJson({
        ...base,
        daysOff: [
          { date: '2023-02-30', name: 'Sai ngày', kind: 'holiday' },
          { date: '2023-01-26', to: '2023-01-20', name: 'Tết', kind: 'holiday' },
          { date: '2025-09-02', name: 'Năm khác', kind: 'holiday' },
        ],
      }),
    );
    expect(dateErr.issues).toEqual([
      {
        path: 'daysOff[0].date',
        message: '"2023-02-30" is not an existing day written YYYY-MM-DD',
      },
      { path: 'daysOff[1].to', message: '2023-01-20 is before date 2023-01-26' },
      {
        path: 'daysOff[2].date',
        message: '2025-09-02 is outside 2023 (and its neighbouring weeks)',
      },
    ]);

    const conflict = errorOf(() =>
      calendarYearFromJson({
        ...base,
        daysOff: [
          { date: '2023-05-01', name: '1/5', kind: 'holiday' },
          { date: '2023-04-29', to: '2023-05-01', name: 'Lễ', kind: 'holiday' },
        ],
        makeUpWorkingDays: [{ date: '2023-05-01', name: 'Làm bù' }],
      }),
    );
    expect(conflict.issues.map((issue) => issue.path)).toEqual([
      'daysOff[1]',
      'makeUpWorkingDays[0].date',
    ]);
  });

  it('reports malformed JSON and a non-object', () => {
    expect(errorOf(() => parseCalendarYearJson('{"year": 2023,')).issues[0]?.path).toBe('(json)');
    expect(errorOf(() => calendarYearFromJson([])).issues).toEqual([
      { path: '(root)', message: 'expected an object, got an array' },
    ]);
    expect(errorOf(() => calendarYearFromJson({ year: 2023 })).issues).toEqual([
      { path: 'daysOff', message: 'is required' },
    ]);
  });

  it('refuses the same year twice and the preloaded data is itself valid', () => {
    expect(() => new BusinessCalendar([VIETNAM_2021, VIETNAM_2021])).toThrow(/2021 is given twice/);
    expect(() => new BusinessCalendar([VIETNAM_2021, VIETNAM_2022])).not.toThrow();
    // Round trip: the preloaded data passes the JSON loader unchanged.
    expect(calendarYearFromJson(JSON.parse(JSON.stringify(VIETNAM_2022)))).toEqual(VIETNAM_2022);
  });
});

describe('Vietnamese state agencies 2026 (unverified data): days off', () => {
  const calendar = vietnamBusinessCalendar();
  it.each([
    ['2026-02-16', false], // Tết Bính Ngọ, Monday
    ['2026-02-23', true], // back to work after Tết
    ['2026-04-27', false], // Giỗ Tổ in lieu (26/04 is a Sunday)
    ['2026-11-27', true], // a Friday
    ['2026-11-28', false], // a Saturday
  ])('%s is a working day: %s', (day, working) => {
    expect(calendar.isWorkingDay(day)).toBe(working);
  });
});

describe('Vietnamese state agencies 2023–2027: days off as the notices give them', () => {
  const calendar = vietnamBusinessCalendar();
  it.each([
    // 2023: Tết Quý Mão 20/01–26/01 (Văn bản 8056/VPCP-KGVX); 29/04–03/05 with no make-up day.
    ['2023-01-02', false], // Tết Dương lịch in lieu (01/01 a Sunday)
    ['2023-01-19', true],
    ['2023-01-20', false],
    ['2023-01-26', false],
    ['2023-01-27', true],
    ['2023-05-02', false], // Giỗ Tổ (Sat 29/04) in lieu
    ['2023-05-03', false], // 30/4 (Sunday) in lieu
    ['2023-05-04', true],
    ['2023-05-06', false], // an ordinary Saturday: no make-up day in 2023
    ['2023-09-01', false],
    ['2023-09-04', false], // Quốc khánh (Sat 02/09) in lieu
    // 2024: Tết 08/02–14/02; 29/04 swapped with Sat 04/05; Quốc khánh 02–03/09.
    ['2024-02-07', true],
    ['2024-02-08', false],
    ['2024-02-14', false],
    ['2024-02-15', true],
    ['2024-04-18', false], // Giỗ Tổ
    ['2024-04-29', false], // swapped day off
    ['2024-05-04', true], // make-up Saturday
    ['2024-09-03', false],
    // 2025: Tết 25/01–02/02; 02/05 swapped with Sat 26/04; Quốc khánh 01–02/09.
    ['2025-01-24', true],
    ['2025-01-27', false],
    ['2025-01-31', false],
    ['2025-02-03', true],
    ['2025-04-07', false], // Giỗ Tổ
    ['2025-04-26', true], // make-up Saturday
    ['2025-05-02', false], // swapped day off
    ['2025-09-01', false],
    ['2025-09-03', true],
    // 2026: 02/01 swapped with Sat 10/01.
    ['2026-01-02', false],
    ['2026-01-10', true],
    // 2027 (provisional): Tết Đinh Mùi, mùng 1 = Sat 06/02; 1/5 a Saturday, Mon 03/05 in lieu.
    ['2027-02-04', true],
    ['2027-02-05', false],
    ['2027-02-11', false],
    ['2027-02-12', true],
    ['2027-04-16', false],
    ['2027-05-03', false],
    ['2027-09-03', false],
  ])('%s is a working day: %s', (day, working) => {
    expect(calendar.isWorkingDay(day)).toBe(working);
  });

  it('names a source decision for every built-in year and marks the undecreed ones provisional', () => {
    for (const year of VIETNAM_CALENDAR_YEARS) {
      expect(year.sourceDecision, String(year.year)).toMatch(/\S/);
      expect(typeof year.provisional, String(year.year)).toBe('boolean');
    }
    expect(VIETNAM_CALENDAR_YEARS.find((y) => y.year === 2027)?.provisional).toBe(true);
    expect(VIETNAM_CALENDAR_YEARS.find((y) => y.year === 2024)?.sourceDecision).toMatch(
      /5015\/TB-LĐTBXH/,
    );
    // Every built-in year passes the JSON loader unchanged (what the API's export gives back).
    for (const year of VIETNAM_CALENDAR_YEARS) {
      expect(calendarYearFromJson(JSON.parse(JSON.stringify(year)))).toEqual(year);
    }
  });
});

describe('yearsWithoutData: the years of a plan planned on Monday–Friday', () => {
  it('lists each year without data once, ascending, and none for the loaded years', () => {
    const calendar = vietnamBusinessCalendar([], { outsideKnownYears: 'weekends_only' });
    expect(
      yearsWithoutData(calendar, ['2029-03-01', '2027-12-31', '2028-01-03', '2028-06-30']),
    ).toEqual([2028, 2029]);
    expect(yearsWithoutData(calendar, ['2021-12-24', '2026-01-10'])).toEqual([]);
    expect(yearWithoutDataWarning(2028)).toMatch(
      /^Chưa có lịch ngày nghỉ, ngày làm bù năm 2028: nhắc việc năm đó được lập theo thứ Hai–thứ Sáu/,
    );
    // Planned on weekdays there: Fri 31/12/2027 + 1 working day is Mon 03/01/2028.
    expect(calendar.addWorkingDays('2027-12-31', 1)).toBe('2028-01-03');
  });
});
