import { describe, expect, it } from 'vitest';
import { demoPlan } from '../../src/demo/demo-plan.js';
import { vietnamBusinessCalendar } from '../../src/domain/calendar/vietnam.js';
import { forecastCampaignNotifications } from '../../src/domain/notifications/forecast.js';
import { STEPS } from '../../src/seed/vinh-long-2021.js';

const zone = 'Asia/Ho_Chi_Minh';

describe('the demo campaign, compressed into minutes', () => {
  // Friday 27/11/2026, 10:50:20 local.
  const now = new Date('2026-11-27T10:50:20+07:00');
  const plan = demoPlan(
    now,
    zone,
    STEPS.map((s) => s.number),
  );

  it('sends its first wave at the start of the minute after next', () => {
    expect(plan.firstSendAt.toISOString()).toBe(
      new Date('2026-11-27T10:52:00+07:00').toISOString(),
    );
    expect(plan.policy.sendTime).toBe('10:52');
    // Step 3 runs from now to two minutes after the first wave; step 11 keeps following step 10.
    expect(plan.steps.find((s) => s.number === 3)).toEqual({
      number: 3,
      opensAt: now,
      deadline: new Date('2026-11-27T10:54:00+07:00'),
    });
    expect(plan.steps.map((s) => s.number)).not.toContain(11);
  });

  it('puts the digest, the unit reminders, the agencies’ and the council’s reminders in that wave', () => {
    const steps = STEPS.map((step) => {
      const times = plan.steps.find((s) => s.number === step.number);
      return {
        number: step.number,
        kind: step.kind,
        opensAt: times?.opensAt?.toISOString() ?? null,
        deadline: times?.deadline?.toISOString() ?? null,
      };
    });
    const sends = forecastCampaignNotifications({
      campaignId: 'demo',
      timeZone: zone,
      calendar: vietnamBusinessCalendar(),
      policy: plan.policy,
      latePolicy: 'accept',
      steps,
      units: [
        { code: 'SNV', participationId: 'p1' },
        { code: 'STP', participationId: 'p2' },
      ],
      agencies: [{ code: 'SNV' }],
    });
    const first = sends.filter((s) => s.sendAt === plan.firstSendAt.toISOString());
    expect(
      first.map((s) => `${s.kind} ${s.unitCode ?? s.agencyCode ?? s.audience}`).sort(),
    ).toEqual([
      'appraisal_reminder SNV', // round 1 opens at 10:54
      'appraisal_reminder SNV', // round 2 opens at 10:59
      'council_reminder council',
      'digest_window_opened secretariat',
      'reminder SNV',
      'reminder STP',
      'window_opened SNV', // the self-assessment window opens in that minute
      'window_opened STP',
    ]);
    // The escalations follow on the next working day (Monday 30/11), at the same time.
    expect(sends.find((s) => s.kind === 'escalation')?.localDateTime).toBe('30/11/2026 10:52');
  });

  it('refuses to start two minutes before midnight', () => {
    expect(() => demoPlan(new Date('2026-11-27T23:58:30+07:00'), zone, [3])).toThrow(/midnight/);
  });
});
