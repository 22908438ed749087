/**
 * Reminder waves: the campaign's notifications workflow sleeps until the next planned send time,
 * then one activity sends every send due in (after, upTo] that still has a reason to go. Plans
 * and facts come from PostgreSQL at that moment, so amended deadlines, extensions and what the
 * units did all count; each message is sent at most once by its business key, so a retried or
 * replayed wave sends only what is still missing.
 */
import type { EntityManager } from 'typeorm';
import { CalendarYearNotLoadedError } from '../../domain/calendar/business-calendar.js';
import type { ForecastSend } from '../../domain/notifications/forecast.js';
import { notificationBusinessKey } from '../../domain/notifications/business-key.js';
import { campaignPages, portalPageUrl } from '../../domain/portal-pages.js';
import { stillDue, type WaveFacts } from '../../domain/notifications/still-due.js';
import type { PlannedSend } from '../../domain/reminders/planned-send.js';
import type { Campaign, CampaignStep } from '../../entities/index.js';
import { campaignViewAt, stepFactsOf } from '../../loaders/campaign-facts.js';
import { deliveryFailuresMail } from '../mail/templates/delivery-failures.js';
import { campaignForecast } from '../../loaders/campaign-forecast.js';
import { appraisalBacklog, type AgencyBacklog } from '../../loaders/appraisal-backlog.js';
import { loadBusinessCalendar } from '../../loaders/business-calendar.js';
import { calendarGapMails } from './calendar-gap-mails.js';
import { composeNotification } from './compose.js';
import { digestLists } from './digest-lists.js';
import type { NotificationActivityDeps } from './notification-activities.js';
import { buildComposeInput, loadNotificationCampaign } from './notification-context.js';
import { sendAll } from './send-all.js';
import { createNotificationSender, type SendNotificationResult } from './send-notification.js';

export interface NextWave {
  /** The next planned send time after `after` (ISO), or null when the plan holds no more. */
  at: string | null;
  /** Sends planned at that time (before filtering out those no longer due). */
  planned: number;
  /** The campaign's workflow has finished. */
  campaignCompleted: boolean;
  /** Why nothing can be planned (e.g. a year without calendar data), for the UI and the log. */
  problem?: string;
}

export interface WaveResult {
  due: number;
  sent: number;
  /** Already decided by an earlier attempt (sent, failed or unconfirmed): not sent again. */
  alreadyDecided: number;
  /** No longer due (the unit acted, the step closed). */
  skipped: number;
  /** Of the wave's messages: refused for good / delivery unknown (by this or an earlier attempt). */
  failed: number;
  unconfirmed: number;
}

export interface NotificationWaveActivities {
  /**
   * Mails the secretariat the messages of the wave (after, upTo] that were refused for good or
   * whose delivery is unknown (never re-sent): once per wave, by its business key.
   */
  reportDeliveryFailures(input: {
    campaignId: string;
    after: string;
    upTo: string;
  }): Promise<{ reported: number }>;
  nextNotificationWave(input: { campaignId: string; after: string }): Promise<NextWave>;
  sendNotificationWave(input: {
    campaignId: string;
    after: string;
    upTo: string;
  }): Promise<WaveResult>;
}

/** The waves load the working-day calendar from PostgreSQL for each wave (loadBusinessCalendar). */
export interface NotificationWaveDeps extends NotificationActivityDeps {
  /** Messages in flight at once (the transport's pool bounds SMTP connections). */
  concurrency?: number;
}

/** What decides whether each send of a wave still goes: the steps as they stand at the wave. */
async function waveFacts(
  manager: EntityManager,
  campaign: Campaign,
  steps: readonly CampaignStep[],
  at: Date,
): Promise<WaveFacts> {
  const campaignId = campaign.id;
  const views = campaignViewAt(
    { stepFacts: steps.map(stepFactsOf), launchedAt: campaign.launchedAt?.getTime() ?? null },
    at,
  ).steps;
  const rows: { id: string; status: string; submitted: boolean }[] = await manager.query(
    `SELECT p.id, p.status,
            EXISTS (SELECT 1 FROM self_assessments sa WHERE sa.participation_id = p.id
                    AND sa.status = 'submitted') AS submitted
     FROM participations p WHERE p.campaign_id = $1`,
    [campaignId],
  );
  return {
    stepKinds: new Map(steps.map((step) => [step.number, step.kind ?? undefined])),
    closedSteps: new Set(views.filter((v) => v.status === 'closed').map((v) => v.number)),
    // The API commits a submission before it signals; the unit workflow records it too.
    submitted: new Set(
      rows.filter((r) => r.submitted || ['submitted', 'late'].includes(r.status)).map((r) => r.id),
    ),
    statusOf: new Map(rows.map((r) => [r.id, r.status])),
    lateIntakeStep: steps.find((s) => s.kind === 'appraisal_round_1')?.number ?? null,
  };
}

/** The planned send inside a forecast row (what composing and the key are built from). */
const plannedOf = (send: ForecastSend): PlannedSend => ({
  kind: send.kind,
  audience: send.audience,
  copySecretariat: send.copySecretariat,
  stepNumber: send.stepNumber,
  deadline: send.deadline,
  sendAt: send.sendAt,
  localDate: send.localDate,
  localTime: send.localTime,
  localDateTime: send.localDateTime,
  key: send.key,
  ...(send.daysBefore !== undefined && { daysBefore: send.daysBefore }),
  ...(send.anchor !== undefined && { anchor: send.anchor }),
  ...(send.repeat !== undefined && { repeat: send.repeat }),
  ...(send.movedFrom !== undefined && { movedFrom: send.movedFrom }),
});

export function createNotificationWaveActivities(
  deps: NotificationWaveDeps,
): NotificationWaveActivities {
  const sender = createNotificationSender(deps);
  const manager = deps.dataSource.manager;

  return {
    async reportDeliveryFailures({ campaignId, after, upTo }) {
      const rows: {
        to_addresses: string[];
        subject: string;
        status: 'failed' | 'unconfirmed';
        last_error: string | null;
        smtp_response: string | null;
      }[] = await manager.query(
        `SELECT to_addresses, subject, status, last_error, smtp_response FROM notifications
         WHERE campaign_id = $1 AND status IN ('failed', 'unconfirmed')
           AND scheduled_for > $2 AND scheduled_for <= $3 AND kind <> 'delivery_failures'
         ORDER BY subject`,
        [campaignId, after, upTo],
      );
      if (rows.length === 0) return { reported: 0 };
      const data = await loadNotificationCampaign(manager, campaignId, []);
      const { secretariat } = data;
      const mail = deliveryFailuresMail({
        timeZone: data.campaign.timeZone,
        actionUrl: portalPageUrl(deps.publicUrl, campaignPages.notifications(data.campaign.code)),
        campaignLabel: `Chỉ số CCHC năm ${data.campaign.year}`,
        waveAt: upTo,
        failures: rows.map((row) => ({
          recipient: row.to_addresses.join(', ') || '(không có địa chỉ)',
          subject: row.subject,
          status: row.status,
          reason: row.smtp_response ?? row.last_error,
        })),
        secretariatName: secretariat.name,
      });
      await sender.sendNotification({
        campaignId,
        businessKey: notificationBusinessKey(
          campaignId,
          { audience: 'secretariat' },
          `delivery-failures/${upTo}`,
        ),
        kind: 'delivery_failures',
        stepNumber: null,
        audience: 'secretariat',
        to: [...secretariat.emails],
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        scheduledFor: upTo,
      });
      return { reported: rows.length };
    },

    async nextNotificationWave({ campaignId, after }) {
      const data = await loadNotificationCampaign(manager, campaignId, []);
      const calendar = await loadBusinessCalendar(manager);
      let sends: ForecastSend[];
      try {
        sends = await campaignForecast(manager, data.campaign, data.steps, calendar);
      } catch (err) {
        // Retrying cannot load a missing year: say so and let the workflow wait for a change.
        if (!(err instanceof CalendarYearNotLoadedError)) throw err;
        return {
          at: null,
          planned: 0,
          campaignCompleted: data.campaign.status === 'completed',
          problem: err.message,
        };
      }
      await calendarGapMails(
        { publicUrl: deps.publicUrl, secretariat: data.secretariat },
        sender,
        data.campaign,
        data.steps,
        calendar,
        sends,
      );
      const next = sends.find((send) => send.sendAt > after);
      return {
        at: next?.sendAt ?? null,
        planned: next ? sends.filter((send) => send.sendAt === next.sendAt).length : 0,
        campaignCompleted: data.campaign.status === 'completed',
      };
    },

    async sendNotificationWave({ campaignId, after, upTo }) {
      const data = await loadNotificationCampaign(manager, campaignId, 'all', deps.council.emails);
      const calendar = await loadBusinessCalendar(manager);
      const sends = await campaignForecast(manager, data.campaign, data.steps, calendar);
      await calendarGapMails(
        { publicUrl: deps.publicUrl, secretariat: data.secretariat },
        sender,
        data.campaign,
        data.steps,
        calendar,
        sends,
      );
      const due = sends.filter((send) => send.sendAt > after && send.sendAt <= upTo);
      const facts = await waveFacts(manager, data.campaign, data.steps, new Date(upTo));
      // What each agency has left in the rounds reminded or escalated in this wave, from the
      // scores as stored: an agency that has entered them all hears nothing more.
      const appraisalLeft = new Map<number, Map<string, AgencyBacklog>>();
      for (const send of due) {
        if (send.audience !== 'appraisers' || appraisalLeft.has(send.stepNumber)) continue;
        const kind = facts.stepKinds.get(send.stepNumber);
        const round = kind === 'appraisal_round_2' ? 2 : 1;
        appraisalLeft.set(send.stepNumber, await appraisalBacklog(manager, campaignId, round));
      }
      facts.appraisalLeft = appraisalLeft;
      const digests = new Map<number, ReturnType<typeof digestLists>>();
      const digestOf = (step: CampaignStep) => {
        if (!digests.has(step.number)) {
          digests.set(step.number, digestLists(manager, step, data.campaign.timeZone));
        }
        return digests.get(step.number)!;
      };

      const result: WaveResult = {
        due: due.length,
        sent: 0,
        alreadyDecided: 0,
        skipped: 0,
        failed: 0,
        unconfirmed: 0,
      };
      // Failed and unconfirmed count whichever attempt decided them: the secretariat hears of them.
      const count = (outcome: SendNotificationResult) => {
        if (!outcome.sentNow) result.alreadyDecided++;
        if (outcome.status === 'sent' && outcome.sentNow) result.sent++;
        else if (outcome.status === 'failed') result.failed++;
        else if (outcome.status === 'unconfirmed') result.unconfirmed++;
      };
      const concurrency = deps.concurrency ?? 16;
      await sendAll(
        'messages of the wave',
        due,
        { concurrency, progress: () => result },
        async (send) => {
          if (!stillDue(send, facts)) {
            result.skipped++;
            return;
          }
          const input = await buildComposeInput(
            { ...deps, calendar },
            data,
            {
              campaignId,
              planned: plannedOf(send),
              unitCode: send.unitCode,
              agencyCode: send.agencyCode,
              ...(send.kind === 'appraisal_escalation' && {
                backlog: appraisalLeft.get(send.stepNumber)?.get(send.agencyCode ?? ''),
              }),
            },
            digestOf,
          );
          count(await sender.sendNotification(composeNotification(input)));
        },
      );
      return result;
    },
  };
}
