/**
 * Mails about a unit's own file, sent when something happens rather than at a planned time: the
 * explanation request once the secretariat confirms it, and each unit's result at the
 * announcement. Same exactly-once sender and business keys as the reminders.
 */
import { ApplicationFailure } from '@temporalio/common';
import { notificationBusinessKey } from '../../domain/notifications/business-key.js';
import { campaignPages, portalPageUrl } from '../../domain/portal-pages.js';
import { GROUP_NAMES_VI } from '../../domain/scoring/commendations.js';
import { explanationRequestMail, resultsMail } from '../mail/templates/campaign-mails.js';
import type { NotificationActivityDeps } from './notification-activities.js';
import { loadNotificationCampaign } from './notification-context.js';
import { sendAll } from './send-all.js';
import { createNotificationSender } from './send-notification.js';

export interface CampaignMailActivities {
  /** The criteria a unit is asked to explain, as confirmed up to `requestedAt`. */
  sendExplanationRequestMail(input: {
    campaignId: string;
    unitCode: string;
    requestedAt: string;
  }): Promise<{ status: string }>;
  /** Each unit's published result, once per unit and decision. */
  sendResultsMails(input: { campaignId: string }): Promise<{ sent: number; total: number }>;
}

export function createCampaignMailActivities(
  deps: NotificationActivityDeps,
): CampaignMailActivities {
  const sender = createNotificationSender(deps);
  const manager = deps.dataSource.manager;
  const label = (year: number) => `Chỉ số CCHC năm ${year}`;

  return {
    async sendExplanationRequestMail({ campaignId, unitCode, requestedAt }) {
      const data = await loadNotificationCampaign(manager, campaignId, [unitCode]);
      const unit = data.units.get(unitCode);
      if (!unit) {
        throw ApplicationFailure.nonRetryable(`Unit ${unitCode} is not in campaign ${campaignId}`);
      }
      const rows: { code: string; title: string; reason: string; deadline: Date | null }[] =
        await manager.query(
          `SELECT c.code, c.title, r.reason, r.deadline FROM explanation_requests r
           JOIN criteria c ON c.id = r.criterion_id
           WHERE r.participation_id = $1 AND r.status = 'confirmed' AND r.confirmed_at <= $2
           ORDER BY c.code`,
          [unit.participationId, requestedAt],
        );
      const step = data.steps.find((s) => s.kind === 'explanation');
      const mail = explanationRequestMail({
        timeZone: data.campaign.timeZone,
        actionUrl: portalPageUrl(
          deps.publicUrl,
          campaignPages.explanation(data.campaign.code, unitCode),
        ),
        campaignLabel: label(data.campaign.year),
        unitName: unit.name,
        stepNumber: step?.number ?? 6,
        criteria: rows,
        deadline: rows[0]?.deadline ?? step?.deadline ?? null,
      });
      const result = await sender.sendNotification({
        campaignId,
        participationId: unit.participationId,
        businessKey: notificationBusinessKey(
          campaignId,
          { audience: 'unit', unitCode },
          `explanation-request/${requestedAt}`,
        ),
        kind: 'explanation_request',
        stepNumber: step?.number ?? null,
        audience: 'unit',
        to: unit.focalEmail ? [unit.focalEmail] : [],
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        scheduledFor: requestedAt,
      });
      return { status: result.status };
    },

    async sendResultsMails({ campaignId }) {
      const data = await loadNotificationCampaign(manager, campaignId, 'all');
      const rows: {
        code: string;
        group_code: string;
        index_value: string;
        rank: number;
        tied: boolean;
        band: string;
        published_at: Date;
        group_size: number;
      }[] = await manager.query(
        `SELECT u.code, r.group_code, r.index_value, r.rank, r.tied, r.band, r.published_at,
                COUNT(*) OVER (PARTITION BY r.group_code)::int AS group_size
         FROM unit_results r
         JOIN participations p ON p.id = r.participation_id
         JOIN units u ON u.id = p.unit_id
         WHERE r.campaign_id = $1 AND r.published_at IS NOT NULL
         ORDER BY u.code`,
        [campaignId],
      );
      const decision = data.campaign.resultsDecision ?? null;
      const stepNumber = data.steps.find((s) => s.kind === 'announcement')?.number ?? null;
      let sent = 0;
      const progress = () => ({ sent });
      await sendAll('result mails', rows, { concurrency: 16, progress }, async (row) => {
        const unit = data.units.get(row.code);
        if (!unit) return;
        const mail = resultsMail({
          timeZone: data.campaign.timeZone,
          actionUrl: portalPageUrl(
            deps.publicUrl,
            campaignPages.unitResults(data.campaign.code, row.code),
          ),
          campaignLabel: label(data.campaign.year),
          unitName: unit.name,
          index: Number(row.index_value).toFixed(2),
          rank: row.rank,
          tied: row.tied,
          groupName: GROUP_NAMES_VI[row.group_code] ?? row.group_code,
          groupSize: row.group_size,
          band: row.band,
          decision,
        });
        const result = await sender.sendNotification({
          campaignId,
          participationId: unit.participationId,
          businessKey: notificationBusinessKey(
            campaignId,
            { audience: 'unit', unitCode: row.code },
            // The publication instant (kept if the decision is recorded again): ASCII, as a
            // mail header carries the key.
            `results/${new Date(row.published_at).toISOString()}`,
          ),
          kind: 'results',
          stepNumber,
          audience: 'unit',
          to: unit.focalEmail ? [unit.focalEmail] : [],
          cc: unit.headEmail ? [unit.headEmail] : [],
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          scheduledFor: new Date(row.published_at).toISOString(),
        });
        if (result.sentNow && result.status === 'sent') sent++;
      });
      return { sent, total: rows.length };
    },
  };
}
