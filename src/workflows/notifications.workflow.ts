import {
  ActivityFailure,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { NotificationWaveActivities } from '../activities/notifications/notification-waves.js';
import { NOTIFICATION_RETRY_POLICY } from '../contracts/notification-retry.js';
import { formatLocalDateTime } from '../domain/local-time.js';
import type { CampaignMailActivities } from '../activities/notifications/campaign-mails.js';
import {
  campaignEndedSignal,
  explanationRequestMailSignal,
  notificationPlanChangedSignal,
  resultsPublishedSignal,
} from '../contracts/signals.js';
import type { NotificationsInput, NotificationsResult } from '../contracts/notifications.js';
import { DELIVERY_FAILURES_PATCH } from './versions.js';
import { waitUntil } from './waiting.js';

const waves = proxyActivities<NotificationWaveActivities & CampaignMailActivities>({
  // A wave to 5,000 units takes tens of seconds; the heartbeat shows it alive.
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: NOTIFICATION_RETRY_POLICY,
});

/**
 * The campaign's reminders, escalations and digests: sleeps until the next send time of the
 * current plan, then sends that wave (one activity; each message keyed in PostgreSQL so it goes
 * at most once). A changed plan (amended deadline, early close, extension) wakes it to re-plan.
 */
export async function notificationsWorkflow(
  input: NotificationsInput,
): Promise<NotificationsResult> {
  const at = (iso: string) => formatLocalDateTime(new Date(iso), input.timeZone);
  let planVersion = 0;
  let ended = false;
  setHandler(notificationPlanChangedSignal, () => void planVersion++);
  setHandler(campaignEndedSignal, () => void (ended = true));
  /** Mails that follow an event (an explanation request, the announcement), sent between waves. */
  const eventMails: ({ unitCode: string; requestedAt: string } | 'results')[] = [];
  setHandler(explanationRequestMailSignal, (request) => void eventMails.push(request));
  setHandler(resultsPublishedSignal, () => void eventMails.push('results'));
  const sendEventMails = async () => {
    while (eventMails.length > 0) {
      const mail = eventMails.shift()!;
      try {
        if (mail === 'results') await waves.sendResultsMails({ campaignId: input.campaignId });
        else await waves.sendExplanationRequestMail({ campaignId: input.campaignId, ...mail });
      } catch (err) {
        if (!(err instanceof ActivityFailure)) throw err;
        log.warn('Event mail failed', { mail, error: err.cause?.message });
      }
    }
  };

  let after = input.after;
  let waveCount = input.totals?.waves ?? 0;
  let sent = input.totals?.sent ?? 0;
  const historyLimit = input.historyLimit ?? 2000;

  while (!ended) {
    await sendEventMails();
    const seen = planVersion;
    const next = await waves.nextNotificationWave({ campaignId: input.campaignId, after });
    if (next.at === null) {
      if (next.campaignCompleted) break;
      setCurrentDetails(
        next.problem
          ? `Không lập được lịch gửi thư: ${next.problem}. Chờ kế hoạch thay đổi`
          : 'Không còn thư nào theo kế hoạch hiện tại; chờ kế hoạch thay đổi',
      );
      await condition(() => planVersion !== seen || ended || eventMails.length > 0);
      continue;
    }
    const summary = `Đợt gửi thư lúc ${at(next.at)} (${next.planned} thư theo kế hoạch)`;
    setCurrentDetails(`Chờ ${summary}`);
    const changed = await waitUntil(
      () => planVersion !== seen || ended || eventMails.length > 0,
      next.at,
      summary,
    );
    if (changed) continue; // re-plan (the next send time may have moved), or send event mails

    try {
      const result = await waves.sendNotificationWave({
        campaignId: input.campaignId,
        after,
        upTo: next.at,
      });
      sent += result.sent;
      log.info('Notification wave sent', { at: next.at, ...result });
      if (result.failed + result.unconfirmed > 0 && patched(DELIVERY_FAILURES_PATCH)) {
        await waves.reportDeliveryFailures({ campaignId: input.campaignId, after, upTo: next.at });
      }
    } catch (err) {
      // A wave that cannot be sent (retries spent) is in the log as failed: go on with the plan.
      if (!(err instanceof ActivityFailure)) throw err;
      log.warn('Notification wave failed', { at: next.at, error: err.cause?.message });
    }
    after = next.at;
    waveCount++;
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= historyLimit) {
      return continueAsNew<typeof notificationsWorkflow>({
        ...input,
        after,
        totals: { waves: waveCount, sent },
      });
    }
  }
  await sendEventMails(); // results published just before the campaign ended
  setCurrentDetails(`Đã gửi ${sent} thư trong ${waveCount} đợt`);
  return { waves: waveCount, sent };
}
