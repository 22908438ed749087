/**
 * Every activity the worker runs, with its dependencies bound: the records of campaign state and
 * the notifications. One definition for the worker process, the tests and the bench. The
 * working-day calendar is not bound here: each wave and each message loads it from PostgreSQL
 * (loadBusinessCalendar), so a year the secretariat loads counts from the next wave on.
 */
import type { Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { createCampaignRecordActivities } from '../activities/campaign-records.js';
import { createCampaignMailActivities } from '../activities/notifications/campaign-mails.js';
import { createNotificationActivities } from '../activities/notifications/notification-activities.js';
import { createNotificationWaveActivities } from '../activities/notifications/notification-waves.js';
import type { AppConfig } from '../config.js';

export type MailSettings = Pick<AppConfig, 'mailFrom' | 'publicUrl' | 'councilEmails'>;

export function createWorkerActivities(
  dataSource: DataSource,
  transport: Transporter,
  mail: MailSettings,
) {
  const deps = {
    dataSource,
    transport,
    mailFrom: mail.mailFrom,
    publicUrl: mail.publicUrl,
    // The secretariat's addresses are its contacts in PostgreSQL, read at every wave.
    council: { name: 'Hội đồng thẩm định Chỉ số CCHC', emails: mail.councilEmails },
  };
  return {
    ...createCampaignRecordActivities(dataSource),
    ...createNotificationActivities(deps),
    ...createNotificationWaveActivities(deps),
    ...createCampaignMailActivities(deps),
  };
}
