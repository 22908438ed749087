/** Data the campaign, batch and unit workflows are started with and report. Plain JSON: it is stored in history. */

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

export interface CouncilApproval {
  approvedAt: string;
  note?: string;
}

export interface ChairmanDecision {
  /** "456/QĐ-UBND" */
  number: string;
  /** Local date "2022-02-28". */
  date: string;
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
