/**
 * Turning a plan's local dates ("Từ ngày 01-24/12/2021") into instants. A window opens at 00:00 on
 * its first day and closes at 23:59:59 local time on its last day, in the campaign's time zone,
 * whatever zone the process runs in. Pure: no I/O, no clock.
 */
import { DateTime, IANAZone } from 'luxon';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseLocalDate(date: string): { year: number; month: number; day: number } {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new Error(`Invalid local date "${date}": expected YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // A calendar check that cannot depend on any zone: does this day exist?
  if (!DateTime.fromObject({ year, month, day }, { zone: 'UTC' }).isValid) {
    throw new Error(`Invalid local date "${date}": no such day`);
  }
  return { year, month, day };
}

/** Only IANA names: Luxon would also accept "local" or "system", which depend on the host. */
function ianaZone(timeZone: string): IANAZone {
  if (!IANAZone.isValidZone(timeZone)) {
    throw new Error(
      `Invalid time zone "${timeZone}": expected an IANA name such as Asia/Ho_Chi_Minh`,
    );
  }
  return IANAZone.create(timeZone);
}

function localInstant(
  date: string,
  timeZone: string,
  time: { hour: number; minute: number; second: number },
): Date {
  const zone = ianaZone(timeZone);
  const dt = DateTime.fromObject({ ...parseLocalDate(date), ...time, millisecond: 0 }, { zone });
  if (!dt.isValid) {
    throw new Error(`Cannot place ${date} in ${timeZone}: ${dt.invalidExplanation ?? 'invalid'}`);
  }
  return dt.toJSDate();
}

/** 00:00:00.000 local time on `date` ('YYYY-MM-DD') in `timeZone`, as an instant. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  // Where midnight does not exist (a DST jump at 00:00), Luxon moves forward to the first
  // existing local time, which is still the day's first instant.
  return localInstant(date, timeZone, { hour: 0, minute: 0, second: 0 });
}

/** 23:59:59.000 local time on `date` ('YYYY-MM-DD') in `timeZone`, as an instant. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return localInstant(date, timeZone, { hour: 23, minute: 59, second: 59 });
}

/**
 * The same calendar date `years` later (or earlier when negative), for repeating a plan in
 * another year. 29/02 becomes 28/02 in a year without it.
 */
export function shiftLocalDate(date: string, years: number): string {
  if (!Number.isInteger(years)) throw new Error(`Invalid number of years: ${years}`);
  const shifted = DateTime.fromObject(parseLocalDate(date), { zone: 'UTC' }).plus({ years });
  const iso = shifted.toISODate();
  if (!shifted.isValid || iso === null || !LOCAL_DATE.test(iso)) {
    throw new Error(`Cannot shift ${date} by ${years} years`);
  }
  return iso;
}
