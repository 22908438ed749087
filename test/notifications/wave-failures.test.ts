/**
 * A reminder wave through the real workflows when SMTP misbehaves: a message the server defers
 * (451) is sent on the wave's retry; a message whose connection drops after the server accepted
 * it is recorded "unconfirmed" and never sent again; the retry sends nothing twice.
 */
import 'reflect-metadata';
import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMailTransport } from '../../src/activities/mail/mail-transport.js';
import { buildCampaignWorkflowInput } from '../../src/api/campaigns/campaign-workflow-input.js';
import { Campaign, CampaignStep, Notification } from '../../src/entities/index.js';
import { campaignWorkflow } from '../../src/workflows/index.js';
import { local, type Plan2021World, startPlan2021World } from '../support/plan-2021-world.js';
import '../support/provided.js';

const DEFERRED = 'cchc.snv@example.vn'; // the server says 451 the first time
const DROPPED = 'cchc.stp@example.vn'; // accepted, then the connection drops before the reply

/**
 * The real transport to MailDev, with the two failures scripted per recipient for the reminders
 * (other mails of the plan, e.g. the window-opened ones, go through); calls counted per message.
 */
function misbehavingTransport(real: Transporter) {
  const calls = new Map<string, number>();
  const sendMail: Transporter['sendMail'] = async (
    mail: Parameters<Transporter['sendMail']>[0],
  ) => {
    const to = String((mail.to as string[] | string | undefined) ?? '');
    const key = String(
      (mail.headers as Record<string, string> | undefined)?.['X-PAR-Business-Key'],
    );
    const call = (calls.get(key) ?? 0) + 1;
    calls.set(key, call);
    const reminder = key.includes('/reminder/');
    if (reminder && to.includes(DEFERRED) && call === 1) {
      throw Object.assign(new Error('Data command failed: 451 4.3.0 Try again later'), {
        responseCode: 451,
        response: '451 4.3.0 Try again later',
      });
    }
    const info = await real.sendMail(mail);
    if (reminder && to.includes(DROPPED)) {
      throw Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' });
    }
    return info;
  };
  return {
    transport: new Proxy(real, {
      get: (t, p) => (p === 'sendMail' ? sendMail : Reflect.get(t, p)),
    }),
    calls,
  };
}

describe('a reminder wave when SMTP fails', () => {
  let world: Plan2021World;
  let calls: Map<string, number>;

  beforeAll(async () => {
    const scripted = misbehavingTransport(createMailTransport(inject('smtpUrl')));
    calls = scripted.calls;
    world = await startPlan2021World({
      codePrefix: 'vinhlong-2021-smtp',
      taskQueue: 'par-wave-failures',
      transport: scripted.transport,
    });
  });

  afterAll(() => world?.close());

  it('sends every reminder of the wave once: deferred ones on the retry, none twice', async () => {
    const { env, db, campaignId } = world;
    const campaign = await db.getRepository(Campaign).findOneByOrFail({ id: campaignId });
    const steps = await db.getRepository(CampaignStep).findBy({ campaignId });
    const handle = await env.client.workflow.start(campaignWorkflow, {
      workflowId: 'par-2021-vinhlong',
      taskQueue: 'par-wave-failures',
      args: [buildCampaignWorkflowInput(campaign, steps)],
    });
    // The first reminder wave of the self-assessment: 15/12/2021 08:00, to all 25 units.
    const now = await env.currentTimeMs();
    await env.sleep(local('2021-12-15T09:00:00').getTime() - now);

    const reminders = (await db.getRepository(Notification).findBy({ campaignId })).filter(
      (n) => n.kind === 'reminder',
    );
    expect(reminders).toHaveLength(25);
    const statusOf = (address: string) => reminders.find((n) => n.to.includes(address));
    expect(statusOf(DEFERRED)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(statusOf(DROPPED)).toMatchObject({ status: 'unconfirmed', attempts: 1 });
    expect(reminders.filter((n) => n.status === 'sent')).toHaveLength(24);
    // The wave ran twice (the deferral made it retry); SMTP saw each message once, the
    // deferred one twice (refused, then sent).
    const deferredKey = statusOf(DEFERRED)!.businessKey;
    expect(calls.get(deferredKey)).toBe(2);
    expect([...calls.entries()].filter(([key, n]) => key !== deferredKey && n !== 1)).toEqual([]);
    // The secretariat's head (its contact from the seed) gets the report.
    const secretariat = 'thuky.cchc@snv.example.gov.vn';

    // The SMTP server holds each reminder exactly once, the "unconfirmed" one included.
    const res = await fetch(`${inject('mailApiUrl')}/email`);
    const keys = ((await res.json()) as { headers: Record<string, string> }[])
      .map((m) => m.headers['x-par-business-key'] ?? '')
      .filter((key) => key.startsWith(`${campaignId}/`) && key.includes('/reminder/'))
      .sort();
    expect(keys).toEqual(reminders.map((n) => n.businessKey).sort());

    // The secretariat hears of the message whose delivery is unknown, once.
    const reports = (await db.getRepository(Notification).findBy({ campaignId })).filter(
      (n) => n.kind === 'delivery_failures',
    );
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ status: 'sent', to: [secretariat] });
    const report = (
      (await (await fetch(`${inject('mailApiUrl')}/email`)).json()) as {
        headers: Record<string, string>;
        text: string;
      }[]
    ).find((m) => m.headers['x-par-business-key'] === reports[0]!.businessKey)!;
    expect(report.text).toContain(DROPPED);
    expect(report.text).toContain('chưa rõ đã gửi được hay chưa');

    await handle.terminate('test over');
  });
});
