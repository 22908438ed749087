/**
 * The send activity against real servers: PostgreSQL, MailDev (the global setup's SMTP server on
 * loopback) and scripted SMTP servers that refuse, defer or drop the connection.
 */
import 'reflect-metadata';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createNotificationActivities,
  createNotificationSender,
  notificationMessageId,
  type SendNotificationInput,
} from '../../src/activities/notifications/index.js';
import { createMailTransport } from '../../src/activities/mail/mail-transport.js';
import {
  INVALID_NOTIFICATION,
  SMTP_TEMPORARY_FAILURE,
} from '../../src/contracts/notification-retry.js';
import { vietnamBusinessCalendar } from '../../src/domain/calendar/vietnam.js';
import { planCampaignSends } from '../../src/domain/reminders/plan-reminders.js';
import { createDataSource } from '../../src/db/data-source.js';
import { Notification, type Campaign, type Unit } from '../../src/entities/index.js';
import { freePort } from '../../scripts/launcher/ports.js';
import { DEFAULTS } from '../../src/config.js';
import { ensureSecretariatContacts, secretariatRecipients } from '../../src/loaders/recipients.js';
import {
  addParticipation,
  createDraftCampaign,
  createUnit,
  deleteCampaigns,
  ensureAgencies,
  suffix,
} from '../support/api-fixtures.js';
import { startScriptedSmtp, type ScriptedSmtpServer } from '../support/scripted-smtp.js';
import '../support/provided.js';

const MAIL_FROM = 'Sở Nội vụ - Chỉ số CCHC <cchc@snv.example.gov.vn>';

interface ReceivedEmail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  from: { address: string; name: string }[];
  to: { address: string }[];
  cc?: { address: string }[];
}

async function receivedBy(address: string): Promise<ReceivedEmail[]> {
  const res = await fetch(`${inject('mailApiUrl')}/email`);
  const all = (await res.json()) as ReceivedEmail[];
  return all.filter((m) => m.to.some((to) => to.address === address));
}

let db: DataSource;
let maildev: Transporter;
let campaign: Campaign;
let unit: Unit;
let participationId: string;
const transports: Transporter[] = [];
const servers: ScriptedSmtpServer[] = [];

function transportFor(url: string): Transporter {
  const transport = createMailTransport(url);
  transports.push(transport);
  return transport;
}

async function scripted(script: Parameters<typeof startScriptedSmtp>[0]) {
  const server = await startScriptedSmtp(script);
  servers.push(server);
  return { server, transport: transportFor(server.url) };
}

/** A message of its own: unique key and address. */
function message(overrides: Partial<SendNotificationInput> = {}): SendNotificationInput {
  const tag = suffix();
  return {
    campaignId: campaign.id,
    participationId,
    businessKey: `${campaign.id}/unit:${unit.code}/step-3/reminder/wd-7/${tag}`,
    kind: 'reminder',
    stepNumber: 3,
    audience: 'unit',
    to: [`dau-moi-${tag}@example.vn`],
    cc: [],
    subject: `[Chỉ số CCHC năm 2021] Nhắc hạn tự đánh giá, chấm điểm: ${unit.name}`,
    html: '<p>Kính gửi: Sở Giao thông vận tải</p>',
    text: 'Kính gửi: Sở Giao thông vận tải\n',
    scheduledFor: '2021-12-15T01:00:00.000Z',
    ...overrides,
  };
}

const row = (businessKey: string) =>
  db.getRepository(Notification).findOneByOrFail({ businessKey });

beforeAll(async () => {
  db = createDataSource(inject('databaseUrl'));
  await db.initialize();
  campaign = await createDraftCampaign(db);
  unit = await createUnit(db, { name: 'Sở Giao thông vận tải' });
  participationId = (await addParticipation(db, campaign.id, unit.id)).id;
  maildev = transportFor(inject('smtpUrl'));
});

afterAll(async () => {
  for (const transport of transports) transport.close();
  for (const server of servers) await server.close();
  await deleteCampaigns(db, campaign ? [campaign.code] : []);
  await db?.destroy();
});

describe('sendNotification: exactly once, on real SMTP servers', () => {
  it('sends one message that MailDev receives with its Message-ID, headers and Vietnamese subject', async () => {
    const { sendNotification } = createNotificationSender({
      dataSource: db,
      transport: maildev,
      mailFrom: MAIL_FROM,
    });
    const input = message();
    const result = await sendNotification(input);

    const messageId = notificationMessageId(input.businessKey, MAIL_FROM);
    expect(messageId).toMatch(/^<par\.[0-9a-f]{40}@snv\.example\.gov\.vn>$/);
    expect(result).toMatchObject({
      businessKey: input.businessKey,
      status: 'sent',
      sentNow: true,
      attempts: 1,
      messageId,
      lastError: null,
    });
    expect(result.smtpResponse).toMatch(/^250/);

    const received = await receivedBy(input.to[0]!);
    expect(received).toHaveLength(1);
    expect(received[0]!.subject).toBe(input.subject);
    expect(received[0]!.headers['message-id']).toBe(messageId);
    expect(received[0]!.from).toEqual([
      { address: 'cchc@snv.example.gov.vn', name: 'Sở Nội vụ - Chỉ số CCHC' },
    ]);
    expect(received[0]!.headers['x-par-business-key']).toBe(input.businessKey);
    expect(received[0]!.headers['auto-submitted']).toBe('auto-generated');
    expect(received[0]!.text.trim()).toBe('Kính gửi: Sở Giao thông vận tải');

    const saved = await row(input.businessKey);
    expect(saved).toMatchObject({
      status: 'sent',
      attempts: 1,
      kind: 'reminder',
      stepNumber: 3,
      audience: 'unit',
      to: input.to,
      participationId,
      messageId,
    });
    expect(saved.sentAt).toBeInstanceOf(Date);
    expect(saved.scheduledFor.toISOString()).toBe(input.scheduledFor);
  });

  it('sends once when called twice in a row, and once when three attempts race', async () => {
    const { sendNotification } = createNotificationSender({
      dataSource: db,
      transport: maildev,
      mailFrom: MAIL_FROM,
    });
    const input = message();
    const first = await sendNotification(input);
    const second = await sendNotification(input);
    expect(first).toMatchObject({ status: 'sent', sentNow: true });
    expect(second).toMatchObject({ status: 'sent', sentNow: false, attempts: 1 });
    expect(await receivedBy(input.to[0]!)).toHaveLength(1);

    // Concurrent attempts (a timed-out attempt still running and its retry): one wins the
    // handoff; the others find it taken and do not send. The winner's outcome is what stays.
    const raced = message();
    const results = await Promise.all([1, 2, 3].map(() => sendNotification(raced)));
    expect(results.filter((r) => r.sentNow)).toHaveLength(1);
    expect(await receivedBy(raced.to[0]!)).toHaveLength(1);
    expect((await row(raced.businessKey)).status).toBe('sent');
  });

  it('turns a "sending" row left by a crash after the SMTP handoff into "unconfirmed", without a second send', async () => {
    // The worker dies after the server accepted the message and before the record: the send
    // goes out through MailDev and the activity never returns.
    const dying = {
      sendMail: async (mail: Parameters<Transporter['sendMail']>[0]) => {
        await maildev.sendMail(mail);
        return new Promise<never>(() => undefined);
      },
    } as unknown as Transporter;
    const input = message();
    void createNotificationSender({
      dataSource: db,
      transport: dying,
      mailFrom: MAIL_FROM,
    }).sendNotification(input);
    await expect.poll(() => receivedBy(input.to[0]!), { timeout: 10_000 }).toHaveLength(1);
    const left = await row(input.businessKey);
    expect(left.status).toBe('sending');
    expect(left.handoffAt).toBeInstanceOf(Date);

    // Temporal retries the activity on another worker.
    const retry = await createNotificationSender({
      dataSource: db,
      transport: maildev,
      mailFrom: MAIL_FROM,
    }).sendNotification(input);
    expect(retry).toMatchObject({ status: 'unconfirmed', sentNow: false, attempts: 1 });
    expect(retry.lastError).toMatch(/^Chưa xác nhận: lần gửi thứ 1 .*không ghi nhận được kết quả/);
    expect(await receivedBy(input.to[0]!)).toHaveLength(1);
    // And it stays so: later attempts return the record.
    expect(
      await createNotificationSender({
        dataSource: db,
        transport: maildev,
        mailFrom: MAIL_FROM,
      }).sendNotification(input),
    ).toMatchObject({ status: 'unconfirmed', sentNow: false });
    expect(await receivedBy(input.to[0]!)).toHaveLength(1);
  });

  it('sends a message whose earlier attempt died before the handoff', async () => {
    const input = message();
    // What a crash right after the claim leaves: 'sending', no handoff.
    await db.query(
      `INSERT INTO notifications (campaign_id, participation_id, business_key, kind, step_number, audience, to_addresses, subject, scheduled_for)
       VALUES ($1, $2, $3, 'reminder', 3, 'unit', $4, $5, $6)`,
      [
        campaign.id,
        participationId,
        input.businessKey,
        input.to,
        input.subject,
        input.scheduledFor,
      ],
    );
    const result = await createNotificationSender({
      dataSource: db,
      transport: maildev,
      mailFrom: MAIL_FROM,
    }).sendNotification(input);
    expect(result).toMatchObject({ status: 'sent', sentNow: true, attempts: 1 });
    expect(await receivedBy(input.to[0]!)).toHaveLength(1);
  });

  it('records a rejected recipient (550) as failed with the reply, returns it, and never retries', async () => {
    const { server, transport } = await scripted({
      rcpt: '550 5.1.1 <nobody@example.vn>: Recipient address rejected: User unknown',
    });
    const { sendNotification } = createNotificationSender({
      dataSource: db,
      transport,
      mailFrom: MAIL_FROM,
    });
    const input = message();
    const result = await sendNotification(input);
    expect(result).toMatchObject({ status: 'failed', sentNow: true, attempts: 1 });
    expect(result.smtpResponse).toMatch(/^550 5\.1\.1/);
    expect(result.lastError).toMatch(/^Máy chủ thư từ chối: .*550 5\.1\.1/);
    expect(server.received).toHaveLength(0);

    const again = await sendNotification(input);
    expect(again).toMatchObject({ status: 'failed', sentNow: false, attempts: 1 });
    expect((await row(input.businessKey)).status).toBe('failed');
  });

  it('records a message refused after DATA (554) as failed', async () => {
    const { transport } = await scripted({ afterData: '554 5.7.1 Message rejected as spam' });
    const input = message();
    const result = await createNotificationSender({
      dataSource: db,
      transport,
      mailFrom: MAIL_FROM,
    }).sendNotification(input);
    expect(result).toMatchObject({ status: 'failed', smtpResponse: expect.stringMatching(/^554/) });
  });

  it('throws a retryable failure on a deferral (451), then sends on the retry', async () => {
    const { server, transport } = await scripted({ rcpt: '451 4.7.1 Greylisted, try later' });
    const input = message();
    const failure = await createNotificationSender({
      dataSource: db,
      transport,
      mailFrom: MAIL_FROM,
    })
      .sendNotification(input)
      .catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: SMTP_TEMPORARY_FAILURE, nonRetryable: false });
    expect(server.received).toHaveLength(0);
    const deferred = await row(input.businessKey);
    expect(deferred).toMatchObject({ status: 'sending', attempts: 1, handoffAt: null });
    expect(deferred.lastError).toMatch(/^Lỗi tạm thời của máy chủ thư, sẽ thử lại: .*451/);

    // The retry (the server has recovered) takes the handoff again and sends.
    const retry = await createNotificationSender({
      dataSource: db,
      transport: maildev,
      mailFrom: MAIL_FROM,
    }).sendNotification(input);
    expect(retry).toMatchObject({ status: 'sent', sentNow: true, attempts: 2, lastError: null });
    expect(await receivedBy(input.to[0]!)).toHaveLength(1);
  });

  it('throws a retryable failure when the SMTP server refuses the connection', async () => {
    const transport = transportFor(`smtp://127.0.0.1:${await freePort()}`);
    const input = message();
    const failure = await createNotificationSender({
      dataSource: db,
      transport,
      mailFrom: MAIL_FROM,
    })
      .sendNotification(input)
      .catch((err: unknown) => err);
    expect(failure).toMatchObject({ type: SMTP_TEMPORARY_FAILURE, nonRetryable: false });
    expect(await row(input.businessKey)).toMatchObject({ status: 'sending', handoffAt: null });
  });

  it('records "failed" instead of throwing on the last attempt', async () => {
    const { transport } = await scripted({ rcpt: '421 4.3.2 Service not available' });
    const { sendNotification } = createNotificationSender({
      dataSource: db,
      transport,
      mailFrom: MAIL_FROM,
      maxAttempts: 2,
    });
    const input = message();
    await expect(sendNotification(input)).rejects.toMatchObject({ type: SMTP_TEMPORARY_FAILURE });
    const last = await sendNotification(input);
    expect(last).toMatchObject({ status: 'failed', attempts: 2 });
    expect(last.lastError).toMatch(/^Không gửi được sau 2 lần thử/);

    // Run by Temporal, the retry policy's last attempt ends it too.
    const other = message();
    const env = new MockActivityEnvironment({
      attempt: 8,
      retryPolicy: { maximumAttempts: 8 },
    });
    const inTemporal = await env.run(
      createNotificationSender({ dataSource: db, transport, mailFrom: MAIL_FROM }).sendNotification,
      other,
    );
    expect(inTemporal).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('marks a message "unconfirmed" when the connection drops after the message went out', async () => {
    const { server, transport } = await scripted({ afterData: 'close' });
    const { sendNotification } = createNotificationSender({
      dataSource: db,
      transport,
      mailFrom: MAIL_FROM,
    });
    const input = message();
    const result = await sendNotification(input);
    expect(result).toMatchObject({ status: 'unconfirmed', sentNow: true });
    expect(result.lastError).toMatch(/^Chưa xác nhận: kết nối tới máy chủ thư bị ngắt/);
    expect(await sendNotification(input)).toMatchObject({ status: 'unconfirmed', sentNow: false });
    expect(server.received).toHaveLength(1);
  });

  it('records a message without any address as failed, without SMTP', async () => {
    const input = message({ to: [] });
    const result = await createNotificationSender({
      dataSource: db,
      transport: maildev,
      mailFrom: MAIL_FROM,
    }).sendNotification(input);
    expect(result).toMatchObject({
      status: 'failed',
      attempts: 0,
      lastError: 'Không gửi được: người nhận chưa có địa chỉ e-mail.',
    });
  });

  it('refuses malformed input with a non-retryable failure naming the field', async () => {
    const send = createNotificationSender({
      dataSource: db,
      transport: maildev,
      mailFrom: MAIL_FROM,
    }).sendNotification;
    await expect(send(message({ kind: 'nonsense' as never }))).rejects.toMatchObject({
      type: INVALID_NOTIFICATION,
      nonRetryable: true,
      message: expect.stringMatching(/kind must be one of/),
    });
    await expect(send(message({ to: ['not an address'] }))).rejects.toMatchObject({
      type: INVALID_NOTIFICATION,
      message: expect.stringMatching(/to must be a list of e-mail addresses/),
    });
  });
});

describe('sendPlannedNotification: compose from the database, then send once', () => {
  // The secretariat's address is its head's, from its contacts in the database.
  let secretariat: string;
  beforeAll(async () => {
    await db.transaction((tx) => ensureSecretariatContacts(tx, DEFAULTS.secretariatEmails));
    secretariat = (await secretariatRecipients(db.manager)).head.emails[0]!;
  });

  function activities() {
    return createNotificationActivities({
      dataSource: db,
      transport: maildev,
      mailFrom: MAIL_FROM,
      publicUrl: 'https://cchc.example.gov.vn',
      council: { emails: [`hoi-dong-${suffix()}@example.vn`] },
      calendar: vietnamBusinessCalendar(),
    });
  }

  const plan = () =>
    planCampaignSends({
      timeZone: campaign.timeZone,
      calendar: vietnamBusinessCalendar(),
      latePolicy: 'accept',
      steps: [
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
      ],
    });

  it("sends a unit's reminder in Vietnamese to its focal point, keyed by campaign, unit and plan", async () => {
    const planned = plan().find((s) => s.kind === 'reminder' && s.daysBefore === 7)!;
    expect(planned.localDateTime).toBe('15/12/2021 08:00');
    const result = await activities().sendPlannedNotification({
      campaignId: campaign.id,
      planned,
      unitCode: unit.code,
    });
    expect(result.businessKey).toBe(`${campaign.id}/unit:${unit.code}/${planned.key}`);
    expect(result.status).toBe('sent');
    const [mail] = await receivedBy(unit.focalEmail!);
    expect(mail!.subject).toBe(
      '[Chỉ số CCHC năm 2021] Nhắc hạn tự đánh giá, chấm điểm: Sở Giao thông vận tải — hạn chót 24/12/2021 23:59',
    );
    expect(mail!.text).toContain('Thời gian còn lại: 7 ngày làm việc');
    // The link opens the unit's own self-assessment page in the portal, under PUBLIC_URL.
    expect(mail!.html).toContain(
      `https://cchc.example.gov.vn/portal/chien-dich/${campaign.code}/don-vi/${unit.code}/tu-danh-gia`,
    );
  });

  it("sends the escalation to the unit's head with the secretariat in copy", async () => {
    const planned = plan().find((s) => s.kind === 'escalation')!;
    expect(planned.localDateTime).toBe('27/12/2021 08:00');
    const result = await activities().sendPlannedNotification({
      campaignId: campaign.id,
      planned,
      unitCode: unit.code,
    });
    expect(result.status).toBe('sent');
    const saved = await row(result.businessKey);
    expect(saved).toMatchObject({ to: [unit.headEmail], cc: [secretariat], audience: 'unit_head' });
    const [mail] = await receivedBy(unit.headEmail!);
    expect(mail!.subject).toMatch(
      /^\[Chỉ số CCHC năm 2021\] Quá hạn: Sở Giao thông vận tải chưa hoàn thành Bước 3/,
    );
    expect(mail!.cc).toEqual([expect.objectContaining({ address: secretariat })]);
    // Late self-assessments are taken until round 1 ends (late policy 'accept').
    expect(mail!.text).toContain('được tiếp nhận đến 31/12/2021 23:59 (giờ Việt Nam)');
    expect(mail!.text).toContain(
      `https://cchc.example.gov.vn/portal/chien-dich/${campaign.code}/don-vi/${unit.code}/tu-danh-gia`,
    );
  });

  it('sends the window-closed digest to the secretariat with who is missing', async () => {
    const planned = plan().find((s) => s.kind === 'digest_window_closed')!;
    const result = await activities().sendPlannedNotification({ campaignId: campaign.id, planned });
    expect(result.status).toBe('sent');
    expect(result.businessKey).toBe(`${campaign.id}/secretariat/${planned.key}`);
    // The secretariat's mailbox is shared by every campaign of the run: this campaign's digest.
    const [mail] = (await receivedBy(secretariat)).filter((m) => m.text.includes(campaign.code));
    expect(mail!.subject).toContain('Tổng hợp: hết hạn Bước 3');
    expect(mail!.text).toContain('Chưa nộp (1):\n  - Sở Giao thông vận tải');
    // The secretariat's link is its campaign page.
    expect(mail!.text).toContain(
      `https://cchc.example.gov.vn/portal/chien-dich/${campaign.code}\n`,
    );
  });

  it('sends appraisal reminders to the agencies that appraise the campaign’s criteria', async () => {
    await ensureAgencies(db);
    const [set] = await db.query(
      `INSERT INTO index_sets (campaign_id, group_code, name) VALUES ($1, 'department', 'Bộ chỉ số') RETURNING id`,
      [campaign.id],
    );
    await db.query(
      `INSERT INTO criteria (index_set_id, code, level, title, max_points, agency_id)
       SELECT $1, '2', 'field', 'Xây dựng và tổ chức thực hiện văn bản QPPL', 10, id FROM agencies WHERE code = 'STP'`,
      [set.id],
    );
    const codes = await activities().appraisingAgencyCodes({ campaignId: campaign.id });
    expect(codes).toEqual(['STP']);
    const planned = plan().find((s) => s.kind === 'appraisal_reminder')!;
    const result = await activities().sendPlannedNotification({
      campaignId: campaign.id,
      planned,
      agencyCode: codes[0]!,
    });
    expect(result).toMatchObject({
      status: 'sent',
      businessKey: `${campaign.id}/agency:STP/${planned.key}`,
    });
    const [agency] = await db.query(`SELECT id, email FROM agencies WHERE code = 'STP'`);
    expect(await row(result.businessKey)).toMatchObject({
      agencyId: agency.id,
      to: [agency.email],
    });
    const mail = (await receivedBy(agency.email)).find(
      (m) => m.headers['x-par-business-key'] === result.businessKey,
    );
    expect(mail!.subject).toMatch(
      /^\[Chỉ số CCHC năm 2021\] Nhắc thẩm định: Bước 4 — Bước 4, hạn hoàn thành 31\/12\/2021 23:59$/,
    );
  });

  it('refuses, without retrying, a unit that does not take part', async () => {
    const planned = plan().find((s) => s.kind === 'reminder')!;
    await expect(
      activities().sendPlannedNotification({
        campaignId: campaign.id,
        planned,
        unitCode: 'NO-SUCH',
      }),
    ).rejects.toMatchObject({ type: INVALID_NOTIFICATION, nonRetryable: true });
  });
});
