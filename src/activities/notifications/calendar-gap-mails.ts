/**
 * Reminders never stop silently: when a campaign's plan reaches a year the working-day calendar
 * holds no data for, its sends there are planned on Monday–Friday and the secretariat gets ONE
 * mail per campaign and year saying so (sent exactly once by its business key, like every mail).
 */
import type { BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import { yearsWithoutData } from '../../domain/calendar/years-without-data.js';
import { yearOf } from '../../domain/calendar/local-date.js';
import { notificationBusinessKey } from '../../domain/notifications/business-key.js';
import type { ForecastSend } from '../../domain/notifications/forecast.js';
import { campaignPages, PORTAL_PAGES, portalPageUrl } from '../../domain/portal-pages.js';
import type { Campaign, CampaignStep } from '../../entities/index.js';
import { localDaysOf } from '../../loaders/calendar-gaps.js';
import { calendarYearMissingMail } from '../mail/templates/calendar-year-missing.js';
import type { Mailbox } from '../../loaders/recipients.js';
import type { NotificationActivityDeps } from './notification-activities.js';
import type { createNotificationSender } from './send-notification.js';

/** The planned key of the mail about `year`: one per campaign and year. */
export const calendarGapKey = (year: number): string => `calendar-year-missing/${year}`;

/** Sends the mail for each year of the plan without calendar data (nothing when there is none). */
export async function calendarGapMails(
  /** The secretariat's contacts as the wave loaded them (secretariatRecipients). */
  deps: Pick<NotificationActivityDeps, 'publicUrl'> & { secretariat: Mailbox },
  sender: Pick<ReturnType<typeof createNotificationSender>, 'sendNotification'>,
  campaign: Campaign,
  steps: readonly CampaignStep[],
  calendar: BusinessCalendar,
  sends: readonly ForecastSend[],
): Promise<number[]> {
  const years = yearsWithoutData(calendar, [
    ...localDaysOf(
      steps.flatMap((step) => [step.opensAt, step.deadline]),
      campaign.timeZone,
    ),
    ...sends.map((send) => send.localDate),
  ]);
  for (const year of years) {
    const mail = calendarYearMissingMail({
      timeZone: campaign.timeZone,
      actionUrl: portalPageUrl(deps.publicUrl, campaignPages.notifications(campaign.code)),
      campaignLabel: `Chỉ số CCHC năm ${campaign.year}`,
      campaignCode: campaign.code,
      calendarUrl: portalPageUrl(deps.publicUrl, PORTAL_PAGES.workingCalendar),
      year,
      sendsInYear: sends.filter((send) => yearOf(send.localDate) === year).length,
      ...(deps.secretariat.name && { secretariatName: deps.secretariat.name }),
    });
    await sender.sendNotification({
      campaignId: campaign.id,
      businessKey: notificationBusinessKey(
        campaign.id,
        { audience: 'secretariat' },
        calendarGapKey(year),
      ),
      kind: 'calendar_year_missing',
      stepNumber: null,
      audience: 'secretariat',
      to: [...deps.secretariat.emails],
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      scheduledFor: new Date().toISOString(),
    });
  }
  return years;
}
