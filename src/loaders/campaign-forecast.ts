/**
 * The campaign's notification forecast from what PostgreSQL holds now: the steps as stored
 * (amended deadlines included), each unit's extensions, the campaign's reminder policy, the
 * appraising agencies and the business calendar. The waves and the API plan from the same data.
 */
import type { EntityManager } from 'typeorm';
import type { BusinessCalendar } from '../domain/calendar/business-calendar.js';
import {
  forecastCampaignNotifications,
  type ForecastSend,
  type ForecastUnit,
} from '../domain/notifications/forecast.js';
import type { ReminderPlanStep } from '../domain/reminders/plan-reminders.js';
import { resolveReminderPolicy } from '../domain/reminders/reminder-policy.js';
import type { Campaign, CampaignStep } from '../entities/index.js';
import { appraisingAgencies } from './appraising-agencies.js';

/** Each participating unit with its extensions (step number → deadline); a unit that left has none. */
export async function forecastUnits(
  manager: EntityManager,
  campaignId: string,
): Promise<ForecastUnit[]> {
  const rows: {
    participation_id: string;
    code: string;
    extensions: Record<string, string> | null;
  }[] = await manager.query(
    `SELECT p.id AS participation_id, u.code,
              (SELECT jsonb_object_agg(e.step_number, e.deadline) FROM step_extensions e
               WHERE e.participation_id = p.id) AS extensions
       FROM participations p JOIN units u ON u.id = p.unit_id
       WHERE p.campaign_id = $1 AND p.left_at IS NULL
       ORDER BY u.code`,
    [campaignId],
  );
  return rows.map((row) => ({
    code: row.code,
    participationId: row.participation_id,
    ...(row.extensions && {
      extensions: Object.fromEntries(
        Object.entries(row.extensions).map(([step, deadline]) => [
          Number(step),
          new Date(deadline).toISOString(),
        ]),
      ),
    }),
  }));
}

/** The steps as the reminder planners read them: the plan as amended. */
export function reminderPlanSteps(steps: readonly CampaignStep[]): ReminderPlanStep[] {
  return steps.map((step) => ({
    number: step.number,
    kind: step.kind,
    actor: step.actor,
    opensAt: step.opensAt?.toISOString() ?? null,
    deadline: step.deadline?.toISOString() ?? null,
  }));
}

/** Every send the campaign's current plan holds, ordered by time. */
export async function campaignForecast(
  manager: EntityManager,
  campaign: Campaign,
  steps: readonly CampaignStep[],
  calendar: BusinessCalendar,
): Promise<ForecastSend[]> {
  const [units, agencies] = await Promise.all([
    forecastUnits(manager, campaign.id),
    appraisingAgencies(manager, campaign.id),
  ]);
  return forecastCampaignNotifications({
    campaignId: campaign.id,
    timeZone: campaign.timeZone,
    calendar,
    policy: resolveReminderPolicy(campaign.reminderPolicy ?? {}),
    latePolicy: campaign.latePolicy,
    steps: reminderPlanSteps(steps),
    units,
    agencies,
  });
}
