import type { LatePolicy, UnitStatus } from '../domain/words.js';

/** A window a unit acts in; instants as ISO strings. */
export interface UnitWindow {
  stepNumber: number;
  opensAt: string | null;
  deadline: string;
}

/** What one unit's workflow needs to know of the plan. */
export interface UnitTimeline {
  selfAssessment: UnitWindow | null;
  /** Late self-assessments are accepted (policy "accept") until this instant: the end of round 1. */
  lateIntakeEnds: string | null;
  /** The step whose end is lateIntakeEnds (appraisal round 1), so its amendments apply. */
  lateIntakeStep: number | null;
  explanation: UnitWindow | null;
}

export interface UnitRef {
  code: string;
  participationId: string;
  /** Per-step extensions already granted: step number → deadline. */
  extensions?: Record<number, string>;
}

export interface UnitWorkflowInput {
  campaignId: string;
  campaignWorkflowId: string;
  year: number;
  timeZone: string;
  latePolicy: LatePolicy;
  unit: UnitRef;
  timeline: UnitTimeline;
  /** The batch records 'completed' for all its units at the announcement; the unit does not. */
  completionRecordedByBatch?: boolean;
}

/** The self-assessment signal, sent by the API after it committed the submission. */
export interface SelfAssessmentSubmitted {
  submittedAt: string;
  version: number;
  /** The participation status the API committed with the submission; the unit need not write it. */
  recordedStatus?: 'submitted' | 'late';
}

export interface ExplanationRequest {
  /** Criterion codes to explain, e.g. ["1.2.1", "3.1.2"]. */
  criteria: string[];
  reason: string;
  requestedAt: string;
}

export interface UnitState {
  unitCode: string;
  status: UnitStatus;
  selfAssessment: {
    deadline: string | null;
    submittedAt: string | null;
    version: number | null;
    late: boolean;
  };
  explanation: {
    deadline: string | null;
    request: ExplanationRequest | null;
    submittedAt: string | null;
  };
  /** Set when the campaign's results are announced. */
  finishedAt: string | null;
}

/**
 * Events the campaign relays to every unit (through the batch workflows). Regular deadlines are in
 * each unit's own timeline; only changes travel.
 */
export type CampaignEvent =
  | { type: 'deadlineAmended'; stepNumber: number; deadline: string }
  | { type: 'stepOpened'; stepNumber: number; at: string }
  | { type: 'stepClosed'; stepNumber: number; at: string }
  | { type: 'resultsAnnounced'; at: string };
