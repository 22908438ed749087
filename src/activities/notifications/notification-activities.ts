/**
 * The notification activities, with their dependencies bound (as createCampaignRecordActivities
 * does for the records). Register them in the worker next to the others:
 *   activities: { ...createCampaignRecordActivities(dataSource),
 *                 ...createNotificationActivities({ dataSource, transport, mailFrom, … }) }
 * and schedule them with NOTIFICATION_ACTIVITY_OPTIONS.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import type { BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import { appraisingAgencies } from '../../loaders/appraising-agencies.js';
import { composeNotification, type ComposeMailbox } from './compose.js';
import { loadComposeInput, type PlannedNotificationInput } from './notification-context.js';
import { INVALID_NOTIFICATION } from '../../contracts/notification-retry.js';
import {
  createNotificationSender,
  type SendNotificationInput,
  type SendNotificationResult,
} from './send-notification.js';

export interface NotificationActivityDeps {
  dataSource: DataSource;
  /** The pooled SMTP transport (createMailTransport(config.smtpUrl)). */
  transport: Transporter;
  /** The From header (config.mailFrom). */
  mailFrom: string;
  /**
   * The API's public URL (http/https): every mail links to the portal page under it where its
   * reader acts (src/domain/notifications/action-page.ts).
   */
  publicUrl: string;
  /**
   * The council's addresses when a campaign has no member with one (COUNCIL_EMAILS), handed to councilRecipients. The
   * secretariat's come from its contacts in PostgreSQL, at every wave.
   */
  council: ComposeMailbox;
  /**
   * For the working days left shown in reminders; by default loaded from PostgreSQL for each
   * message (loadBusinessCalendar). Tests may bind one.
   */
  calendar?: BusinessCalendar;
  /** Attempts with temporary SMTP failures before 'failed' (default NOTIFICATION_MAX_ATTEMPTS). */
  maxAttempts?: number;
}

export interface NotificationActivities {
  /** Sends one composed message exactly once (see send-notification.ts). */
  sendNotification(input: SendNotificationInput): Promise<SendNotificationResult>;
  /**
   * Loads the recipient and the step from PostgreSQL, composes the planned send in Vietnamese and
   * sends it exactly once: what a workflow calls when a reminder's timer fires.
   */
  sendPlannedNotification(input: PlannedNotificationInput): Promise<SendNotificationResult>;
  /**
   * The codes of the agencies that appraise in the campaign: one appraisal reminder each (pass
   * the code as sendPlannedNotification's agencyCode). The forecast addresses the same ones.
   */
  appraisingAgencyCodes(input: { campaignId: string }): Promise<string[]>;
  /** After the send activity failed for good: settles a message left 'sending'. Never sends. */
  abandonNotification(input: {
    businessKey: string;
    reason: string;
  }): Promise<SendNotificationResult | null>;
}

export function createNotificationActivities(
  deps: NotificationActivityDeps,
): NotificationActivities {
  const sender = createNotificationSender(deps);
  return {
    sendNotification: sender.sendNotification,
    abandonNotification: sender.abandonNotification,
    async appraisingAgencyCodes({ campaignId }) {
      const agencies = await appraisingAgencies(deps.dataSource.manager, campaignId);
      return agencies.map((agency) => agency.code);
    },
    async sendPlannedNotification(input) {
      const composeInput = await loadComposeInput(deps, input);
      let message: SendNotificationInput;
      try {
        message = composeNotification(composeInput);
      } catch (err) {
        // A template refusing its input (a bad actionUrl, a missing unit) will refuse it again.
        throw ApplicationFailure.nonRetryable(
          `Cannot compose ${input.planned.kind} ${input.planned.key}: ${err instanceof Error ? err.message : String(err)}`,
          INVALID_NOTIFICATION,
        );
      }
      return sender.sendNotification(message);
    },
  };
}
