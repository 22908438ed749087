import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMailTransport } from '../../src/activities/mail/mail-transport.js';
import { createNotificationSender } from '../../src/activities/notifications/index.js';
import { Notification, StepExtension, type Campaign, type Unit } from '../../src/entities/index.js';
import { call, startTestApi, type TestApi } from '../support/api.js';
import {
  addParticipation,
  createDraftCampaign,
  createUnit,
  deleteCampaigns,
  staffTokens,
  suffix,
  unitToken,
  type Tokens,
} from '../support/api-fixtures.js';
import '../support/provided.js';

let api: TestApi;
let tokens: Tokens;
let transport: Transporter;
const campaignCodes: string[] = [];

interface Fixture {
  campaign: Campaign;
  unitA: Unit;
  unitB: Unit;
  participationA: string;
  participationB: string;
  tokenA: string;
  base: string;
}

/** A draft 2021 campaign (self-assessment 01–24/12, round 1 27–31/12) with two units. */
async function fixture(year = 2021): Promise<Fixture> {
  const db = api.dataSource;
  const campaign = await createDraftCampaign(db, { year });
  campaignCodes.push(campaign.code);
  const unitA = await createUnit(db, { name: 'Sở Tư pháp' });
  const unitB = await createUnit(db, { name: 'Sở Xây dựng' });
  const participationA = (await addParticipation(db, campaign.id, unitA.id)).id;
  const participationB = (await addParticipation(db, campaign.id, unitB.id)).id;
  return {
    campaign,
    unitA,
    unitB,
    participationA,
    participationB,
    tokenA: await unitToken(db, unitA.code),
    base: `/campaigns/${campaign.id}/notifications`,
  };
}

const reminderKey = (fx: Fixture, unit: Unit, days: number, deadline: string) =>
  `${fx.campaign.id}/unit:${unit.code}/step-3/reminder/wd-${days}/${deadline}`;

/** Three rows: A's 7-day reminder really sent through MailDev, a digest, B's rejected reminder. */
async function seedLog(fx: Fixture): Promise<void> {
  const sender = createNotificationSender({
    dataSource: api.dataSource,
    transport,
    mailFrom: 'Sở Nội vụ <cchc@snv.example.gov.vn>',
  });
  const common = {
    campaignId: fx.campaign.id,
    stepNumber: 3,
    html: '<p>Kính gửi</p>',
    text: 'Kính gửi\n',
  };
  await sender.sendNotification({
    ...common,
    participationId: fx.participationA,
    businessKey: reminderKey(fx, fx.unitA, 7, '2021-12-24T16:59:59.000Z'),
    kind: 'reminder',
    audience: 'unit',
    to: [fx.unitA.focalEmail!],
    subject: '[Chỉ số CCHC năm 2021] Nhắc hạn tự đánh giá, chấm điểm: Sở Tư pháp',
    scheduledFor: '2021-12-15T01:00:00.000Z',
  });
  await sender.sendNotification({
    ...common,
    businessKey: `${fx.campaign.id}/secretariat/step-3/digest_window_opened/2021-11-30T17:00:00.000Z`,
    kind: 'digest_window_opened',
    audience: 'secretariat',
    to: [`to-thu-ky-${suffix()}@example.vn`],
    subject: '[Chỉ số CCHC năm 2021] Tổng hợp: đã mở Bước 3',
    scheduledFor: '2021-12-01T01:00:00.000Z',
  });
  await api.dataSource.getRepository(Notification).insert({
    campaignId: fx.campaign.id,
    participationId: fx.participationB,
    businessKey: reminderKey(fx, fx.unitB, 7, '2021-12-24T16:59:59.000Z'),
    kind: 'reminder',
    stepNumber: 3,
    audience: 'unit',
    to: [fx.unitB.focalEmail!],
    cc: [],
    subject: '[Chỉ số CCHC năm 2021] Nhắc hạn tự đánh giá, chấm điểm: Sở Xây dựng',
    scheduledFor: new Date('2021-12-15T01:00:00.000Z'),
    status: 'failed',
    attempts: 1,
    smtpResponse: '550 5.1.1 User unknown',
    lastError: 'Máy chủ thư từ chối: Recipient command failed: 550 5.1.1 User unknown',
  });
}

beforeAll(async () => {
  api = await startTestApi();
  tokens = await staffTokens(api.dataSource);
  transport = createMailTransport(inject('smtpUrl'));
});

afterAll(async () => {
  transport?.close();
  if (api) await deleteCampaigns(api.dataSource, campaignCodes);
  await api?.close();
});

describe('GET /campaigns/:campaignId/notifications (the log)', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await fixture();
    await seedLog(fx);
  });

  it('shows the secretariat every message, newest first, with the total and local times', async () => {
    const res = await call(api, 'GET', fx.base, { token: tokens.secretariat });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((i: any) => [i.kind, i.unitCode, i.status])).toEqual([
      ['reminder', fx.unitB.code, 'failed'],
      ['digest_window_opened', null, 'sent'],
      ['reminder', fx.unitA.code, 'sent'],
    ]);
    const sent = res.body.items[2];
    expect(sent).toMatchObject({
      stepNumber: 3,
      audience: 'unit',
      unitName: 'Sở Tư pháp',
      participationId: fx.participationA,
      to: [fx.unitA.focalEmail],
      subject: '[Chỉ số CCHC năm 2021] Nhắc hạn tự đánh giá, chấm điểm: Sở Tư pháp',
      scheduledForLocal: '15/12/2021 08:00',
      attempts: 1,
      smtpResponse: expect.stringMatching(/^250/),
    });
    expect(sent.sentAtLocal).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(res.body.items[0].lastError).toMatch(/^Máy chủ thư từ chối/);

    // By code too, and paginated.
    const page = await call(
      api,
      'GET',
      `/campaigns/${fx.campaign.code}/notifications?limit=1&offset=1`,
      {
        token: tokens.admin,
      },
    );
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.body.items.map((i: any) => i.kind)).toEqual(['digest_window_opened']);
    const past = await call(api, 'GET', `${fx.base}?offset=10`, { token: tokens.admin });
    expect(past.body).toMatchObject({ total: 3, items: [] });
  });

  it('filters by unit, participation, status, kind and step', async () => {
    const get = async (q: string) =>
      (await call(api, 'GET', `${fx.base}?${q}`, { token: tokens.secretariat })).body;
    expect((await get(`unitCode=${fx.unitA.code}`)).items.map((i: any) => i.unitCode)).toEqual([
      fx.unitA.code,
    ]);
    expect((await get(`participationId=${fx.participationB}`)).total).toBe(1);
    expect((await get('status=failed')).items.map((i: any) => i.unitCode)).toEqual([fx.unitB.code]);
    expect((await get('kind=digest_window_opened')).total).toBe(1);
    expect((await get('status=sent&kind=reminder&stepNumber=3')).total).toBe(1);
    expect((await get('stepNumber=4')).total).toBe(0);
  });

  it("shows a unit's token only its own unit's messages", async () => {
    const own = await call(api, 'GET', fx.base, { token: fx.tokenA });
    expect(own.status).toBe(200);
    expect(own.body.total).toBe(1);
    expect(own.body.items[0].unitCode).toBe(fx.unitA.code);

    const other = await call(api, 'GET', `${fx.base}?unitCode=${fx.unitB.code}`, {
      token: fx.tokenA,
    });
    expect(other.status).toBe(403);
    expect(other.body.message).toMatch(/chỉ xem được thông báo của chính đơn vị mình/);
    const byId = await call(api, 'GET', `${fx.base}?participationId=${fx.participationB}`, {
      token: fx.tokenA,
    });
    expect(byId.status).toBe(403);
  });

  it('answers 400 for a bad filter, naming it', async () => {
    const bad = async (q: string) => call(api, 'GET', `${fx.base}?${q}`, { token: tokens.admin });
    const cases: [string, RegExp][] = [
      ['status=delivered', /status must be one of sending, sent, failed, unconfirmed/],
      ['kind=spam', /kind must be one of reminder, escalation/],
      ['limit=0', /limit must be a whole number 1–500/],
      ['limit=abc', /limit must be a whole number 1–500/],
      ['offset=-1', /offset must be a whole number 0 or more/],
      ['participationId=42', /participationId must be a UUID/],
      ['color=red', /property color should not exist/],
      [`unitCode=${fx.unitA.code}&participationId=${fx.participationA}`, /không dùng cả hai/],
    ];
    for (const [query, message] of cases) {
      const res = await bad(query);
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(res.body.message), query).toMatch(message);
    }
  });

  it('answers 404 for an unknown campaign or a unit that does not take part', async () => {
    const unknown = await call(api, 'GET', `/campaigns/${randomUUID()}/notifications`, {
      token: tokens.admin,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/^Không có chiến dịch «/);
    expect(
      (
        await call(api, 'GET', '/campaigns/no-such-campaign/notifications/forecast', {
          token: tokens.admin,
        })
      ).status,
    ).toBe(404);
    const stranger = await createUnit(api.dataSource);
    const res = await call(api, 'GET', `${fx.base}?unitCode=${stranger.code}`, {
      token: tokens.admin,
    });
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/không tham gia chiến dịch/);
    expect((await call(api, 'GET', fx.base)).status).toBe(401);
  });
});

describe('GET /campaigns/:campaignId/notifications/forecast', () => {
  const line = (i: any) =>
    `${i.sendAtLocal} ${i.kind}${i.notification ? ` (${i.notification.status})` : ''}`;
  const unitLines = (body: any, unit: Unit) =>
    body.items.filter((i: any) => i.unitCode === unit.code).map(line);

  it('lists what the plan will send to each unit and the secretariat, marking what was sent', async () => {
    const fx = await fixture();
    await seedLog(fx);
    const res = await call(api, 'GET', `${fx.base}/forecast`, { token: tokens.secretariat });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      campaignId: fx.campaign.id,
      timeZone: 'Asia/Ho_Chi_Minh',
      policy: { daysBeforeDeadline: [7, 3, 1], sendTime: '08:00' },
      total: 16,
    });
    expect(unitLines(res.body, fx.unitA)).toEqual([
      '01/12/2021 08:00 window_opened', // the window opens: the focal point is told
      '15/12/2021 08:00 reminder (sent)',
      '21/12/2021 08:00 reminder',
      '23/12/2021 08:00 reminder',
      '27/12/2021 08:00 escalation',
      '29/12/2021 08:00 overdue_reminder',
      '31/12/2021 08:00 overdue_reminder',
    ]);
    expect(unitLines(res.body, fx.unitB).slice(0, 2)).toEqual([
      '01/12/2021 08:00 window_opened',
      '15/12/2021 08:00 reminder (failed)',
    ]);
    const digests = res.body.items.filter((i: any) => i.audience === 'secretariat').map(line);
    expect(digests).toEqual([
      '01/12/2021 08:00 digest_window_opened (sent)',
      '27/12/2021 08:00 digest_window_closed',
    ]);
    const escalation = res.body.items.find(
      (i: any) => i.unitCode === fx.unitA.code && i.kind === 'escalation',
    );
    expect(escalation).toMatchObject({
      audience: 'unit_head',
      to: [fx.unitA.headEmail],
      copySecretariat: true,
      unitName: 'Sở Tư pháp',
      sendAt: '2021-12-27T01:00:00.000Z',
      deadline: '2021-12-24T16:59:59.000Z',
      deadlineLocal: '24/12/2021 23:59',
      extended: false,
      due: true,
      notification: null,
      businessKey: `${fx.campaign.id}/unit-head:${fx.unitA.code}/step-3/escalation/2021-12-24T16:59:59.000Z`,
    });

    // One unit's forecast, as staff filter it and as the unit itself sees it.
    const filtered = await call(api, 'GET', `${fx.base}/forecast?unitCode=${fx.unitA.code}`, {
      token: tokens.secretariat,
    });
    const own = await call(api, 'GET', `${fx.base}/forecast`, { token: fx.tokenA });
    expect(own.status).toBe(200);
    expect(own.body.total).toBe(7);
    expect(own.body.items).toEqual(filtered.body.items);
    expect(own.body.items.every((i: any) => i.unitCode === fx.unitA.code)).toBe(true);
    expect(
      (
        await call(api, 'GET', `${fx.base}/forecast?unitCode=${fx.unitB.code}`, {
          token: fx.tokenA,
        })
      ).status,
    ).toBe(403);

    const reminders = await call(api, 'GET', `${fx.base}/forecast?kind=reminder&limit=2&offset=1`, {
      token: tokens.admin,
    });
    expect(reminders.body).toMatchObject({ total: 6, limit: 2, offset: 1 });
    expect(reminders.body.items).toHaveLength(2);
  });

  it('follows an amended deadline and a unit’s extension', async () => {
    const fx = await fixture();
    await seedLog(fx);
    const amend = await call(api, 'PATCH', `/campaigns/${fx.campaign.id}/steps/3`, {
      token: tokens.secretariat,
      body: { closesOn: '2021-12-28' },
    });
    expect(amend.status).toBe(200);
    await api.dataSource.getRepository(StepExtension).insert({
      participationId: fx.participationB,
      stepNumber: 3,
      deadline: new Date('2021-12-30T16:59:59.000Z'),
      reason: 'Đơn vị đề nghị gia hạn',
      grantedBy: 'Tổ thư ký',
    });
    const res = await call(api, 'GET', `${fx.base}/forecast`, { token: tokens.secretariat });
    expect(res.status).toBe(200);
    // The new deadline (Tue 28/12) gives new sends with new keys: the 15/12 reminder sent for
    // the old deadline is no longer in the plan (it stays in the log).
    expect(unitLines(res.body, fx.unitA)).toEqual([
      '01/12/2021 08:00 window_opened', // keyed on the opening, which did not move
      '17/12/2021 08:00 reminder',
      '23/12/2021 08:00 reminder',
      '27/12/2021 08:00 reminder',
      '29/12/2021 08:00 escalation',
      '31/12/2021 08:00 overdue_reminder',
    ]);
    expect(unitLines(res.body, fx.unitB)).toEqual([
      '01/12/2021 08:00 window_opened',
      '21/12/2021 08:00 reminder',
      '27/12/2021 08:00 reminder',
      '29/12/2021 08:00 reminder',
      '31/12/2021 08:00 escalation',
    ]);
    const extended = res.body.items.filter((i: any) => i.unitCode === fx.unitB.code);
    expect(extended.every((i: any) => i.extended && i.deadlineLocal === '30/12/2021 23:59')).toBe(
      true,
    );
  });

  it("uses the campaign's reminder policy", async () => {
    const fx = await fixture();
    const patch = await call(api, 'PATCH', `/campaigns/${fx.campaign.id}`, {
      token: tokens.secretariat,
      body: {
        reminderPolicy: {
          daysBeforeDeadline: [2],
          sendTime: '07:30',
          overdueRepeatEveryWorkingDays: 0,
          secretariatDigests: { windowOpened: false },
        },
      },
    });
    expect(patch.status).toBe(200);
    expect(patch.body.reminderPolicy).toEqual({
      daysBeforeDeadline: [2],
      sendTime: '07:30',
      overdueRepeatEveryWorkingDays: 0,
      secretariatDigests: { windowOpened: false },
    });
    const res = await call(api, 'GET', `${fx.base}/forecast?unitCode=${fx.unitA.code}`, {
      token: tokens.secretariat,
    });
    expect(res.body.policy).toMatchObject({ daysBeforeDeadline: [2], sendTime: '07:30' });
    expect(unitLines(res.body, fx.unitA)).toEqual([
      '01/12/2021 07:30 window_opened',
      '22/12/2021 07:30 reminder',
      '27/12/2021 07:30 escalation',
    ]);
    const all = await call(api, 'GET', `${fx.base}/forecast`, { token: tokens.secretariat });
    expect(all.body.items.filter((i: any) => i.audience === 'secretariat').map(line)).toEqual([
      '27/12/2021 07:30 digest_window_closed',
    ]);

    // Next year's campaign repeats the policy.
    const copy = await call(api, 'POST', `/campaigns/${fx.campaign.id}/copy`, {
      token: tokens.secretariat,
      body: { year: 2022, code: `${fx.campaign.code}-copy` },
    });
    expect(copy.status).toBe(201);
    campaignCodes.push(copy.body.code);
    expect(copy.body.reminderPolicy).toEqual(patch.body.reminderPolicy);

    const cleared = await call(api, 'PATCH', `/campaigns/${fx.campaign.id}`, {
      token: tokens.secretariat,
      body: { reminderPolicy: null },
    });
    expect(cleared.body.reminderPolicy).toBeNull();
  });

  it('refuses a malformed reminder policy with a 400 naming the field', async () => {
    const fx = await fixture();
    const cases: [unknown, RegExp][] = [
      [
        { daysBeforeDeadline: [7, -1] },
        /reminderPolicy\.daysBeforeDeadline\[1\] phải là một số nguyên 0–366, nhận được -1/,
      ],
      [{ sendTime: '8h' }, /reminderPolicy\.sendTime phải là giờ địa phương dạng HH:mm/],
      [
        { countDaysIn: 'weeks' },
        /reminderPolicy\.countDaysIn phải là working_days hoặc calendar_days/,
      ],
      [
        { reminders: [1] },
        /reminderPolicy\.reminders không phải là trường của chính sách nhắc hạn/,
      ],
      [
        { secretariatDigests: { daily: true } },
        /reminderPolicy\.secretariatDigests\.daily không phải là một loại thư tổng hợp/,
      ],
      [
        { escalateAtMissedDeadline: 'yes' },
        /reminderPolicy\.escalateAtMissedDeadline phải là true hoặc false/,
      ],
      [[7, 3, 1], /reminderPolicy phải là một đối tượng/],
    ];
    for (const [reminderPolicy, message] of cases) {
      const res = await call(api, 'PATCH', `/campaigns/${fx.campaign.id}`, {
        token: tokens.secretariat,
        body: { reminderPolicy },
      });
      expect(res.status, JSON.stringify(reminderPolicy)).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(message);
    }
  });

  it('plans a year without working-day calendar data on weekdays and names it (was a 422)', async () => {
    // 2028 has no built-in year and none loaded: the plan (Dec 2028 – Jan 2029) is still made.
    const fx = await fixture(2028);
    const res = await call(api, 'GET', `${fx.base}/forecast`, { token: tokens.secretariat });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.weekdaysOnlyYears).toEqual(expect.arrayContaining([2028]));
    expect(res.body.weekdaysOnlyYears).not.toContain(2027);
    expect(res.body.warnings.join('\n')).toMatch(
      /Chưa có lịch ngày nghỉ, ngày làm bù năm 2028: nhắc việc năm đó được lập theo thứ Hai–thứ Sáu/,
    );
    const items = res.body.items as { kind: string; sendAtLocal: string; sendAt: string }[];
    const reminders = items.filter((item) => item.kind === 'reminder');
    expect(reminders.length).toBeGreaterThan(0);
    for (const item of items) {
      // Local day of the send (Asia/Ho_Chi_Minh, UTC+7): Monday–Friday only.
      const local = new Date(Date.parse(item.sendAt) + 7 * 3600_000);
      expect([1, 2, 3, 4, 5], item.sendAtLocal).toContain(local.getUTCDay());
    }
  });

  it('sends appraisal reminders to each appraising agency; an appraiser or the council sees only its own', async () => {
    const fx = await fixture();
    // Criteria of two fields, appraised by SNV and STP.
    const db = api.dataSource;
    const [set] = await db.query(
      `INSERT INTO index_sets (campaign_id, group_code, name) VALUES ($1, 'department', 'Bộ chỉ số sở, ngành') RETURNING id`,
      [fx.campaign.id],
    );
    for (const [code, agency] of [
      ['1', 'SNV'],
      ['2', 'STP'],
    ]) {
      await db.query(
        `INSERT INTO criteria (index_set_id, code, level, title, max_points, agency_id)
         SELECT $1, $2::text, 'field', 'Lĩnh vực ' || $2::text, 10, id FROM agencies WHERE code = $3`,
        [set.id, code, agency],
      );
    }
    const all = await call(api, 'GET', `${fx.base}/forecast?kind=appraisal_reminder`, {
      token: tokens.secretariat,
    });
    expect(all.body.items.map((i: any) => `${i.sendAtLocal} ${i.agencyCode}`)).toEqual([
      '24/12/2021 08:00 SNV',
      '24/12/2021 08:00 STP',
      '28/12/2021 08:00 SNV',
      '28/12/2021 08:00 STP',
      '30/12/2021 08:00 SNV',
      '30/12/2021 08:00 STP',
    ]);
    expect(all.body.items[0]).toMatchObject({ agencyName: 'Sở Nội vụ', audience: 'appraisers' });

    const appraiser = await call(api, 'GET', `${fx.base}/forecast`, { token: tokens.appraiser });
    expect(appraiser.status).toBe(200);
    expect(appraiser.body.items.map((i: any) => `${i.kind} ${i.agencyCode}`)).toEqual([
      'appraisal_reminder SNV',
      'appraisal_reminder SNV',
      'appraisal_reminder SNV',
      'appraisal_escalation SNV', // if its scores are not all in at the round's end
    ]);
    const council = await call(api, 'GET', `${fx.base}/forecast`, { token: tokens.council });
    expect(council.body.items.every((i: any) => i.audience === 'council')).toBe(true);
    const aboutUnit = await call(api, 'GET', `${fx.base}?unitCode=${fx.unitA.code}`, {
      token: tokens.council,
    });
    expect(aboutUnit.status).toBe(403);
  });
});
