import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { CampaignStep } from '../../entities/index.js';
import { ApiError } from './api-error.js';

/** How far a date may lie from the campaign's year (and its plan): a plan spans a year or two. */
export const CAMPAIGN_DATE_WINDOW_YEARS = 3;

interface CampaignYear {
  id: string;
  year: number;
  timeZone: string;
}

const yearOf = (instant: Date, zone: string): number => DateTime.fromJSDate(instant, { zone }).year;

/** The years of the campaign's planned dates (openings and deadlines), in its time zone. */
export async function planYears(manager: EntityManager, campaign: CampaignYear): Promise<number[]> {
  const steps = await manager.find(CampaignStep, {
    where: { campaignId: campaign.id },
    select: { id: true, opensAt: true, deadline: true },
  });
  return steps
    .flatMap((s) => [s.opensAt, s.deadline])
    .filter((d): d is Date => d !== null)
    .map((d) => yearOf(d, campaign.timeZone));
}

/**
 * Refuses with a 400 naming `field` a date more than CAMPAIGN_DATE_WINDOW_YEARS from the
 * campaign's year (and from the years of its plan's dates, when given): 9999-12-31 is a typing
 * mistake, never a deadline, and would keep a workflow waiting for ever.
 */
export function assertNearCampaignYear(
  instant: Date,
  campaign: Omit<CampaignYear, 'id'>,
  field: string,
  plan: number[] = [],
): void {
  const from = Math.min(campaign.year, ...plan) - CAMPAIGN_DATE_WINDOW_YEARS;
  const to = Math.max(campaign.year, ...plan) + CAMPAIGN_DATE_WINDOW_YEARS;
  const valid = !Number.isNaN(instant.getTime());
  const year = valid ? yearOf(instant, campaign.timeZone) : NaN;
  if (year >= from && year <= to) return;
  const shown = valid ? instant.toISOString() : String(instant);
  const message = `Trường «${field}» phải là một thời điểm trong các năm ${from}–${to}, tức không cách năm ${campaign.year} của đợt chấm điểm (và các mốc trong kế hoạch) quá ${CAMPAIGN_DATE_WINDOW_YEARS} năm; nhận được ${shown} (${field} must lie within ${CAMPAIGN_DATE_WINDOW_YEARS} years of the campaign's year ${campaign.year} and its plan: from ${from}-01-01 to ${to}-12-31).`;
  throw new ApiError(400, 'validation_failed', message, [
    { field, code: 'out_of_campaign_years', message },
  ]);
}
