import { Settings } from 'luxon';
import { describe, expect, it } from 'vitest';
import { vietnamBusinessCalendar } from '../../src/domain/calendar/index.js';
import { endOfLocalDay, startOfLocalDay } from '../../src/domain/plan-dates.js';
import {
  DEFAULT_REMINDER_POLICY,
  planAppraisalReminders,
  planCampaignSends,
  planCouncilReminders,
  planSecretariatDigests,
  planUnitReminders,
  resolveReminderPolicy,
  type PlannedSend,
} from '../../src/domain/reminders/index.js';
import { STEPS } from '../../src/seed/vinh-long-2021.js';

const VN = 'Asia/Ho_Chi_Minh';
const calendar = vietnamBusinessCalendar();

/** A window as the plan gives it: 00:00 on the first day to 23:59:59 on the last, local time. */
const window = (stepNumber: number, first: string, last: string) => ({
  stepNumber,
  opensAt: startOfLocalDay(first, VN).toISOString(),
  deadline: endOfLocalDay(last, VN).toISOString(),
});

const selfAssessment = window(3, '2021-12-01', '2021-12-24');
const explanation = window(6, '2022-01-17', '2022-01-21');
const roundOne = window(4, '2021-12-27', '2021-12-31');
const roundTwo = window(7, '2022-01-24', '2022-01-28');
const council = window(9, '2022-02-15', '2022-02-17');

const brief = (sends: readonly PlannedSend[]) =>
  sends.map((send) => `${send.kind} ${send.localDateTime}`);

function expectNoDayOff(sends: readonly PlannedSend[]): void {
  for (const send of sends) {
    expect(calendar.isWorkingDay(send.localDate), `${send.key} on ${send.localDate}`).toBe(true);
    expect(send.localDate < '2022-01-29' || send.localDate > '2022-02-06', send.key).toBe(true);
  }
}

describe('the default policy', () => {
  it('is 7, 3 and 1 working days before, at 08:00, escalation, a repeat every 2 working days', () => {
    expect(DEFAULT_REMINDER_POLICY).toMatchObject({
      daysBeforeDeadline: [7, 3, 1],
      countDaysIn: 'working_days',
      sendTime: '08:00',
      escalateAtMissedDeadline: true,
      overdueRepeatEveryWorkingDays: 2,
    });
    expect(resolveReminderPolicy()).toEqual(DEFAULT_REMINDER_POLICY);
  });

  it('merges a campaign policy, sorts the days and refuses nonsense', () => {
    expect(resolveReminderPolicy({ daysBeforeDeadline: [1, 5, 1] }).daysBeforeDeadline).toEqual([
      5, 1,
    ]);
    expect(
      resolveReminderPolicy({ secretariatDigests: { windowOpened: false } }).secretariatDigests,
    ).toEqual({ windowOpened: false, windowClosed: true });
    expect(() => resolveReminderPolicy({ sendTime: '8:00' })).toThrow(/sendTime/);
    expect(() => resolveReminderPolicy({ daysBeforeDeadline: [-1] })).toThrow(
      /daysBeforeDeadline\[0\]/,
    );
    expect(() => resolveReminderPolicy({ overdueRepeatEveryWorkingDays: 1.5 })).toThrow(
      /overdueRepeatEveryWorkingDays/,
    );
  });
});

describe('self-assessment window 01–24/12/2021 (step 3)', () => {
  const sends = planUnitReminders({
    window: selfAssessment,
    timeZone: VN,
    calendar,
    // Late self-assessments are taken until the end of appraisal round 1 (31/12/2021).
    overdueUntil: roundOne.deadline,
  });

  it('plans the exact local send times', () => {
    expect(brief(sends)).toEqual([
      'reminder 15/12/2021 08:00', // 7 working days before Fri 24/12: Wed 15/12
      'reminder 21/12/2021 08:00', // 3 working days before: Tue 21/12
      'reminder 23/12/2021 08:00', // 1 working day before: Thu 23/12
      'escalation 27/12/2021 08:00', // the next working day after Fri 24/12 23:59:59
      'overdue_reminder 29/12/2021 08:00', // every 2 working days …
      'overdue_reminder 31/12/2021 08:00', // … while late intake is open
    ]);
  });

  it('gives instants, audiences and stable keys', () => {
    expect(sends[0]).toEqual({
      kind: 'reminder',
      audience: 'unit',
      copySecretariat: false,
      stepNumber: 3,
      deadline: '2021-12-24T16:59:59.000Z',
      sendAt: '2021-12-15T01:00:00.000Z',
      localDate: '2021-12-15',
      localTime: '08:00',
      localDateTime: '15/12/2021 08:00',
      daysBefore: 7,
      anchor: 'deadline',
      key: 'step-3/reminder/wd-7/2021-12-24T16:59:59.000Z',
    });
    expect(sends[3]).toMatchObject({
      kind: 'escalation',
      audience: 'unit_head',
      copySecretariat: true,
      sendAt: '2021-12-27T01:00:00.000Z',
      key: 'step-3/escalation/2021-12-24T16:59:59.000Z',
    });
    expect(sends.slice(4).map((send) => [send.repeat, send.key])).toEqual([
      [1, 'step-3/overdue_reminder/n-1/2021-12-24T16:59:59.000Z'],
      [2, 'step-3/overdue_reminder/n-2/2021-12-24T16:59:59.000Z'],
    ]);
    expect(new Set(sends.map((send) => send.key)).size).toBe(sends.length);
  });

  it('keeps the keys of earlier repeats when an extension lengthens the overdue period', () => {
    const longer = planUnitReminders({
      window: selfAssessment,
      timeZone: VN,
      calendar,
      overdueUntil: endOfLocalDay('2022-01-14', VN),
    });
    const repeats = longer.filter((send) => send.kind === 'overdue_reminder');
    // 31/12 + 2 working days skips New Year and its substitute day (Sat 01 – Mon 03/01/2022).
    expect(repeats.map((send) => send.localDateTime)).toEqual([
      '29/12/2021 08:00',
      '31/12/2021 08:00',
      '05/01/2022 08:00',
      '07/01/2022 08:00',
      '11/01/2022 08:00',
      '13/01/2022 08:00',
    ]);
    expect(repeats.slice(0, 2).map((send) => send.key)).toEqual(
      sends.slice(4).map((send) => send.key),
    );
  });

  it('plans new keys for an amended deadline', () => {
    const amended = planUnitReminders({
      window: { ...selfAssessment, deadline: endOfLocalDay('2021-12-28', VN) },
      timeZone: VN,
      calendar,
    });
    expect(brief(amended)).toEqual([
      'reminder 17/12/2021 08:00',
      'reminder 23/12/2021 08:00',
      'reminder 27/12/2021 08:00',
      'escalation 29/12/2021 08:00',
    ]);
    expect(amended[0]?.key).toBe('step-3/reminder/wd-7/2021-12-28T16:59:59.000Z');
  });

  it('plans no repeats without an end, none when disabled, no escalation when disabled', () => {
    const plain = planUnitReminders({ window: selfAssessment, timeZone: VN, calendar });
    expect(plain.map((send) => send.kind)).toEqual([
      'reminder',
      'reminder',
      'reminder',
      'escalation',
    ]);
    const quiet = planUnitReminders({
      window: selfAssessment,
      timeZone: VN,
      calendar,
      overdueUntil: roundOne.deadline,
      policy: { escalateAtMissedDeadline: false, overdueRepeatEveryWorkingDays: 0 },
    });
    expect(quiet.map((send) => send.kind)).toEqual(['reminder', 'reminder', 'reminder']);
  });

  it('plans the secretariat digests at the opening and right after the deadline', () => {
    expect(
      brief(planSecretariatDigests({ window: selfAssessment, timeZone: VN, calendar })),
    ).toEqual(['digest_window_opened 01/12/2021 08:00', 'digest_window_closed 27/12/2021 08:00']);
  });

  it('gives the same instants whatever zone the process runs in', () => {
    const originalTz = process.env.TZ;
    const originalZone = Settings.defaultZone;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        Settings.defaultZone = tz;
        const again = planUnitReminders({
          window: selfAssessment,
          timeZone: VN,
          calendar,
          overdueUntil: roundOne.deadline,
        });
        expect(again, tz).toEqual(sends);
      }
    } finally {
      if (originalTz === undefined) delete process.env.TZ;
      else process.env.TZ = originalTz;
      Settings.defaultZone = originalZone;
    }
  });
});

describe('explanation window 17–21/01/2022 (step 6) and round 2 before Tết', () => {
  it('drops the reminder that would come before the window opens', () => {
    const sends = planUnitReminders({ window: explanation, timeZone: VN, calendar });
    // 7 working days before Fri 21/01 is Wed 12/01, before the window opens on 17/01.
    expect(brief(sends)).toEqual([
      'reminder 18/01/2022 08:00',
      'reminder 20/01/2022 08:00',
      'escalation 24/01/2022 08:00',
    ]);
  });

  it('repeats overdue reminders around Tết 2022, never in it', () => {
    const sends = planUnitReminders({
      window: explanation,
      timeZone: VN,
      calendar,
      overdueUntil: endOfLocalDay('2022-02-11', VN), // an extension past Tết
    });
    expect(brief(sends.filter((send) => send.kind === 'overdue_reminder'))).toEqual([
      'overdue_reminder 26/01/2022 08:00',
      'overdue_reminder 28/01/2022 08:00',
      'overdue_reminder 08/02/2022 08:00', // 28/01 + 2 working days: Mon 07/02, Tue 08/02
      'overdue_reminder 10/02/2022 08:00',
    ]);
    expectNoDayOff(sends);
  });

  it('reminds the appraising agencies of round 2 (24–28/01/2022) before Tết', () => {
    const sends = planAppraisalReminders({ step: roundTwo, timeZone: VN, calendar });
    expect(brief(sends)).toEqual([
      'appraisal_reminder 21/01/2022 08:00', // 1 working day before the round opens
      'appraisal_reminder 25/01/2022 08:00', // 3 working days before its deadline
      'appraisal_reminder 27/01/2022 08:00', // 1 working day before
    ]);
    expect(sends.map((send) => send.key)).toEqual([
      'step-7/appraisal_reminder/opening-wd-1/2022-01-23T17:00:00.000Z',
      'step-7/appraisal_reminder/wd-3/2022-01-28T16:59:59.000Z',
      'step-7/appraisal_reminder/wd-1/2022-01-28T16:59:59.000Z',
    ]);
    expectNoDayOff(sends);
  });

  it('moves a reminder off a day off, to the previous working day, with calendar days', () => {
    // An amended deadline right after Tết: Mon 07/02/2022, counted in calendar days.
    const sends = planUnitReminders({
      window: {
        stepNumber: 6,
        opensAt: explanation.opensAt,
        deadline: endOfLocalDay('2022-02-07', VN),
      },
      timeZone: VN,
      calendar,
      policy: { countDaysIn: 'calendar_days', daysBeforeDeadline: [7, 3, 1, 0] },
    });
    // 7 days before is Mon 31/01 (Tết) → Fri 28/01; 3 and 1 days before (Fri 04/02, Sun 06/02)
    // move to the same Fri 28/01 and are not sent twice; the deadline's own day is a working day.
    expect(brief(sends)).toEqual([
      'reminder 28/01/2022 08:00',
      'reminder 07/02/2022 08:00',
      'escalation 08/02/2022 08:00',
    ]);
    expect(sends[0]).toMatchObject({ daysBefore: 7, movedFrom: '2022-01-31' });
    expect(sends[0]?.key).toBe('step-6/reminder/cd-7/2022-02-07T16:59:59.000Z');
    expectNoDayOff(sends);
  });

  it('never sends a reminder at or after the deadline', () => {
    // A deadline at 07:00: the reminder of its own day (08:00) would be late.
    const sends = planUnitReminders({
      window: { stepNumber: 3, opensAt: null, deadline: '2021-12-24T00:00:00.000Z' },
      timeZone: VN,
      calendar,
      policy: { daysBeforeDeadline: [0] },
    });
    expect(brief(sends)).toEqual(['reminder 23/12/2021 08:00', 'escalation 24/12/2021 08:00']);
    expect(sends[0]?.movedFrom).toBe('2021-12-24');
  });
});

describe('the council and round 1', () => {
  it('reminds the council 3 and 1 working days before its meeting (15–17/02/2022)', () => {
    expect(brief(planCouncilReminders({ step: council, timeZone: VN, calendar }))).toEqual([
      'council_reminder 10/02/2022 08:00',
      'council_reminder 14/02/2022 08:00',
    ]);
  });

  it('reminds the appraisers of round 1 (27–31/12/2021)', () => {
    expect(brief(planAppraisalReminders({ step: roundOne, timeZone: VN, calendar }))).toEqual([
      'appraisal_reminder 24/12/2021 08:00',
      'appraisal_reminder 28/12/2021 08:00',
      'appraisal_reminder 30/12/2021 08:00',
    ]);
  });
});

describe('the forecast of the whole 2021 plan', () => {
  const steps = STEPS.map((step) => ({
    number: step.number,
    kind: step.kind,
    actor: step.actor,
    opensAt: step.start ? startOfLocalDay(step.start, VN).toISOString() : null,
    deadline: step.end ? endOfLocalDay(step.end, VN).toISOString() : null,
  }));
  const sends = planCampaignSends({ steps, timeZone: VN, calendar, latePolicy: 'accept' });

  it('plans every send on a working day, none in Tết 2022, in time order, with unique keys', () => {
    expectNoDayOff(sends);
    expect(sends.map((send) => send.sendAt)).toEqual(sends.map((send) => send.sendAt).sort());
    expect(new Set(sends.map((send) => send.key)).size).toBe(sends.length);
    expect(sends.every((send) => send.localTime === '08:00')).toBe(true);
  });

  it('lists what goes out, and when', () => {
    expect(sends.map((send) => `${send.stepNumber} ${send.kind} ${send.localDateTime}`)).toEqual([
      // Steps 1–2 (the secretariat's, until 30/11): escalated to its head the next working day.
      '1 secretariat_escalation 01/12/2021 08:00',
      '2 secretariat_escalation 01/12/2021 08:00',
      '3 digest_window_opened 01/12/2021 08:00',
      // Each unit's focal point hears that its window opened.
      '3 window_opened 01/12/2021 08:00',
      '3 reminder 15/12/2021 08:00',
      '3 reminder 21/12/2021 08:00',
      '3 reminder 23/12/2021 08:00',
      '4 appraisal_reminder 24/12/2021 08:00',
      '3 digest_window_closed 27/12/2021 08:00',
      '3 escalation 27/12/2021 08:00',
      '4 appraisal_reminder 28/12/2021 08:00',
      '3 overdue_reminder 29/12/2021 08:00',
      '4 appraisal_reminder 30/12/2021 08:00',
      '3 overdue_reminder 31/12/2021 08:00',
      // Round 1 ends Fri 31/12; 01–03/01/2022 are days off: agencies still scoring, on 04/01.
      '4 appraisal_escalation 04/01/2022 08:00',
      '5 secretariat_escalation 17/01/2022 08:00',
      '6 digest_window_opened 17/01/2022 08:00',
      '6 window_opened 17/01/2022 08:00',
      '6 reminder 18/01/2022 08:00',
      '6 reminder 20/01/2022 08:00',
      '7 appraisal_reminder 21/01/2022 08:00',
      '6 digest_window_closed 24/01/2022 08:00',
      '6 escalation 24/01/2022 08:00',
      '7 appraisal_reminder 25/01/2022 08:00',
      '7 appraisal_reminder 27/01/2022 08:00',
      '7 appraisal_escalation 07/02/2022 08:00', // after Tết
      '9 council_reminder 10/02/2022 08:00',
      '8 secretariat_escalation 14/02/2022 08:00',
      '9 council_reminder 14/02/2022 08:00',
      '9 council_escalation 18/02/2022 08:00',
      '10 secretariat_escalation 01/03/2022 08:00',
    ]);
  });

  it('plans no overdue self-assessment reminders when late submissions are refused', () => {
    const refused = planCampaignSends({ steps, timeZone: VN, calendar, latePolicy: 'refuse' });
    expect(refused.some((send) => send.kind === 'overdue_reminder')).toBe(false);
  });

  it('refuses a plan reaching into a year without calendar data', () => {
    expect(() =>
      planUnitReminders({
        window: window(3, '2027-12-01', '2027-12-31'),
        timeZone: VN,
        calendar,
      }),
    ).toThrow(/No working-day calendar for 2028/);
  });
});
