/**
 * Between instants and the campaign's wall clock. Pure (luxon with an explicit IANA zone): the
 * process's own zone never matters.
 */
import { DateTime, IANAZone } from 'luxon';
import { assertLocalDate } from '../calendar/local-date.js';

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Zones already checked: luxon's check builds an Intl formatter each time (a wave checks 5,000). */
const validZones = new Set<string>();

export function assertTimeZone(timeZone: string): void {
  if (validZones.has(timeZone)) return;
  if (!IANAZone.isValidZone(timeZone)) {
    throw new RangeError(
      `Invalid time zone "${timeZone}": expected an IANA name such as Asia/Ho_Chi_Minh`,
    );
  }
  validZones.add(timeZone);
}

/** Throws unless `time` is 'HH:mm' (00:00–23:59). */
export function assertLocalTime(time: string, what = 'local time'): void {
  if (!LOCAL_TIME.test(time)) throw new RangeError(`Invalid ${what} "${time}": expected HH:mm`);
}

export function toInstant(value: Date | string, what = 'instant'): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(value.getTime());
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid ${what}: ${String(value)}`);
  return date;
}

/** The local date ('YYYY-MM-DD') of `instant` in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  assertTimeZone(timeZone);
  const iso = DateTime.fromJSDate(instant, { zone: timeZone }).toISODate();
  if (iso === null) throw new RangeError(`Cannot place ${instant.toISOString()} in ${timeZone}`);
  return iso;
}

/** The local time ('HH:mm') of `instant` in `timeZone`. */
export function localTimeOf(instant: Date, timeZone: string): string {
  assertTimeZone(timeZone);
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat('HH:mm');
}

/**
 * The instant of `time` ('HH:mm') on `localDate` in `timeZone`. A time skipped by a daylight
 * saving jump moves forward to the first existing local time.
 */
export function atLocalTime(localDate: string, time: string, timeZone: string): Date {
  assertLocalDate(localDate);
  assertLocalTime(time);
  assertTimeZone(timeZone);
  const dt = DateTime.fromISO(`${localDate}T${time}:00`, { zone: timeZone });
  if (!dt.isValid) {
    throw new RangeError(`Cannot place ${localDate} ${time} in ${timeZone}: ${dt.invalidReason}`);
  }
  return dt.toJSDate();
}
