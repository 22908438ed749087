import { describe, expect, it } from 'vitest';
import { vietnamBusinessCalendar } from '../../src/domain/calendar/vietnam.js';
import {
  notificationBusinessKey,
  recipientFor,
} from '../../src/domain/notifications/business-key.js';
import {
  forecastCampaignNotifications,
  type ForecastInput,
} from '../../src/domain/notifications/forecast.js';

const calendar = vietnamBusinessCalendar();
const CAMPAIGN = '0b7c2d4e-7425-40de-944b-e07fc1f90ae7';

/** The 2021 plan's unit-facing and appraisal steps, as stored (instants). */
const STEPS: ForecastInput['steps'] = [
  {
    number: 3,
    kind: 'self_assessment',
    opensAt: '2021-11-30T17:00:00.000Z',
    deadline: '2021-12-24T16:59:59.000Z',
  },
  {
    number: 4,
    kind: 'appraisal_round_1',
    opensAt: '2021-12-26T17:00:00.000Z',
    deadline: '2021-12-31T16:59:59.000Z',
  },
  {
    number: 9,
    kind: 'council_approval',
    opensAt: '2022-02-14T17:00:00.000Z',
    deadline: '2022-02-17T16:59:59.000Z',
  },
];

function forecast(overrides: Partial<ForecastInput> = {}) {
  return forecastCampaignNotifications({
    campaignId: CAMPAIGN,
    timeZone: 'Asia/Ho_Chi_Minh',
    calendar,
    latePolicy: 'accept',
    steps: STEPS,
    units: [
      { code: 'SNV', participationId: 'p-snv' },
      {
        code: 'STP',
        participationId: 'p-stp',
        // Extended to Friday 31/12/2021 end of day.
        extensions: { 3: '2021-12-31T16:59:59.000Z' },
      },
    ],
    agencies: [{ code: 'SNV' }, { code: 'STC' }],
    ...overrides,
  });
}

const line = (s: { kind: string; localDateTime: string; unitCode: string | null }) =>
  `${s.localDateTime} ${s.kind}`;

describe('forecast of a campaign’s notifications', () => {
  it("plans each unit's reminders, escalation and overdue reminders from its own deadline", () => {
    const sends = forecast();
    const of = (code: string) => sends.filter((s) => s.unitCode === code).map(line);
    expect(of('SNV')).toEqual([
      '01/12/2021 08:00 window_opened', // the window opens: the focal point hears of it
      '15/12/2021 08:00 reminder',
      '21/12/2021 08:00 reminder',
      '23/12/2021 08:00 reminder',
      '27/12/2021 08:00 escalation',
      '29/12/2021 08:00 overdue_reminder',
      '31/12/2021 08:00 overdue_reminder',
    ]);
    // The extension to 31/12 moves STP's reminders; its escalation waits for Tuesday 04/01/2022
    // (Monday 03/01/2022 was the New Year substitute day off); late intake ends with round 1.
    expect(of('STP')).toEqual([
      '01/12/2021 08:00 window_opened',
      '22/12/2021 08:00 reminder',
      '28/12/2021 08:00 reminder',
      '30/12/2021 08:00 reminder',
      '04/01/2022 08:00 escalation',
    ]);
    expect(sends.filter((s) => s.unitCode === 'STP').every((s) => s.extended)).toBe(true);
    expect(sends.filter((s) => s.unitCode === 'SNV').some((s) => s.extended)).toBe(false);
  });

  it('sends digests once, appraisal reminders to each agency, council reminders to the council', () => {
    const sends = forecast();
    const campaignWide = sends
      .filter((s) => s.unitCode === null)
      .map((s) => `${line(s)} ${s.agencyCode ?? s.audience}`);
    expect(campaignWide).toEqual([
      '01/12/2021 08:00 digest_window_opened secretariat',
      '24/12/2021 08:00 appraisal_reminder SNV',
      '24/12/2021 08:00 appraisal_reminder STC',
      '27/12/2021 08:00 digest_window_closed secretariat',
      '28/12/2021 08:00 appraisal_reminder SNV',
      '28/12/2021 08:00 appraisal_reminder STC',
      '30/12/2021 08:00 appraisal_reminder SNV',
      '30/12/2021 08:00 appraisal_reminder STC',
      // Each agency still scoring at round 1's end (Fri 31/12; 01–03/01 off), once each.
      '04/01/2022 08:00 appraisal_escalation SNV',
      '04/01/2022 08:00 appraisal_escalation STC',
      '10/02/2022 08:00 council_reminder council',
      '14/02/2022 08:00 council_reminder council',
      // The council without approval at its deadline (Thu 17/02).
      '18/02/2022 08:00 council_escalation council',
    ]);
  });

  it('gives every send a distinct business key built from campaign, recipient and plan', () => {
    const sends = forecast();
    expect(new Set(sends.map((s) => s.businessKey)).size).toBe(sends.length);
    for (const send of sends) {
      const recipient = recipientFor(send.audience, {
        unitCode: send.unitCode,
        agencyCode: send.agencyCode,
      });
      expect(send.businessKey).toBe(notificationBusinessKey(CAMPAIGN, recipient, send.key));
    }
    const escalation = sends.find((s) => s.unitCode === 'SNV' && s.kind === 'escalation')!;
    expect(escalation.businessKey).toBe(
      `${CAMPAIGN}/unit-head:SNV/step-3/escalation/2021-12-24T16:59:59.000Z`,
    );
  });

  it('never lands on a weekend or a public holiday', () => {
    for (const send of forecast()) expect(calendar.isWorkingDay(send.localDate)).toBe(true);
  });

  it('follows an amended deadline and the campaign’s policy', () => {
    const amended = STEPS.map((s) =>
      s.number === 3 ? { ...s, deadline: '2021-12-28T16:59:59.000Z' } : s,
    );
    const sends = forecast({
      steps: amended,
      units: [{ code: 'SNV', participationId: 'p-snv' }],
      policy: { daysBeforeDeadline: [2], overdueRepeatEveryWorkingDays: 0 },
    });
    expect(sends.filter((s) => s.unitCode === 'SNV').map(line)).toEqual([
      '01/12/2021 08:00 window_opened',
      '24/12/2021 08:00 reminder',
      '29/12/2021 08:00 escalation',
    ]);
  });
});
