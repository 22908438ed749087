/**
 * When a campaign's plan may be launched: pure, no I/O. Every problem is listed so the secretariat
 * fixes them all at once.
 *
 * A plan is launchable when:
 * 1. it has at least one step;
 * 2. every step ends somehow: it has a deadline, or it starts after another step (like step 11,
 *    "after the announcement"), whose completion the workflow waits for;
 * 3. a step's window opens before its deadline;
 * 4. "starts after step N" names an earlier step of the plan;
 * 5. exactly one step is the units' self-assessment (kind self_assessment) and it has a deadline,
 *    and no other unit-facing kind (appraisal_round_1, explanation) appears twice: the unit
 *    workflows take their windows from these steps;
 * 6. at least one unit takes part;
 * 7. every participating unit's group has an index set with criteria in the campaign;
 * 8. no participating unit has a code reserved for the campaign's own workflows (batch-N,
 *    notifications), whose workflow ID its own would take.
 *
 * Deadlines already past do not stop a launch (replaying a past year's plan, such as the 2021
 * seed, is allowed); they come back as warnings that say what the campaign rules will do: a step
 * the units act in closes as it opens, a step its actor completes opens overdue.
 */
import { closesAtDeadline } from '../../domain/campaign-rules/index.js';
import type { StepActor, StepKind } from '../../domain/words.js';
import { reservedUnitCode } from '../../contracts/workflow-ids.js';
import { formatLocalDateTime } from '../../domain/local-time.js';

export interface LaunchStep {
  number: number;
  kind: StepKind;
  actor: StepActor;
  opensAt: Date | null;
  deadline: Date | null;
  startsAfterStep: number | null;
}

export interface LaunchPlan {
  timeZone: string;
  steps: LaunchStep[];
  /** Participating units. */
  units: { code: string; group: string }[];
  /** Index sets of the campaign with their number of criteria. */
  indexSets: { group: string; criteria: number }[];
}

export interface LaunchProblem {
  /** The step concerned, when there is one. */
  step?: number;
  message: string;
}

export function launchProblems(plan: LaunchPlan): LaunchProblem[] {
  const problems: LaunchProblem[] = [];
  const at = (d: Date) => formatLocalDateTime(d, plan.timeZone);
  const numbers = new Set(plan.steps.map((s) => s.number));
  if (plan.steps.length === 0) problems.push({ message: 'The plan has no steps.' });
  for (const step of [...plan.steps].sort((a, b) => a.number - b.number)) {
    if (!step.deadline && step.startsAfterStep === null) {
      problems.push({
        step: step.number,
        message: `Step ${step.number} has neither a deadline nor a step it starts after: give it closesOn (or deadline), or startsAfterStep.`,
      });
    }
    if (step.opensAt && step.deadline && step.opensAt.getTime() >= step.deadline.getTime()) {
      problems.push({
        step: step.number,
        message: `Step ${step.number} opens (${at(step.opensAt)}) after its deadline (${at(step.deadline)}).`,
      });
    }
    if (step.startsAfterStep !== null) {
      if (!numbers.has(step.startsAfterStep) || step.startsAfterStep >= step.number) {
        problems.push({
          step: step.number,
          message: `Step ${step.number} starts after step ${step.startsAfterStep}, which is not an earlier step of the plan.`,
        });
      }
    }
  }
  const ofKind = (kind: StepKind) => plan.steps.filter((s) => s.kind === kind);
  const selfAssessment = ofKind('self_assessment');
  if (plan.steps.length > 0 && selfAssessment.length === 0) {
    problems.push({
      message:
        'The plan has no self-assessment step (kind self_assessment): units would have no window to submit in.',
    });
  }
  for (const kind of ['self_assessment', 'appraisal_round_1', 'explanation'] as const) {
    const steps = ofKind(kind);
    if (steps.length > 1) {
      problems.push({
        message: `Steps ${steps.map((s) => s.number).join(', ')} are all of kind ${kind}; the plan may have one.`,
      });
    }
  }
  const [own] = selfAssessment;
  if (own && selfAssessment.length === 1 && !own.deadline) {
    problems.push({
      step: own.number,
      message: `The self-assessment step ${own.number} has no deadline.`,
    });
  }
  if (plan.units.length === 0) {
    problems.push({ message: 'No unit takes part: add participations before launching.' });
  }
  const setGroups = new Set(plan.indexSets.filter((s) => s.criteria > 0).map((s) => s.group));
  const missing = new Map<string, string[]>();
  for (const unit of plan.units) {
    if (!setGroups.has(unit.group))
      missing.set(unit.group, [...(missing.get(unit.group) ?? []), unit.code]);
  }
  const reserved = plan.units.filter((unit) => reservedUnitCode(unit.code)).map((u) => u.code);
  if (reserved.length > 0) {
    problems.push({
      message: `Units ${reserved.join(', ')} have codes reserved for the campaign's own workflows (batch-N, notifications): give them other codes (PATCH /units/{code}) before launching.`,
    });
  }
  for (const [group, codes] of missing) {
    const shown = codes.slice(0, 5).join(', ') + (codes.length > 5 ? `, … (${codes.length})` : '');
    problems.push({
      message: `Units of group "${group}" (${shown}) take part but the campaign has no index set for that group: import one.`,
    });
  }
  return problems;
}

const ACTOR_NAMES: Record<StepActor, string> = {
  secretariat: 'the secretariat',
  units: 'the units',
  appraisers: 'the appraisers',
  council: 'the council',
  chairman: 'the Chairman',
};

/** Deadlines already past at `now`: not a problem, but worth saying what will happen. */
export function launchWarnings(plan: LaunchPlan, now: Date): string[] {
  return plan.steps
    .filter((s) => s.deadline && s.deadline.getTime() < now.getTime())
    .sort((a, b) => a.number - b.number)
    .map((s) => {
      const past = `Step ${s.number}: its deadline ${formatLocalDateTime(s.deadline!, plan.timeZone)} is already past;`;
      return closesAtDeadline(s)
        ? `${past} the step closes as soon as it opens.`
        : `${past} the step opens overdue and stays open until ${ACTOR_NAMES[s.actor]} completes it.`;
    });
}
