import type { CampaignState, Round, StepState } from './appraisal-api';

/** Kinds of the steps from which the campaign is in its second round (explanations onwards). */
const SECOND_ROUND_KINDS = new Set([
  'explanation',
  'appraisal_round_2',
  'aggregation_round_2',
  'council_approval',
  'announcement',
  'commendation',
]);

/**
 * The round the campaign's state points to: the second once the explanation step (or a later
 * one) has opened, as the API's step states say; else the first. Only which tab opens first:
 * whether a round takes scores is the API's answer for each unit.
 */
export function roundOfState(state: CampaignState | undefined): Round {
  if (!state) return 1;
  const started = state.steps.some(
    (s) => s.kind !== undefined && SECOND_ROUND_KINDS.has(s.kind) && s.status !== 'pending',
  );
  return started ? 2 : 1;
}

/** The appraisal step of a round, as the state lists it. */
export function appraisalStepOf(
  state: CampaignState | undefined,
  round: Round,
): StepState | undefined {
  return state?.steps.find((s) => s.kind === `appraisal_round_${round}`);
}
