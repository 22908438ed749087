/** Data the campaign, batch and unit workflows are started with and report. Plain JSON: it is stored in history. */

import type { StepFacts, StepView } from '../domain/campaign-rules/index.js';
import type { LatePolicy, StepActor, StepClosedBy, StepKind, StepStatus } from '../domain/words.js';

export interface StepPlanEntry {
  /** 1-based step number from the plan (11 steps in the 2021 plan). */
  number: number;
  kind?: StepKind;
  actor?: StepActor;
  /** Vietnamese title as in the plan, e.g. "Thẩm định lần thứ nhất". */
  titleVi: string;
  /** Window opening as an ISO instant; null when the step opens after another one. */
  opensAt: string | null;
  /** Deadline as an ISO instant; null when the step has no date (it waits for its actor). */
  deadline: string | null;
  /** The step opens when this one completes (step 11 after the announcement, step 10). */
  startsAfterStep?: number | null;
}

export interface CampaignWorkflowInput {
  campaignId: string;
  /** Campaign code, e.g. "vinhlong-2021". */
  code?: string;
  year: number;
  name: string;
  /** IANA time zone the officials read dates in, e.g. "Asia/Ho_Chi_Minh". */
  timeZone: string;
  latePolicy?: LatePolicy;
  steps: StepPlanEntry[];
  /** Units per batch workflow (each starts one child per unit); default 500. */
  batchSize?: number;
  /** Events after which a batch workflow continues as new (default 10,000; tests set less). */
  batchHistoryLimit?: number;
  /**
   * When the launch was recorded (campaigns.launched_at): steps open no earlier, as the campaign
   * rules say. Absent in campaigns launched before the rules: the workflow's start counts.
   */
  launchedAt?: string;
}

export interface StepState {
  number: number;
  titleVi: string;
  kind?: StepKind;
  actor?: StepActor;
  status: StepStatus;
  opensAt: string | null;
  deadline: string | null;
  openedAt: string | null;
  closedAt: string | null;
  /** How it closed: at its deadline, or by the secretariat (early, or completing a step it owns). */
  closedBy: StepClosedBy | null;
  /** Past its deadline and still open (steps that wait for the secretariat, council or Chairman). */
  overdue?: boolean;
}

/**
 * Every action the API delivers carries its ID (the outbox row's): a repeated delivery is a no-op.
 * Absent in signals sent before the outbox, and in tests that signal directly.
 */
export interface Delivered {
  actionId?: string;
}

/** The secretariat opened a step before its window, at `at` (as recorded). */
export interface StepOpening extends Delivered {
  step: number;
  at?: string;
}

/** The secretariat (or the step's actor) closed or completed a step at `at` (as recorded). */
export interface StepClosing extends Delivered {
  step: number;
  at?: string;
  by?: Exclude<StepClosedBy, 'deadline'>;
}

/** A step's deadline, amended. */
export interface DeadlineAmendment extends Delivered {
  step: number;
  deadline: string;
}

/** Units that joined the campaign by an amending decision: their workflows start. */
export interface UnitsJoining extends Delivered {
  unitCodes: string[];
  /** The amending decision's number, e.g. "125/QĐ-UBND" (for the Temporal UI). */
  decisionNumber: string;
}

/** A step added to the plan by an amending decision (at the end of the plan). */
export interface StepAddition extends Delivered {
  step: StepPlanEntry;
  decisionNumber: string;
}

/** A pending step's opening, moved by an amending decision. */
export interface OpeningMove extends Delivered {
  step: number;
  opensAt: string;
  decisionNumber: string;
}

export interface CouncilApproval extends Delivered {
  approvedAt: string;
  note?: string;
}

export interface ChairmanDecision extends Delivered {
  /** "456/QĐ-UBND" */
  number: string;
  /** Local date "2022-02-28". */
  date: string;
  /** When it was recorded and the results published (absent in signals sent before). */
  at?: string;
}

export interface CampaignState {
  campaignId: string;
  year: number;
  currentStep: number | null;
  steps: StepState[];
  units?: number;
  batches?: string[];
  councilApproval?: CouncilApproval | null;
  decision?: ChairmanDecision | null;
}

/** A step's plan and facts, as the campaign rules read them, with its title. */
export type TitledStepFacts = StepFacts & { titleVi: string };

const isoOrNull = (ms: number | null | undefined) =>
  ms == null ? null : new Date(ms).toISOString();

/**
 * The steps as the state reports them, from the campaign rules' views: the API's /state and the
 * campaign workflow's query build them here, so they read the same.
 */
export function stepStatesOf(
  steps: readonly TitledStepFacts[],
  views: readonly StepView[],
): StepState[] {
  return steps.map((step, i) => {
    const view = views[i]!;
    return {
      number: step.number,
      titleVi: step.titleVi,
      ...(step.kind && { kind: step.kind }),
      ...(step.actor && { actor: step.actor }),
      status: view.status,
      opensAt: isoOrNull(step.opensAt),
      deadline: isoOrNull(step.deadline),
      openedAt: isoOrNull(view.openedAt),
      closedAt: isoOrNull(view.closedAt),
      closedBy: view.closedBy,
      overdue: view.overdue,
    };
  });
}
