import { formatLocalDate, formatLocalDateTime } from '../../domain/local-time.js';
import type { Campaign, CampaignStep } from '../../entities/index.js';
import type { CampaignDetailView, CampaignStepView, CampaignView } from './campaign.dto.js';

/** A step with its instants in ISO and as officials read them in the campaign's zone. */
export function stepView(step: CampaignStep, timeZone: string): CampaignStepView {
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
    status: step.status,
    openedAt: step.openedAt?.toISOString() ?? null,
    closedAt: step.closedAt?.toISOString() ?? null,
    closedBy: step.closedBy,
    overdue: step.overdue,
  };
}

export function campaignView(campaign: Campaign): CampaignView {
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
    currentStep: campaign.currentStep,
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

export function campaignDetailView(campaign: Campaign, steps: CampaignStep[]): CampaignDetailView {
  return {
    ...campaignView(campaign),
    steps: [...steps]
      .sort((a, b) => a.number - b.number)
      .map((s) => stepView(s, campaign.timeZone)),
  };
}
