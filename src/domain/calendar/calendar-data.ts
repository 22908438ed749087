/**
 * A year of working days for state agencies, as plain data (JSON-ready): the weekend, the days off
 * (public holidays, Tết, substitute days off) and the make-up working days (ngày làm bù). Holidays
 * change every year (Tết follows the lunar calendar; substitute days and swaps are announced each
 * year, and a province may add its own), so nothing here is computed: every year is written down.
 */
import { dayNumber, isLocalDate, localDatesBetween } from './local-date.js';

/**
 * - `holiday`: a public holiday (ngày lễ, Tết) as announced for civil servants, including the Tết
 *   days the Government places around the lunar new year;
 * - `substitute`: a substitute day off (nghỉ bù) for a holiday that fell on a weekend;
 * - `swap`: a day off swapped with a make-up working day (hoán đổi ngày làm việc);
 * - `other`: any other day off decided for the agencies (e.g. by a province).
 */
export type DayOffKind = 'holiday' | 'substitute' | 'swap' | 'other';

export interface DayOffEntry {
  /** The day off, or the first day of a run of days off: 'YYYY-MM-DD'. */
  date: string;
  /** Last day of a run of days off (included), e.g. the last day of Tết; absent for one day. */
  to?: string;
  /** Vietnamese name, e.g. "Tết Nguyên đán Nhâm Dần". */
  name: string;
  kind: DayOffKind;
  /** For a substitute day off: the holiday it stands in for ('YYYY-MM-DD'). */
  substituteFor?: string;
  note?: string;
}

export interface MakeUpWorkingDay {
  /** A day that is worked although it is a weekend day: 'YYYY-MM-DD'. */
  date: string;
  name: string;
  /** The day off it pays back ('YYYY-MM-DD'), when it is a swap. */
  replaces?: string;
  note?: string;
}

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface CalendarYear {
  year: number;
  /** Whose calendar: "Việt Nam — cơ quan hành chính nhà nước", or a province's. */
  scope: string;
  /** Weekly days off; state agencies rest on Saturday and Sunday: [6, 7]. */
  weekend: readonly IsoWeekday[];
  daysOff: readonly DayOffEntry[];
  makeUpWorkingDays: readonly MakeUpWorkingDay[];
  /** Where the data comes from (announcements, decisions), for whoever checks or corrects it. */
  sources?: readonly string[];
  /**
   * The decision(s) the year's days off and make-up days come from, as an official cites them,
   * e.g. "Thông báo số 5015/TB-LĐTBXH ngày 22/11/2023 của Bộ Lao động – Thương binh và Xã hội".
   */
  sourceDecision?: string;
  /**
   * True while the year is not checked against the published text, or not yet decreed (computed
   * from the Labour Code and the lunar calendar): whoever relies on it should check it first.
   */
  provisional?: boolean;
}

/** One problem in calendar data; `path` names the field, e.g. "daysOff[2].to". */
export interface CalendarDataIssue {
  path: string;
  message: string;
}

export class CalendarDataError extends Error {
  constructor(
    readonly issues: readonly CalendarDataIssue[],
    context = 'calendar data',
  ) {
    super(
      `Invalid ${context}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    );
    this.name = 'CalendarDataError';
  }
}

/** How far outside its own year a year's entry may lie: swaps around New Year cross the year. */
const NEIGHBOUR_DAYS = 31;

function nearYear(date: string, year: number): boolean {
  const first = dayNumber(`${String(year).padStart(4, '0')}-01-01`) - NEIGHBOUR_DAYS;
  const last = dayNumber(`${String(year).padStart(4, '0')}-12-31`) + NEIGHBOUR_DAYS;
  const day = dayNumber(date);
  return day >= first && day <= last;
}

/** The single days an entry covers (a run of days expanded). Assumes a checked entry. */
export function daysOfEntry(entry: DayOffEntry): string[] {
  return entry.to ? localDatesBetween(entry.date, entry.to) : [entry.date];
}

/**
 * Consistency problems in typed year data (the JSON loader checks the shapes first): dates exist
 * and lie in (or just next to) the year, runs end after they start, no day is listed twice, and no
 * day is both off and a make-up working day.
 */
export function checkCalendarYear(data: CalendarYear): CalendarDataIssue[] {
  const issues: CalendarDataIssue[] = [];
  const { year } = data;
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    issues.push({ path: 'year', message: `expected a year such as 2022, got ${String(year)}` });
    return issues;
  }
  const seenWeekdays = new Set<number>();
  data.weekend.forEach((weekday, i) => {
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      issues.push({ path: `weekend[${i}]`, message: 'expected an ISO weekday 1 (Mon) … 7 (Sun)' });
    } else if (seenWeekdays.has(weekday)) {
      issues.push({ path: `weekend[${i}]`, message: `weekday ${weekday} is listed twice` });
    }
    seenWeekdays.add(weekday);
  });
  if (seenWeekdays.size >= 7) {
    issues.push({ path: 'weekend', message: 'a week needs at least one working day' });
  }

  const checkDate = (path: string, value: string): boolean => {
    if (!isLocalDate(value)) {
      issues.push({ path, message: `"${value}" is not an existing day written YYYY-MM-DD` });
      return false;
    }
    if (!nearYear(value, year)) {
      issues.push({ path, message: `${value} is outside ${year} (and its neighbouring weeks)` });
      return false;
    }
    return true;
  };

  const offDays = new Map<string, string>();
  data.daysOff.forEach((entry, i) => {
    const base = `daysOff[${i}]`;
    if (!entry.name.trim()) issues.push({ path: `${base}.name`, message: 'must not be empty' });
    const dateOk = checkDate(`${base}.date`, entry.date);
    const toOk = entry.to === undefined || checkDate(`${base}.to`, entry.to);
    if (entry.substituteFor !== undefined) checkDate(`${base}.substituteFor`, entry.substituteFor);
    if (!dateOk || !toOk) return;
    if (entry.to !== undefined && dayNumber(entry.to) < dayNumber(entry.date)) {
      issues.push({ path: `${base}.to`, message: `${entry.to} is before date ${entry.date}` });
      return;
    }
    if (entry.to !== undefined && dayNumber(entry.to) - dayNumber(entry.date) > 31) {
      issues.push({ path: `${base}.to`, message: 'a run of days off longer than a month' });
      return;
    }
    for (const day of daysOfEntry(entry)) {
      const other = offDays.get(day);
      if (other !== undefined) {
        issues.push({ path: base, message: `${day} is already a day off in ${other}` });
      } else {
        offDays.set(day, base);
      }
    }
  });

  const workedDays = new Map<string, string>();
  data.makeUpWorkingDays.forEach((entry, i) => {
    const base = `makeUpWorkingDays[${i}]`;
    if (!entry.name.trim()) issues.push({ path: `${base}.name`, message: 'must not be empty' });
    if (entry.replaces !== undefined) checkDate(`${base}.replaces`, entry.replaces);
    if (!checkDate(`${base}.date`, entry.date)) return;
    const other = workedDays.get(entry.date);
    if (other !== undefined) {
      issues.push({ path: `${base}.date`, message: `${entry.date} is already listed in ${other}` });
    }
    workedDays.set(entry.date, base);
    const off = offDays.get(entry.date);
    if (off !== undefined) {
      issues.push({
        path: `${base}.date`,
        message: `${entry.date} cannot be a make-up working day and a day off (${off})`,
      });
    }
  });
  return issues;
}

/** Throws a CalendarDataError listing every problem, or returns the data unchanged. */
export function assertCalendarYear(data: CalendarYear): CalendarYear {
  const issues = checkCalendarYear(data);
  if (issues.length > 0) throw new CalendarDataError(issues, `calendar year ${data.year}`);
  return data;
}
