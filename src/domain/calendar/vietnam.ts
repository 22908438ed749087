import { BusinessCalendar, type BusinessCalendarOptions } from './business-calendar.js';
import type { CalendarYear } from './calendar-data.js';
import { VIETNAM_2021 } from './vietnam-2021.js';
import { VIETNAM_2022 } from './vietnam-2022.js';
import { VIETNAM_2023 } from './vietnam-2023.js';
import { VIETNAM_2024 } from './vietnam-2024.js';
import { VIETNAM_2025 } from './vietnam-2025.js';
import { VIETNAM_2026 } from './vietnam-2026.js';
import { VIETNAM_2027 } from './vietnam-2027.js';

/**
 * The preloaded years of Vietnamese state agencies' working days, 2021–2027; each names its source
 * decision and whether it is provisional (2027 is: not decreed yet).
 */
export const VIETNAM_CALENDAR_YEARS: readonly CalendarYear[] = [
  VIETNAM_2021,
  VIETNAM_2022,
  VIETNAM_2023,
  VIETNAM_2024,
  VIETNAM_2025,
  VIETNAM_2026,
  VIETNAM_2027,
];

/**
 * The working-day calendar of Vietnamese state agencies for 2021–2027 (see each year's
 * `provisional`), plus `extraYears` (e.g. a province's years loaded with parseCalendarYearJson). An extra year replaces a preloaded one with
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
