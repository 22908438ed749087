import type { StepView } from '../../domain/campaign-rules/index.js';
import { formatLocalDate, formatLocalDateTime } from '../../domain/local-time.js';
import type { Campaign, CampaignStep } from '../../entities/index.js';
import { campaignViewAt, stepFactsOf } from '../../loaders/campaign-facts.js';
import type { CampaignDetailView, CampaignStepView, CampaignView } from './campaign.dto.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * A step with its instants in ISO and as officials read them in the campaign's zone, and where it
 * stands (`now`, by the campaign rules).
 */
export function stepView(step: CampaignStep, timeZone: string, view: StepView): CampaignStepView {
  const localDate = (d: Date | null) => (d ? formatLocalDate(d, timeZone) : null);
  const localTime = (d: Date | null) => (d ? formatLocalDateTime(d, timeZone) : null);
  return {
    number: step.number,
    kind: step.kind,
    titleVi: step.titleVi,
    titleEn: step.titleEn,
    actor: step.actor,
    lead: step.lead,
    coordinating: step.coordinating,
    opensAt: step.opensAt?.toISOString() ?? null,
    deadline: step.deadline?.toISOString() ?? null,
    opensOn: localDate(step.opensAt),
    closesOn: localDate(step.deadline),
    opensAtLocal: localTime(step.opensAt),
    deadlineLocal: localTime(step.deadline),
    startsAfterStep: step.startsAfterStep,
    windowText: step.windowText,
    status: view.status,
    openedAt: iso(view.openedAt),
    closedAt: iso(view.closedAt),
    closedBy: view.closedBy,
    overdue: view.overdue,
  };
}

/** Where the campaign's steps stand at `now`. */
function stepViews(campaign: Campaign, steps: readonly CampaignStep[], now: Date) {
  return campaignViewAt(
    { stepFacts: steps.map(stepFactsOf), launchedAt: campaign.launchedAt?.getTime() ?? null },
    now,
  );
}

export function campaignView(
  campaign: Campaign,
  steps: readonly CampaignStep[],
  now: Date,
): CampaignView {
  return {
    id: campaign.id,
    code: campaign.code,
    province: campaign.province,
    year: campaign.year,
    name: campaign.name,
    decisionRefs: campaign.decisionRefs,
    timeZone: campaign.timeZone,
    status: campaign.status,
    latePolicy: campaign.latePolicy,
    currentStep: stepViews(campaign, steps, now).currentStep,
    workflowId: campaign.workflowId,
    launchedAt: campaign.launchedAt?.toISOString() ?? null,
    launchedAtLocal: campaign.launchedAt
      ? formatLocalDateTime(campaign.launchedAt, campaign.timeZone)
      : null,
    copiedFromId: campaign.copiedFromId,
    reminderPolicy: campaign.reminderPolicy ?? null,
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
  };
}

export function campaignDetailView(
  campaign: Campaign,
  steps: readonly CampaignStep[],
  now: Date,
): CampaignDetailView {
  const sorted = [...steps].sort((a, b) => a.number - b.number);
  const views = stepViews(campaign, sorted, now).steps;
  return {
    ...campaignView(campaign, sorted, now),
    steps: sorted.map((s, i) => stepView(s, campaign.timeZone, views[i]!)),
  };
}
