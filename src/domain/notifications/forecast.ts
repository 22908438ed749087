/**
 * Every message the current plan would send, per recipient, with its business key: the forecast
 * the secretariat reads, built by the same planners (planCampaignSends) the workflows arm their
 * timers from. Pure: no I/O, no clock.
 *
 * - Unit-facing sends (reminders, escalation, overdue reminders) are planned for each unit as if it
 *   never acts; the workflow skips those that no longer apply when their time comes.
 * - A unit's own steps are planned on the deadline that counts for it (effectiveDeadline: its
 *   extension when later).
 * - Digests go to the secretariat, appraisal reminders to each appraising agency, council
 *   reminders to the council: once each, whatever the units do.
 */
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { effectiveDeadline } from '../campaign-rules/deadline.js';
import { planCampaignSends, type ReminderPlanStep } from '../reminders/plan-reminders.js';
import type { PlannedSend } from '../reminders/planned-send.js';
import type { ReminderPolicyInput } from '../reminders/reminder-policy.js';
import { notificationBusinessKey, recipientFor } from './business-key.js';
import type { LatePolicy } from '../words.js';

export interface ForecastUnit {
  code: string;
  participationId: string;
  /** Step number → the extension's deadline (ISO instant). */
  extensions?: Readonly<Record<number, string>>;
}

export interface ForecastAgency {
  code: string;
}

export interface ForecastInput {
  campaignId: string;
  timeZone: string;
  calendar: BusinessCalendar;
  policy?: ReminderPolicyInput | null;
  latePolicy: LatePolicy;
  steps: readonly ReminderPlanStep[];
  units: readonly ForecastUnit[];
  /** The agencies that appraise in this campaign: each gets its own appraisal reminders. */
  agencies: readonly ForecastAgency[];
}

export interface ForecastSend extends PlannedSend {
  businessKey: string;
  unitCode: string | null;
  participationId: string | null;
  agencyCode: string | null;
  /** True when the unit's extension moved the deadline this send is about. */
  extended: boolean;
}

const UNIT_FACING = new Set(['self_assessment', 'explanation']);
const UNIT_AUDIENCES = new Set(['unit', 'unit_head']);

/** The steps as one unit sees them: the deadline that counts for it in its own steps. */
function stepsForUnit(
  steps: readonly ReminderPlanStep[],
  extensions: Readonly<Record<number, string>>,
): { steps: ReminderPlanStep[]; extendedSteps: Set<number> } {
  const extendedSteps = new Set<number>();
  const out = steps.map((step) => {
    const extension = extensions[step.number];
    if (!extension || !step.deadline || !UNIT_FACING.has(step.kind ?? '')) return step;
    const deadline = effectiveDeadline({
      planned: Date.parse(step.deadline),
      extension: Date.parse(extension),
    });
    if (!deadline.extended) return step;
    extendedSteps.add(step.number);
    return { ...step, deadline: new Date(deadline.instant!).toISOString() };
  });
  return { steps: out, extendedSteps };
}

export function forecastCampaignNotifications(input: ForecastInput): ForecastSend[] {
  const context = {
    timeZone: input.timeZone,
    calendar: input.calendar,
    latePolicy: input.latePolicy,
    ...(input.policy ? { policy: input.policy } : {}),
  };
  const base = planCampaignSends({ ...context, steps: input.steps });
  const out: ForecastSend[] = [];

  for (const send of base) {
    if (UNIT_AUDIENCES.has(send.audience)) continue;
    const agencies = send.audience === 'appraisers' ? input.agencies : [null];
    for (const agency of agencies) {
      const recipient = recipientFor(send.audience, { agencyCode: agency?.code ?? null });
      out.push({
        ...send,
        businessKey: notificationBusinessKey(input.campaignId, recipient, send.key),
        unitCode: null,
        participationId: null,
        agencyCode: agency?.code ?? null,
        extended: false,
      });
    }
  }

  // Units without an extension share one plan; those with the same extensions share another.
  const baseUnitSends = base.filter((send) => UNIT_AUDIENCES.has(send.audience));
  const plans = new Map<string, { sends: PlannedSend[]; extendedSteps: Set<number> }>();
  for (const unit of input.units) {
    const { steps, extendedSteps } = stepsForUnit(input.steps, unit.extensions ?? {});
    const signature = JSON.stringify(steps.map((step) => step.deadline));
    let plan = plans.get(signature);
    if (!plan) {
      plan =
        extendedSteps.size === 0
          ? { sends: baseUnitSends, extendedSteps }
          : {
              sends: planCampaignSends({ ...context, steps }).filter((send) =>
                UNIT_AUDIENCES.has(send.audience),
              ),
              extendedSteps,
            };
      plans.set(signature, plan);
    }
    for (const send of plan.sends) {
      const recipient = recipientFor(send.audience, { unitCode: unit.code });
      out.push({
        ...send,
        businessKey: notificationBusinessKey(input.campaignId, recipient, send.key),
        unitCode: unit.code,
        participationId: unit.participationId,
        agencyCode: null,
        extended: plan.extendedSteps.has(send.stepNumber),
      });
    }
  }
  return sortForecast(out);
}

/** By send time, then unit or agency code (campaign-wide sends first), then key. */
function sortForecast(sends: ForecastSend[]): ForecastSend[] {
  const who = (send: ForecastSend) => send.unitCode ?? send.agencyCode ?? '';
  return [...sends].sort((a, b) =>
    a.sendAt === b.sendAt
      ? who(a).localeCompare(who(b)) || a.key.localeCompare(b.key)
      : a.sendAt < b.sendAt
        ? -1
        : 1,
  );
}
