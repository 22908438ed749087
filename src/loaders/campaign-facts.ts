/**
 * The facts the campaign rules (src/domain/campaign-rules) decide from, as PostgreSQL records
 * them: the plan as amended, the launch, the actions on steps, and what the gates look at. The API
 * and the activities both load them here.
 */
import type { EntityManager } from 'typeorm';
import {
  type GateFacts,
  type StepFacts,
  type StepView,
  currentStepOf,
  stepViewsAt,
} from '../domain/campaign-rules/index.js';
import { Campaign, CampaignStep, UnitResult } from '../entities/index.js';

const ms = (date: Date | null | undefined): number | null => (date ? date.getTime() : null);

/** A step row as the rules read it. */
export function stepFactsOf(step: CampaignStep): StepFacts {
  return {
    number: step.number,
    kind: step.kind,
    actor: step.actor,
    opensAt: ms(step.opensAt),
    deadline: ms(step.deadline),
    startsAfterStep: step.startsAfterStep,
    openedEarlyAt: ms(step.openedEarlyAt),
    completedAt: ms(step.completedAt),
    completedBy: step.completedBy,
  };
}

export interface CampaignFacts {
  campaign: Campaign;
  /** The plan's steps by number. */
  steps: CampaignStep[];
  stepFacts: StepFacts[];
  launchedAt: number | null;
}

/** The campaign's steps, ordered by number. */
export function loadSteps(manager: EntityManager, campaignId: string): Promise<CampaignStep[]> {
  return manager.find(CampaignStep, { where: { campaignId }, order: { number: 'ASC' } });
}

export async function loadCampaignFacts(
  manager: EntityManager,
  campaign: Campaign,
): Promise<CampaignFacts> {
  const steps = await loadSteps(manager, campaign.id);
  return {
    campaign,
    steps,
    stepFacts: steps.map(stepFactsOf),
    launchedAt: ms(campaign.launchedAt),
  };
}

/** Every step's view at `now`, with the current step. */
export function campaignViewAt(
  facts: Pick<CampaignFacts, 'stepFacts' | 'launchedAt'>,
  now: Date,
): { steps: StepView[]; currentStep: number | null } {
  const steps = stepViewsAt(facts.stepFacts, facts.launchedAt, now.getTime());
  return { steps, currentStep: currentStepOf(steps) };
}

/** What the gates between steps look at. */
export async function loadGateFacts(
  manager: EntityManager,
  facts: Pick<CampaignFacts, 'campaign' | 'steps'>,
): Promise<GateFacts> {
  const { campaign } = facts;
  return {
    scoresFixed: campaign.scoresFixedAt !== null,
    resultsComputed: await manager.exists(UnitResult, { where: { campaignId: campaign.id } }),
    councilApproved: campaign.councilApprovedAt !== null,
    resultsPublished: campaign.resultsPublishedAt !== null,
    hasCouncilStep: facts.steps.some((step) => step.kind === 'council_approval'),
  };
}
