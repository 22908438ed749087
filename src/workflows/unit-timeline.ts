import type { StepPlanEntry } from '../contracts/campaign.js';
import type { UnitTimeline, UnitWindow } from '../contracts/unit.js';

function windowOf(step: StepPlanEntry | undefined): UnitWindow | null {
  if (!step?.deadline) return null;
  return { stepNumber: step.number, opensAt: step.opensAt, deadline: step.deadline };
}

/** The part of the plan each unit's workflow acts on: its self-assessment and explanation windows. */
export function unitTimelineFromPlan(steps: readonly StepPlanEntry[]): UnitTimeline {
  const byKind = (kind: StepPlanEntry['kind']) => steps.find((step) => step.kind === kind);
  const selfAssessment = windowOf(byKind('self_assessment'));
  const roundOne = byKind('appraisal_round_1');
  return {
    selfAssessment,
    lateIntakeEnds: roundOne?.deadline ?? null,
    lateIntakeStep: roundOne?.deadline ? roundOne.number : null,
    explanation: windowOf(byKind('explanation')),
  };
}
