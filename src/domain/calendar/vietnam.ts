import { BusinessCalendar, type BusinessCalendarOptions } from './business-calendar.js';
import type { CalendarYear } from './calendar-data.js';
import { VIETNAM_2021 } from './vietnam-2021.js';
import { VIETNAM_2022 } from './vietnam-2022.js';
import { VIETNAM_2026 } from './vietnam-2026.js';

/** The preloaded years of Vietnamese state agencies' working days. */
export const VIETNAM_CALENDAR_YEARS: readonly CalendarYear[] = [
  VIETNAM_2021,
  VIETNAM_2022,
  VIETNAM_2026,
];

/**
 * The working-day calendar of Vietnamese state agencies for 2021–2022 and 2026 (unverified), plus `extraYears` (e.g. a
 * province's years loaded with parseCalendarYearJson). An extra year replaces a preloaded one with
 * the same number, so a province can correct or extend the national data.
 */
export function vietnamBusinessCalendar(
  extraYears: readonly CalendarYear[] = [],
  options?: BusinessCalendarOptions,
): BusinessCalendar {
  const replaced = new Set(extraYears.map((year) => year.year));
  return new BusinessCalendar(
    [...VIETNAM_CALENDAR_YEARS.filter((year) => !replaced.has(year.year)), ...extraYears],
    options,
  );
}
