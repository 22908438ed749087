/**
 * The demo campaign's plan compressed into minutes: the 2021 plan's steps, one after another a
 * few minutes apart from now, and a reminder policy whose send time is the next whole minute, so
 * that the window-opened digest, the unit reminders and the agencies' and council's reminders all
 * fall due within about two minutes of the launch. Pure: the script applies it.
 */
import type { ReminderPolicyInput } from '../domain/reminders/reminder-policy.js';
import { localDateOf, localTimeOf } from '../domain/reminders/local-clock.js';

export interface DemoStepTimes {
  number: number;
  opensAt: Date | null;
  deadline: Date | null;
}

export interface DemoPlan {
  /** When the first wave goes out (the policy's send time today). */
  firstSendAt: Date;
  steps: DemoStepTimes[];
  policy: ReminderPolicyInput;
}

const MINUTE = 60_000;

/**
 * `now` → send time S = the start of the minute after next (at least 60 s away); step 3 (the
 * self-assessment) runs from now to S + 2 min, the later dated steps follow 1–2 minutes apart;
 * step 11 keeps following step 10. Every reminder is "0 days before" at S.
 */
export function demoPlan(now: Date, timeZone: string, stepNumbers: readonly number[]): DemoPlan {
  const firstSendAt = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE + 2 * MINUTE);
  const at = (minutes: number) => new Date(firstSendAt.getTime() + minutes * MINUTE);
  // Minutes after S: [opens, deadline] per step of the 2021 plan.
  const windows: Record<number, [number | null, number]> = {
    1: [null, 1],
    2: [null, 1],
    3: [null, 2], // opens now
    4: [2, 4],
    5: [4, 5],
    6: [5, 7],
    7: [7, 8],
    8: [8, 9],
    9: [9, 10],
    10: [10, 12],
  };
  // Steps without a window here (11) keep following the step they start after.
  const steps = stepNumbers.flatMap((number): DemoStepTimes[] => {
    const window = windows[number];
    if (!window) return [];
    const [opens, deadline] = window;
    return [{ number, opensAt: opens === null ? now : at(opens), deadline: at(deadline) }];
  });
  // Guard: the send time must be today in the campaign's zone (a demo started at 23:58 is not).
  if (localDateOf(firstSendAt, timeZone) !== localDateOf(now, timeZone)) {
    throw new RangeError('The demo needs two minutes left before midnight (campaign time).');
  }
  return {
    firstSendAt,
    steps,
    policy: {
      countDaysIn: 'calendar_days',
      daysBeforeDeadline: [0],
      sendTime: localTimeOf(firstSendAt, timeZone),
      escalateAtMissedDeadline: true,
      unitWindowOpened: true,
      overdueRepeatEveryWorkingDays: 0,
      secretariatDigests: { windowOpened: true, windowClosed: true },
      appraisalDaysBeforeOpening: [0],
      appraisalDaysBeforeDeadline: [],
      councilDaysBeforeMeeting: [0],
    },
  };
}
