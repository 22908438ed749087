import { DateTime } from 'luxon';
import { ApiError } from './api-error.js';

/** How far from its year a campaign's dates may lie: a plan spans its year and the next. */
export const CAMPAIGN_DATE_WINDOW_YEARS = 3;

/**
 * Refuses with a 400 naming `field` a date that is not within CAMPAIGN_DATE_WINDOW_YEARS of the
 * campaign's year (in its time zone): 9999-12-31 is a typing mistake, never a deadline, and would
 * keep a workflow waiting for ever.
 */
export function assertNearCampaignYear(
  instant: Date,
  campaign: { year: number; timeZone: string },
  field: string,
): void {
  const from = campaign.year - CAMPAIGN_DATE_WINDOW_YEARS;
  const to = campaign.year + CAMPAIGN_DATE_WINDOW_YEARS;
  const local = DateTime.fromJSDate(instant, { zone: campaign.timeZone });
  if (local.isValid && local.year >= from && local.year <= to) return;
  const shown = Number.isNaN(instant.getTime()) ? String(instant) : instant.toISOString();
  const message = `Trường «${field}» phải là một thời điểm trong các năm ${from}–${to}, tức không cách năm ${campaign.year} của đợt chấm điểm quá ${CAMPAIGN_DATE_WINDOW_YEARS} năm; nhận được ${shown} (${field} must lie within ${CAMPAIGN_DATE_WINDOW_YEARS} years of the campaign's year ${campaign.year}: from ${from}-01-01 to ${to}-12-31).`;
  throw new ApiError(400, 'validation_failed', message, [
    { field, code: 'out_of_campaign_years', message },
  ]);
}
