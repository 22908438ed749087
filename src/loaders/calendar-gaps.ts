/**
 * The years of a campaign's plan that the working-day calendar holds no data for, as the launch,
 * deadline amendment, extension and forecast responses name them (warnings, never refusals), and
 * as the reminder waves tell the secretariat. One definition, so that they all agree.
 */
import type { EntityManager } from 'typeorm';
import type { BusinessCalendar } from '../domain/calendar/business-calendar.js';
import { yearsWithoutData, yearWithoutDataWarning } from '../domain/calendar/years-without-data.js';
import { localDateOf } from '../domain/reminders/local-clock.js';
import { loadBusinessCalendar } from './business-calendar.js';

/** The local days of a plan's instants (windows opening, deadlines, extensions, send times). */
export function localDaysOf(instants: Iterable<Date | string | null>, timeZone: string): string[] {
  const days: string[] = [];
  for (const instant of instants) {
    if (instant === null) continue;
    const date = instant instanceof Date ? instant : new Date(instant);
    if (!Number.isNaN(date.getTime())) days.push(localDateOf(date, timeZone));
  }
  return days;
}

/** One warning per year without data among the plan's instants. */
export function calendarGapWarnings(
  calendar: BusinessCalendar,
  instants: Iterable<Date | string | null>,
  timeZone: string,
): string[] {
  return yearsWithoutData(calendar, localDaysOf(instants, timeZone)).map(yearWithoutDataWarning);
}

/** As calendarGapWarnings, with the calendar as PostgreSQL holds it now. */
export async function loadCalendarGapWarnings(
  manager: EntityManager,
  instants: Iterable<Date | string | null>,
  timeZone: string,
): Promise<string[]> {
  return calendarGapWarnings(await loadBusinessCalendar(manager), instants, timeZone);
}
