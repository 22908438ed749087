/**
 * Next year's plan from last year's: pure helpers, no I/O. A plan repeats yearly, so every date
 * moves by whole years on the local calendar of the campaign's zone (24/12/2021 23:59:59 local
 * becomes 24/12/2022 23:59:59 local), whatever the UTC offsets of the two dates.
 */
import { DateTime } from 'luxon';
import { shiftLocalDate } from '../../domain/plan-dates.js';

/**
 * The same local date and time of day `years` later in `timeZone` (29/02 becomes 28/02). `toZone`
 * places the shifted local time in another zone, when the copy changes the zone too.
 */
export function shiftInstantByYears(
  instant: Date,
  years: number,
  timeZone: string,
  toZone: string = timeZone,
): Date {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  const date = local.toISODate();
  if (!local.isValid || date === null) {
    throw new Error(`Cannot read ${instant.toISOString()} in ${timeZone}`);
  }
  const [year, month, day] = shiftLocalDate(date, years).split('-').map(Number);
  return DateTime.fromObject(
    {
      year,
      month,
      day,
      hour: local.hour,
      minute: local.minute,
      second: local.second,
      millisecond: local.millisecond,
    },
    { zone: toZone },
  ).toJSDate();
}

/** The same local wall-clock time in another zone (used when a draft's time zone is corrected). */
export function sameLocalTimeIn(instant: Date, fromZone: string, toZone: string): Date {
  return DateTime.fromJSDate(instant, { zone: fromZone })
    .setZone(toZone, { keepLocalTime: true })
    .toJSDate();
}

const YEAR_IN_TEXT = /(?<!\d)(19|20|21)\d{2}(?!\d)/g;

/** Moves every year written in a text: "Từ ngày 03-14/01/2022" + 1 → "Từ ngày 03-14/01/2023". */
export function shiftYearsInText(text: string, years: number): string {
  return text.replace(YEAR_IN_TEXT, (year) => String(Number(year) + years));
}

/** "vinhlong-2021" for 2022 → "vinhlong-2022"; a code without its year gets "-2022" appended. */
export function copiedCampaignCode(code: string, fromYear: number, toYear: number): string {
  const pattern = new RegExp(`(?<!\\d)${fromYear}(?!\\d)`, 'g');
  return pattern.test(code)
    ? code.replace(pattern, String(toYear))
    : `${code}-${toYear}`.slice(0, 64);
}

/** The source's name with its years moved; a name without a year gets " năm 2022" appended. */
export function copiedCampaignName(name: string, fromYear: number, toYear: number): string {
  const pattern = new RegExp(`(?<!\\d)${fromYear}(?!\\d)`);
  return pattern.test(name)
    ? shiftYearsInText(name, toYear - fromYear).slice(0, 255)
    : `${name} năm ${toYear}`.slice(0, 255);
}
