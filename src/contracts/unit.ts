import { deadlineOf, type UnitFacts } from '../domain/campaign-rules/units.js';
import type { LatePolicy, UnitStatus } from '../domain/words.js';
import type { Delivered } from './campaign.js';

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
  /**
   * What PostgreSQL held of the unit when its batch started it. Present when the unit runs on the
   * campaign rules (units started before them have none).
   */
  snapshot?: UnitSnapshot;
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

/** One unit's facts as PostgreSQL holds them, with what its state shows besides. */
export interface UnitSnapshot {
  facts: UnitFacts;
  /** The newest submitted version of its self-assessment. */
  version: number | null;
  /** The newest explanation request, with every criterion confirmed so far. */
  request: ExplanationRequest | null;
  /** Its participation's status as recorded. */
  status: UnitStatus;
}

/** A later deadline granted to the unit for one of its steps. */
export interface ExtensionGrant extends Delivered {
  stepNumber: number;
  deadline: string;
}

/** The unit left the campaign by an amending decision: its workflow ends, its data stays. */
export interface UnitLeaving extends Delivered {
  at: string;
  decisionNumber: string;
}

/** The unit's explanation, as the API recorded it. */
export interface ExplanationSubmission extends Delivered {
  submittedAt: string;
}

/** The self-assessment signal, sent by the API after it committed the submission. */
export interface SelfAssessmentSubmitted extends Delivered {
  submittedAt: string;
  /** Whether the API judged the first submission late (absent in signals sent before). */
  late?: boolean;
  version: number;
  /** The participation status the API committed with the submission; the unit need not write it. */
  recordedStatus?: 'submitted' | 'late';
}

export interface ExplanationRequest extends Delivered {
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

const isoOrNull = (ms: number | null | undefined) =>
  ms == null ? null : new Date(ms).toISOString();

/**
 * A unit's state as it is reported, from its snapshot (facts, version, request) and the status
 * recorded for it: the API's unit state and the unit workflow's query build it here alike.
 */
export function unitStateOf(
  unitCode: string,
  snapshot: UnitSnapshot,
  status: UnitStatus,
): UnitState {
  const { facts } = snapshot;
  return {
    unitCode,
    status,
    selfAssessment: {
      deadline: isoOrNull(deadlineOf(facts.selfAssessment).instant),
      submittedAt: isoOrNull(facts.submission?.submittedAt),
      version: snapshot.version,
      late: facts.submission?.late ?? false,
    },
    explanation: {
      deadline: isoOrNull(deadlineOf(facts.explanation).instant),
      request: snapshot.request,
      submittedAt: isoOrNull(facts.explanationAnsweredAt),
    },
    finishedAt: isoOrNull(facts.publishedAt),
  };
}
