/**
 * When reminders, escalations and digests go out. A campaign stores its own policy (plain JSON);
 * fields it leaves out take DEFAULT_REMINDER_POLICY's values.
 */
import { assertLocalTime } from './local-clock.js';

export interface ReminderPolicy {
  /**
   * Reminders to units that have not acted, this many days before a unit-facing deadline
   * (counted in `countDaysIn`). 0 means the deadline's own day. Default: 7, 3 and 1.
   */
  daysBeforeDeadline: readonly number[];
  /**
   * 'working_days' (default): the n-th working day before the deadline's day.
   * 'calendar_days': n calendar days before; a day off then moves to the previous working day.
   */
  countDaysIn: 'working_days' | 'calendar_days';
  /** Local time ('HH:mm', campaign zone) of every planned send. Default 08:00. */
  sendTime: string;
  /**
   * At a missed deadline: an escalation to the unit's head, secretariat in copy; and likewise to
   * an appraising agency late with its round's scores, to the council past its approval step and
   * to the head of the secretariat for the secretariat's own steps. Default true.
   */
  escalateAtMissedDeadline: boolean;
  /** To each unit's focal point: a mail when a unit-facing window opens. Default true. */
  unitWindowOpened: boolean;
  /**
   * While a unit is overdue and late intake or an extension is still open: a reminder every this
   * many working days, counted from the escalation's day. 0 turns them off. Default 2.
   */
  overdueRepeatEveryWorkingDays: number;
  /** To the secretariat: a digest when a unit-facing window opens and when it closes. */
  secretariatDigests: { windowOpened: boolean; windowClosed: boolean };
  /** To the appraising agencies: working days before an appraisal round opens. Default 1. */
  appraisalDaysBeforeOpening: readonly number[];
  /** To the appraising agencies: working days before an appraisal round's deadline. Default 3, 1. */
  appraisalDaysBeforeDeadline: readonly number[];
  /** To the council: working days before its meeting (the step's opening). Default 3, 1. */
  councilDaysBeforeMeeting: readonly number[];
}

export const DEFAULT_REMINDER_POLICY: Readonly<ReminderPolicy> = Object.freeze({
  daysBeforeDeadline: [7, 3, 1],
  countDaysIn: 'working_days',
  sendTime: '08:00',
  escalateAtMissedDeadline: true,
  unitWindowOpened: true,
  overdueRepeatEveryWorkingDays: 2,
  secretariatDigests: { windowOpened: true, windowClosed: true },
  appraisalDaysBeforeOpening: [1],
  appraisalDaysBeforeDeadline: [3, 1],
  councilDaysBeforeMeeting: [3, 1],
});

export type ReminderPolicyInput = Partial<
  Omit<ReminderPolicy, 'secretariatDigests'> & {
    secretariatDigests: Partial<ReminderPolicy['secretariatDigests']>;
  }
>;

function checkDays(name: string, days: readonly number[]): number[] {
  const out: number[] = [];
  days.forEach((day, i) => {
    if (!Number.isInteger(day) || day < 0 || day > 366) {
      throw new RangeError(`Invalid reminder policy: ${name}[${i}] must be a whole number 0–366`);
    }
    if (!out.includes(day)) out.push(day);
  });
  // Furthest from the deadline first, as they are sent.
  return out.sort((a, b) => b - a);
}

/** The default policy with `input`'s fields applied, checked; day lists sorted, without repeats. */
export function resolveReminderPolicy(input: ReminderPolicyInput = {}): ReminderPolicy {
  const merged: ReminderPolicy = {
    ...DEFAULT_REMINDER_POLICY,
    ...input,
    secretariatDigests: {
      ...DEFAULT_REMINDER_POLICY.secretariatDigests,
      ...(input.secretariatDigests ?? {}),
    },
  };
  if (merged.countDaysIn !== 'working_days' && merged.countDaysIn !== 'calendar_days') {
    throw new RangeError(
      `Invalid reminder policy: countDaysIn must be working_days or calendar_days`,
    );
  }
  assertLocalTime(merged.sendTime, 'reminder policy sendTime');
  const every = merged.overdueRepeatEveryWorkingDays;
  if (!Number.isInteger(every) || every < 0 || every > 366) {
    throw new RangeError(
      'Invalid reminder policy: overdueRepeatEveryWorkingDays must be a whole number 0–366',
    );
  }
  return {
    ...merged,
    daysBeforeDeadline: checkDays('daysBeforeDeadline', merged.daysBeforeDeadline),
    appraisalDaysBeforeOpening: checkDays(
      'appraisalDaysBeforeOpening',
      merged.appraisalDaysBeforeOpening,
    ),
    appraisalDaysBeforeDeadline: checkDays(
      'appraisalDaysBeforeDeadline',
      merged.appraisalDaysBeforeDeadline,
    ),
    councilDaysBeforeMeeting: checkDays(
      'councilDaysBeforeMeeting',
      merged.councilDaysBeforeMeeting,
    ),
  };
}
