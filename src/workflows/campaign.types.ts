/** Data the campaign workflow is started with and reports. Plain JSON: it is stored in history. */

export interface StepPlanEntry {
  /** 1-based step number from the plan (11 steps in the 2021 plan). */
  number: number;
  /** Vietnamese title as in the plan, e.g. "Thẩm định lần thứ nhất". */
  titleVi: string;
  /** Window opening as an ISO instant; null when the step opens after the previous one closes. */
  opensAt: string | null;
  /** Deadline as an ISO instant; null when the step has no date (it waits for the secretariat). */
  deadline: string | null;
}

export interface CampaignWorkflowInput {
  campaignId: string;
  year: number;
  name: string;
  /** IANA time zone the officials read dates in, e.g. "Asia/Ho_Chi_Minh". */
  timeZone: string;
  steps: StepPlanEntry[];
}

export type StepStatus = 'pending' | 'open' | 'closed';

export interface StepState {
  number: number;
  titleVi: string;
  status: StepStatus;
  opensAt: string | null;
  deadline: string | null;
  openedAt: string | null;
  closedAt: string | null;
  /** How it closed: at its deadline, or early by the secretariat. */
  closedBy: 'deadline' | 'secretariat' | null;
}

export interface CampaignState {
  campaignId: string;
  year: number;
  currentStep: number | null;
  steps: StepState[];
}
