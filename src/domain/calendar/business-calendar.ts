/**
 * Working days of state agencies, from year data (see calendar-data.ts). Pure: no I/O, no clock,
 * no time zone (local dates only), so workflows, activities and the API count days alike.
 *
 * A day is a working day unless it is a weekend day or a listed day off; a listed make-up working
 * day (ngày làm bù) is a working day even on a weekend. Asking about a year that has no data throws
 * (a reminder must not be planned on a holiday nobody entered), unless the calendar was built with
 * `outsideKnownYears: 'weekends_only'`.
 */
import {
  assertCalendarYear,
  CalendarDataError,
  daysOfEntry,
  type CalendarYear,
  type DayOffEntry,
  type MakeUpWorkingDay,
} from './calendar-data.js';
import {
  addCalendarDays,
  assertLocalDate,
  dayNumber,
  fromDayNumber,
  isoWeekday,
  yearOf,
} from './local-date.js';

export class CalendarYearNotLoadedError extends Error {
  constructor(
    readonly year: number,
    readonly loadedYears: readonly number[],
  ) {
    super(
      `No working-day calendar for ${year} (loaded: ${loadedYears.join(', ') || 'none'}); ` +
        "load that year's holidays first",
    );
    this.name = 'CalendarYearNotLoadedError';
  }
}

export interface BusinessCalendarOptions {
  /**
   * A date in a year without data: 'error' (default) throws CalendarYearNotLoadedError;
   * 'weekends_only' counts Monday–Friday as working days there (holidays unknown).
   */
  outsideKnownYears?: 'error' | 'weekends_only';
}

export type DayInfo =
  | { date: string; working: true; makeUp: MakeUpWorkingDay | null }
  | {
      date: string;
      working: false;
      /** 'weekend', or the day off's kind. */
      reason: 'weekend' | DayOffEntry['kind'];
      /** The day off's name; null for an ordinary weekend day. */
      name: string | null;
    };

/** More than a year of days off in a row means the data is wrong. */
const MAX_SEARCH_DAYS = 400;

export class BusinessCalendar {
  private readonly years = new Map<number, CalendarYear>();
  private readonly daysOff = new Map<string, DayOffEntry>();
  private readonly makeUpDays = new Map<string, MakeUpWorkingDay>();
  private readonly outsideKnownYears: 'error' | 'weekends_only';

  constructor(years: readonly CalendarYear[], options: BusinessCalendarOptions = {}) {
    this.outsideKnownYears = options.outsideKnownYears ?? 'error';
    for (const data of years) {
      assertCalendarYear(data);
      if (this.years.has(data.year)) {
        throw new CalendarDataError(
          [{ path: 'year', message: `${data.year} is given twice` }],
          'business calendar',
        );
      }
      this.years.set(data.year, data);
    }
    // Entries may lie just outside their own year (a swap around New Year), so a day's status is
    // looked up across all years; the same day must not be off in one year's data and worked in
    // another's.
    for (const data of this.years.values()) {
      for (const entry of data.daysOff) {
        for (const day of daysOfEntry(entry)) this.daysOff.set(day, entry);
      }
    }
    for (const data of this.years.values()) {
      for (const entry of data.makeUpWorkingDays) {
        if (this.daysOff.has(entry.date)) {
          throw new CalendarDataError(
            [
              {
                path: `${data.year}.makeUpWorkingDays`,
                message: `${entry.date} is a day off in another year's data`,
              },
            ],
            'business calendar',
          );
        }
        this.makeUpDays.set(entry.date, entry);
      }
    }
  }

  /** The years with data, ascending. */
  get loadedYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** The data of one year, or undefined. */
  yearData(year: number): CalendarYear | undefined {
    return this.years.get(year);
  }

  /** A new calendar with `data` added, or replacing the year it names (a province's own data). */
  withYear(data: CalendarYear): BusinessCalendar {
    const others = [...this.years.values()].filter((y) => y.year !== data.year);
    return new BusinessCalendar([...others, data], { outsideKnownYears: this.outsideKnownYears });
  }

  /** Whether the calendar has data for the year of `localDate`. */
  covers(localDate: string): boolean {
    return this.years.has(yearOf(localDate));
  }

  /** Why a day is (not) a working day. */
  dayInfo(localDate: string): DayInfo {
    assertLocalDate(localDate);
    const year = yearOf(localDate);
    const data = this.years.get(year);
    if (!data && this.outsideKnownYears === 'error') {
      throw new CalendarYearNotLoadedError(year, this.loadedYears);
    }
    const makeUp = this.makeUpDays.get(localDate);
    if (makeUp) return { date: localDate, working: true, makeUp };
    const off = this.daysOff.get(localDate);
    if (off) return { date: localDate, working: false, reason: off.kind, name: off.name };
    const weekend = data?.weekend ?? [6, 7];
    if ((weekend as readonly number[]).includes(isoWeekday(localDate))) {
      return { date: localDate, working: false, reason: 'weekend', name: null };
    }
    return { date: localDate, working: true, makeUp: null };
  }

  isWorkingDay(localDate: string): boolean {
    return this.dayInfo(localDate).working;
  }

  isDayOff(localDate: string): boolean {
    return !this.isWorkingDay(localDate);
  }

  /** `localDate` itself when it is a working day, else the first working day after it. */
  nextWorkingDayOnOrAfter(localDate: string): string {
    return this.step(localDate, +1, true);
  }

  /** `localDate` itself when it is a working day, else the last working day before it. */
  previousWorkingDayOnOrBefore(localDate: string): string {
    return this.step(localDate, -1, true);
  }

  /** The first working day strictly after `localDate`. */
  nextWorkingDayAfter(localDate: string): string {
    return this.step(localDate, +1, false);
  }

  /** The last working day strictly before `localDate`. */
  previousWorkingDayBefore(localDate: string): string {
    return this.step(localDate, -1, false);
  }

  /**
   * The `n`-th working day after `localDate` (which itself does not count, working or not):
   * addWorkingDays('2022-01-28', 1) is 2022-02-07, the first working day after Tết 2022.
   * n = 0 returns `localDate` unchanged; a negative n counts backwards.
   */
  addWorkingDays(localDate: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`Invalid number of working days: ${n}`);
    assertLocalDate(localDate);
    let date = localDate;
    const direction: 1 | -1 = n >= 0 ? 1 : -1;
    for (let i = 0; i < Math.abs(n); i++) date = this.step(date, direction, false);
    return date;
  }

  /**
   * The `n`-th working day before `localDate` (which itself does not count): 7 working days
   * before Fri 24/12/2021 is Wed 15/12/2021.
   */
  subtractWorkingDays(localDate: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`Invalid number of working days: ${n}`);
    return this.addWorkingDays(localDate, -n);
  }

  /** How many working days lie after `from` up to and including `to` (negative when to < from). */
  workingDaysBetween(from: string, to: string): number {
    const [start, end] = [dayNumber(from), dayNumber(to)];
    const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day++) {
      if (this.isWorkingDay(fromDayNumber(day))) count++;
    }
    return sign * count;
  }

  private step(localDate: string, direction: 1 | -1, includeStart: boolean): string {
    assertLocalDate(localDate);
    let date = includeStart ? localDate : addCalendarDays(localDate, direction);
    for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
      if (this.isWorkingDay(date)) return date;
      date = addCalendarDays(date, direction);
    }
    throw new Error(`No working day within ${MAX_SEARCH_DAYS} days of ${localDate}`);
  }
}
