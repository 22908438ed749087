/**
 * Where a copied plan's dates land: every opening and deadline moved by whole years is then placed
 * on a working day of the calendar, by a stated rule per kind of date. Pure: no I/O, no clock; the
 * copy (src/api/campaigns) gives it the calendar loaded from the database and stores what it
 * decides.
 *
 * Rules (the secretariat may choose each):
 * - a deadline on a day off moves to the previous working day (default), the next one, or stays;
 * - an opening on a day off moves to the next working day (default), the previous one, or stays.
 * The time of day is kept (23:59:59 stays 23:59:59). A year the calendar has no data for is
 * planned on weekdays only, and said so in `warnings`.
 */
import { DateTime } from 'luxon';
import type { BusinessCalendar, DayInfo } from './calendar/business-calendar.js';
import { addCalendarDays, isoWeekday, vietnameseWeekday, yearOf } from './calendar/local-date.js';

export const WORKING_DAY_RULES = ['previous', 'next', 'keep'] as const;
export type WorkingDayRule = (typeof WORKING_DAY_RULES)[number];

export interface WorkingDayRules {
  deadlines: WorkingDayRule;
  openings: WorkingDayRule;
}

export const DEFAULT_WORKING_DAY_RULES: WorkingDayRules = {
  deadlines: 'previous',
  openings: 'next',
};

export type PlanDateField = 'opensAt' | 'deadline';

export interface PlanStepDates {
  number: number;
  opensAt: Date | null;
  deadline: Date | null;
}

/** A date the year shift put on a day off: moved by its rule, or kept ('keep'). */
export interface PlanDateMove {
  step: number;
  date: PlanDateField;
  rule: WorkingDayRule;
  /** The plain year shift's local date and instant. */
  yearShiftOn: string;
  yearShiftAt: Date;
  /** The local date and instant chosen (the same when kept). */
  chosenOn: string;
  chosenAt: Date;
  /** Why the year shift's day is not a working day: "Thứ Bảy", "Chủ nhật", a holiday's name. */
  reason: string;
}

export interface PlacedPlan {
  steps: PlanStepDates[];
  /** Dates moved to another day. */
  moves: PlanDateMove[];
  /** Dates left on a day off by the 'keep' rule. */
  kept: PlanDateMove[];
  /**
   * Years without calendar data (planned on weekdays only), and windows the moves closed before
   * they open (a one-day window on a Saturday), for the secretariat to correct.
   */
  warnings: string[];
}

/** Why a day is not worked, as an official reads it. */
export function dayOffReason(info: Extract<DayInfo, { working: false }>): string {
  return info.name ?? vietnameseWeekday(info.date);
}

/**
 * Places every dated step's opening and deadline on a working day by `rules`. `steps` hold the
 * year-shifted instants; a step without dates (startsAfterStep) is returned unchanged.
 */
export function placePlanOnWorkingDays(
  steps: readonly PlanStepDates[],
  timeZone: string,
  calendar: BusinessCalendar,
  rules: WorkingDayRules = DEFAULT_WORKING_DAY_RULES,
): PlacedPlan {
  const missingYears = new Set<number>();
  const info = (date: string): DayInfo => {
    if (calendar.covers(date)) return calendar.dayInfo(date);
    missingYears.add(yearOf(date));
    const weekend = isoWeekday(date) >= 6;
    return weekend
      ? { date, working: false, reason: 'weekend', name: null }
      : { date, working: true, makeUp: null };
  };
  const moves: PlanDateMove[] = [];
  const kept: PlanDateMove[] = [];
  const place = (step: number, field: PlanDateField, instant: Date | null): Date | null => {
    if (instant === null) return null;
    const local = DateTime.fromJSDate(instant, { zone: timeZone });
    const date = local.toISODate()!;
    const day = info(date);
    if (day.working) return instant;
    const rule = field === 'deadline' ? rules.deadlines : rules.openings;
    let chosenOn = date;
    if (rule !== 'keep') {
      const direction = rule === 'previous' ? -1 : 1;
      // A year of days off in a row would be wrong data; stop rather than loop.
      for (let i = 0; i < 400 && !info(chosenOn).working; i++) {
        chosenOn = addCalendarDays(chosenOn, direction);
      }
    }
    const [year, month, dayOfMonth] = chosenOn.split('-').map(Number);
    const chosenAt = local.set({ year, month, day: dayOfMonth }).toJSDate();
    const move: PlanDateMove = {
      step,
      date: field,
      rule,
      yearShiftOn: date,
      yearShiftAt: instant,
      chosenOn,
      chosenAt,
      reason: dayOffReason(day),
    };
    (rule === 'keep' ? kept : moves).push(move);
    return chosenAt;
  };
  const placed = steps.map((s) => ({
    number: s.number,
    opensAt: place(s.number, 'opensAt', s.opensAt),
    deadline: place(s.number, 'deadline', s.deadline),
  }));
  const windowWarnings = placed
    .filter((s) => s.opensAt && s.deadline && s.opensAt.getTime() >= s.deadline.getTime())
    .map((s) => {
      const day = (d: Date) => DateTime.fromJSDate(d, { zone: timeZone }).toFormat('dd/MM/yyyy');
      return `Bước ${s.number}: sau khi dời sang ngày làm việc, ngày mở (${day(s.opensAt!)}) không còn trước hạn (${day(s.deadline!)}); hãy sửa bước này (PATCH /campaigns/{id}/steps/${s.number}) trước khi triển khai.`;
    });
  const yearWarnings = [...missingYears]
    .sort((a, b) => a - b)
    .map(
      (year) =>
        `Năm ${year} chưa có lịch ngày làm việc: các ngày của năm này chỉ được tránh thứ Bảy, Chủ nhật (chưa biết ngày lễ, Tết). Hãy nạp lịch năm ${year} rồi kiểm tra lại kế hoạch.`,
    );
  return { steps: placed, moves, kept, warnings: [...yearWarnings, ...windowWarnings] };
}

/** The plan's wording of a window from its local dates: "Từ ngày 01-23/12/2022". */
export function windowTextOf(opensOn: string | null, closesOn: string | null): string | null {
  const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  if (opensOn && closesOn) {
    if (opensOn.slice(0, 7) === closesOn.slice(0, 7)) {
      return `Từ ngày ${opensOn.slice(8, 10)}-${dmy(closesOn)}`;
    }
    return `Từ ngày ${dmy(opensOn)} đến ngày ${dmy(closesOn)}`;
  }
  if (closesOn) return `Đến ngày ${dmy(closesOn)}`;
  if (opensOn) return `Từ ngày ${dmy(opensOn)}`;
  return null;
}
