/**
 * Calendar arithmetic on local dates written 'YYYY-MM-DD'. A local date is a day on the wall
 * calendar, not an instant: the arithmetic runs on UTC day numbers, so neither the process's time
 * zone nor daylight saving time can shift a day. Pure: no I/O, no clock, safe in workflow code.
 */

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when `value` is a 'YYYY-MM-DD' string naming a day that exists (no 2022-02-30). */
export function isLocalDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Throws unless `value` is a valid 'YYYY-MM-DD' local date. */
export function assertLocalDate(value: string, what = 'local date'): void {
  if (!isLocalDate(value)) {
    throw new RangeError(`Invalid ${what} "${value}": expected an existing day as YYYY-MM-DD`);
  }
}

/** Days since 1970-01-01 (negative before). */
export function dayNumber(localDate: string): number {
  assertLocalDate(localDate);
  return (
    Date.UTC(
      Number(localDate.slice(0, 4)),
      Number(localDate.slice(5, 7)) - 1,
      Number(localDate.slice(8, 10)),
    ) / MS_PER_DAY
  );
}

/** The local date of a day number. */
export function fromDayNumber(day: number): string {
  if (!Number.isInteger(day)) throw new RangeError(`Invalid day number ${day}`);
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `localDate` moved by `days` calendar days (negative: earlier). */
export function addCalendarDays(localDate: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Invalid number of days: ${days}`);
  return fromDayNumber(dayNumber(localDate) + days);
}

/** ISO weekday: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export function isoWeekday(localDate: string): number {
  const weekday = new Date(dayNumber(localDate) * MS_PER_DAY).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The year of a local date. */
export function yearOf(localDate: string): number {
  assertLocalDate(localDate);
  return Number(localDate.slice(0, 4));
}

/** Every local date from `from` to `to`, both included (empty when `to` is before `from`). */
export function localDatesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = dayNumber(from), last = dayNumber(to); day <= last; day++) {
    out.push(fromDayNumber(day));
  }
  return out;
}

const VI_WEEKDAYS = [
  '',
  'Thứ Hai',
  'Thứ Ba',
  'Thứ Tư',
  'Thứ Năm',
  'Thứ Sáu',
  'Thứ Bảy',
  'Chủ nhật',
];

/** Vietnamese weekday name: "Thứ Sáu" for a Friday, "Chủ nhật" for a Sunday. */
export function vietnameseWeekday(localDate: string): string {
  return VI_WEEKDAYS[isoWeekday(localDate)] ?? '';
}
