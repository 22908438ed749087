/**
 * The working-day calendar every planner uses (reminders, escalations, copies, forecasts), loaded
 * once per use so that a year the secretariat corrects counts from the next plan on.
 */
import type { EntityManager } from 'typeorm';
import type { BusinessCalendar } from '../domain/calendar/business-calendar.js';
import { vietnamBusinessCalendar } from '../domain/calendar/vietnam.js';

// The built-in years only for now; the years held as data replace them (issue 15).
export function loadBusinessCalendar(_manager: EntityManager): Promise<BusinessCalendar> {
  return Promise.resolve(vietnamBusinessCalendar());
}
