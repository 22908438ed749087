/**
 * Done-when of issue 15: a campaign reaching a year the working-day calendar holds no data for
 * (2028: no built-in year, none loaded). Through the real API and the real workflows on a
 * time-skipping server: the launch answers with a warning naming the year, the reminders of that
 * year still go out (on Monday–Friday), and the secretariat receives ONE mail about the year.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isoWeekday } from '../../src/domain/calendar/local-date.js';
import { localDateOf } from '../../src/domain/reminders/local-clock.js';
import { Notification } from '../../src/entities/index.js';
import { seedCampaignPlan } from '../../src/seed/seed.js';
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import { call, type TestApi, tokenFor } from '../support/api.js';
import {
  type ApiWorkflowWorld,
  day,
  startApiWorkflowWorld,
} from '../support/api-workflow-world.js';
import '../support/provided.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const UNITS = ['SNV', 'STP'];

/** Steps 1–2 open around today; the self-assessment and what follows in January–February 2028. */
const WINDOWS: Record<number, readonly [string, string] | null> = {
  1: [day(-3), day(30)],
  2: [day(-3), day(30)],
  3: ['2028-01-03', '2028-01-21'],
  4: ['2028-01-24', '2028-01-28'],
  5: ['2028-02-01', '2028-02-02'],
  6: ['2028-02-03', '2028-02-07'],
  7: ['2028-02-08', '2028-02-09'],
  8: ['2028-02-10', '2028-02-10'],
  9: ['2028-02-11', '2028-02-11'],
  10: ['2028-02-14', '2028-02-14'],
  11: null,
};

interface MailDevMessage {
  headers: Record<string, string>;
  to: { address: string }[];
  subject: string;
  text?: string;
}

describe('a year missing from the working-day calendar', () => {
  let world: ApiWorkflowWorld;
  let api: TestApi;
  let campaignId: string;
  const code = `lich-thieu-${randomUUID().slice(0, 8)}-2028`;

  beforeAll(async () => {
    world = await startApiWorkflowWorld();
    ({ api } = world);
    ({ campaignId } = await seedCampaignPlan(api.dataSource, {
      ...VINH_LONG_2021,
      campaign: { ...VINH_LONG_2021.campaign, code, year: 2028 },
      units: VINH_LONG_2021.units.filter((u) => UNITS.includes(u.code)),
      steps: VINH_LONG_2021.steps.map((step) => {
        const window = WINDOWS[step.number];
        return { ...step, start: window?.[0] ?? null, end: window?.[1] ?? null };
      }),
    }));
  });

  afterAll(() => world?.close({ id: campaignId, code }));

  it('warns at launch, sends the reminders on weekdays and tells the secretariat once', async () => {
    const secretariat = await tokenFor(api.dataSource, { role: 'secretariat', name: 'Tổ thư ký' });
    const launch = await call(api, 'POST', `/campaigns/${campaignId}/launch`, {
      token: secretariat,
    });
    expect(launch.status, JSON.stringify(launch.body)).toBeLessThan(300);
    expect(launch.body.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Chưa có lịch ngày nghỉ, ngày làm bù năm 2028: nhắc việc năm đó được lập theo thứ Hai–thứ Sáu/,
        ),
      ]),
    );
    expect(launch.body.warnings.join('\n')).not.toMatch(/năm 2026|năm 2027/);
    for (const step of [1, 2]) {
      const closed = await call(api, 'POST', `/campaigns/${campaignId}/steps/${step}/close`, {
        token: secretariat,
      });
      expect(closed.status).toBe(202);
    }

    // A later deadline or an extension into 2028 is taken, with the same warning.
    const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toUTC().toISO()!;
    const amended = await call(api, 'POST', `/campaigns/${campaignId}/steps/10/deadline`, {
      token: secretariat,
      body: { deadline: local('2028-02-15T23:59:59'), reason: 'Điều chỉnh kế hoạch' },
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(202);
    expect(amended.body.warnings).toEqual([expect.stringMatching(/năm 2028: nhắc việc năm đó/)]);
    const extended = await call(api, 'POST', `/campaigns/${campaignId}/units/STP/extensions`, {
      token: secretariat,
      body: { stepNumber: 6, deadline: local('2028-02-10T23:59:59'), reason: 'Khó khăn' },
    });
    expect(extended.status, JSON.stringify(extended.body)).toBe(201);
    expect(extended.body.warnings).toEqual([expect.stringMatching(/năm 2028: nhắc việc năm đó/)]);

    // Past the self-assessment's deadline (Fri 21/01/2028) on the workflows' clock.
    const target = DateTime.fromISO('2028-01-21T12:00:00', { zone: ZONE }).toMillis();
    const reminders = async () =>
      (await api.dataSource.getRepository(Notification).find({ where: { campaignId } })).filter(
        (n) => n.kind === 'reminder' && n.stepNumber === 3,
      );
    for (let i = 0; i < 600; i++) {
      const now = await world.env.currentTimeMs();
      if (now < target) await world.env.sleep(Math.min(target - now, 30 * 86_400_000));
      if ((await reminders()).length >= 3 * UNITS.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const sent = await reminders();
    // 7, 3 and 1 working days (Monday–Friday) before Fri 21/01/2028: 12/01, 18/01, 20/01.
    expect([...new Set(sent.map((n) => localDateOf(n.scheduledFor, ZONE)))].sort()).toEqual([
      '2028-01-12',
      '2028-01-18',
      '2028-01-20',
    ]);
    expect(sent.map((n) => n.status)).toEqual(sent.map(() => 'sent'));
    const all = await api.dataSource.getRepository(Notification).find({ where: { campaignId } });
    const planned = all.filter((n) => n.kind !== 'calendar_year_missing');
    expect(
      planned
        .filter((n) => isoWeekday(localDateOf(n.scheduledFor, ZONE)) > 5)
        .map((n) => n.businessKey),
    ).toEqual([]);

    // One mail about 2028 in the log, and one at the SMTP server, though many waves planned in 2028.
    const missing = all.filter((n) => n.kind === 'calendar_year_missing');
    expect(missing.map((n) => n.businessKey)).toEqual([
      `${campaignId}/secretariat/calendar-year-missing/2028`,
    ]);
    expect(missing[0]!.status).toBe('sent');
    const res = await fetch(`${inject('mailApiUrl')}/email`);
    const received = ((await res.json()) as MailDevMessage[]).filter(
      (m) => m.headers['x-par-business-key'] === missing[0]!.businessKey,
    );
    expect(received).toHaveLength(1);
    expect(received[0]!.to.map((t) => t.address)).toEqual(['thuky.cchc@snv.example.gov.vn']);
    expect(received[0]!.subject).toMatch(
      /Chưa có lịch ngày nghỉ, ngày làm bù năm 2028: nhắc việc được lập theo thứ Hai–thứ Sáu/,
    );
    expect(received[0]!.text).toMatch(/PUT \/calendar-years\/2028/);
    expect(received[0]!.text).toMatch(/\/portal\/lich-ngay-lam-viec/);
  }, 240_000);
});
