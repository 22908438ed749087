/**
 * The working-day calendar every planner uses (reminders, escalations, copies, forecasts), loaded
 * once per use so that a year the secretariat corrects counts from the next plan on.
 */
import type { EntityManager } from 'typeorm';
import type { BusinessCalendar } from '../domain/calendar/business-calendar.js';
import type { CalendarYear } from '../domain/calendar/calendar-data.js';
import { vietnamBusinessCalendar } from '../domain/calendar/vietnam.js';
import { CalendarYearRecord } from '../entities/calendar-year.entity.js';

/** The years held as data (table calendar_years), ascending. */
export async function loadedCalendarYears(manager: EntityManager): Promise<CalendarYear[]> {
  const rows = await manager.find(CalendarYearRecord, { order: { year: 'ASC' } });
  return rows.map((row) => row.data);
}

/**
 * The built-in years overlaid with the years held as data (a year in the table replaces the
 * built-in one). A year with neither is planned on Monday–Friday, never refused: a campaign
 * reaching it still gets its reminders, and the planners say which years those are
 * (yearsWithoutData).
 */
export async function loadBusinessCalendar(manager: EntityManager): Promise<BusinessCalendar> {
  return vietnamBusinessCalendar(await loadedCalendarYears(manager), {
    outsideKnownYears: 'weekends_only',
  });
}
