/**
 * The one place that maps database rows to the campaign workflow's input: the plan as it stands
 * at the launch (later actions reach the workflow through the outbox).
 *
 * The units are not part of the input: a campaign may have thousands, and the workflow loads them
 * in slices through its activities (countUnits / loadUnitSlice), which keeps them out of the
 * start event's history.
 */
import type { Campaign, CampaignStep } from '../../entities/index.js';
import type { CampaignWorkflowInput, StepPlanEntry } from '../../contracts/campaign.js';

export function buildCampaignWorkflowInput(
  campaign: Pick<
    Campaign,
    'id' | 'code' | 'year' | 'name' | 'timeZone' | 'latePolicy' | 'launchedAt'
  >,
  steps: ReadonlyArray<
    Pick<
      CampaignStep,
      'number' | 'kind' | 'actor' | 'titleVi' | 'opensAt' | 'deadline' | 'startsAfterStep'
    >
  >,
): CampaignWorkflowInput {
  return {
    campaignId: campaign.id,
    code: campaign.code,
    year: campaign.year,
    name: campaign.name,
    timeZone: campaign.timeZone,
    latePolicy: campaign.latePolicy,
    ...(campaign.launchedAt && { launchedAt: campaign.launchedAt.toISOString() }),
    steps: [...steps]
      .sort((a, b) => a.number - b.number)
      .map((step): StepPlanEntry => ({
        number: step.number,
        kind: step.kind,
        actor: step.actor,
        titleVi: step.titleVi,
        opensAt: step.opensAt?.toISOString() ?? null,
        deadline: step.deadline?.toISOString() ?? null,
        startsAfterStep: step.startsAfterStep,
      })),
  };
}
