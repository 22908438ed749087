import { BusinessCalendar, type BusinessCalendarOptions } from './business-calendar.js';
import type { CalendarYear } from './calendar-data.js';
import { VIETNAM_2021 } from './vietnam-2021.js';
import { VIETNAM_2022 } from './vietnam-2022.js';

/** The preloaded years of Vietnamese state agencies' working days. */
export const VIETNAM_CALENDAR_YEARS: readonly CalendarYear[] = [VIETNAM_2021, VIETNAM_2022];

/**
 * The working-day calendar of Vietnamese state agencies for 2021–2022, plus `extraYears` (e.g. a
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
