/**
 * What a unit may do, and where it stands, at an instant, from the facts PostgreSQL records: its
 * windows (self-assessment, explanation) as planned, amended, opened or closed early and
 * extended for it; the end of the first appraisal round (late intake); its own submission,
 * explanation request and answer; the publication of the results. The API decides every unit
 * action with it, and the unit workflow records the unit's status with it, so the two never
 * disagree. Pure; instants are epoch milliseconds.
 *
 * Self-assessment:
 * - before the window opens (or the secretariat opened it early): not open; drafts are welcome;
 * - until the deadline that counts (effectiveDeadline: amended, extended, closed early): on time;
 * - after it, the campaign's late policy decides: 'refuse' closes the window; 'accept' takes late
 *   submissions, flagged late, until the first appraisal round ends (its deadline, or its
 *   completion when earlier);
 * - once the results are published nothing changes any more.
 * Explanation: open from the request until the explanation deadline that counts (the step's, or
 * the unit's extension), and never after publication.
 */
import type { LatePolicy, UnitStatus } from '../words.js';
import { type EffectiveDeadline, effectiveDeadline } from './deadline.js';

/** One of the unit's windows: its step as planned and acted on, and the unit's extension. */
export interface UnitWindowFacts {
  stepNumber: number;
  opensAt: number | null;
  openedEarlyAt?: number | null;
  /** The step's deadline as amended. */
  deadline: number | null;
  /** The secretariat closed the step early. */
  closedEarlyAt?: number | null;
  /** This unit's extension for the step. */
  extension?: number | null;
}

export interface UnitFacts {
  latePolicy: LatePolicy;
  selfAssessment: UnitWindowFacts | null;
  /** The first appraisal round: its end ends late intake. */
  roundOne: { stepNumber: number; deadline: number | null; completedAt?: number | null } | null;
  explanation: UnitWindowFacts | null;
  /** The first submission: when, and whether it was late when it was decided. */
  submission: { submittedAt: number; late: boolean } | null;
  /** The newest explanation request, and the newest answer. */
  explanationRequestedAt: number | null;
  explanationAnsweredAt: number | null;
  /** The Chairman's decision published the results. */
  publishedAt: number | null;
}

export const deadlineOf = (window: UnitWindowFacts | null): EffectiveDeadline =>
  window
    ? effectiveDeadline({
        planned: window.deadline,
        extension: window.extension ?? null,
        closedEarlyAt: window.closedEarlyAt ?? null,
      })
    : { instant: null, extended: false, closedEarly: false };

const openingOf = (window: UnitWindowFacts): number | null =>
  window.openedEarlyAt != null && (window.opensAt === null || window.openedEarlyAt < window.opensAt)
    ? window.openedEarlyAt
    : window.opensAt;

/** When late intake ends: the first appraisal round's deadline, or its completion if earlier. */
export function lateIntakeEndOf(facts: Pick<UnitFacts, 'roundOne'>): number | null {
  const round = facts.roundOne;
  if (!round) return null;
  const ends = [round.deadline, round.completedAt ?? null].filter((t): t is number => t !== null);
  return ends.length > 0 ? Math.min(...ends) : null;
}

export type SelfAssessmentWindow =
  | { phase: 'not_open'; opensAt: number; deadline: EffectiveDeadline }
  | { phase: 'on_time'; deadline: EffectiveDeadline }
  | { phase: 'late'; deadline: EffectiveDeadline; acceptedUntil: number | null }
  | {
      phase: 'closed';
      deadline: EffectiveDeadline;
      reason: 'refuses_late' | 'round_one_ended' | 'results_published';
      /** Since when. */
      since: number;
    };

/** Where the unit's self-assessment window stands at `now` (null: the plan has none). */
export function selfAssessmentWindowAt(facts: UnitFacts, now: number): SelfAssessmentWindow | null {
  const window = facts.selfAssessment;
  if (!window) return null;
  const deadline = deadlineOf(window);
  if (facts.publishedAt !== null && now >= facts.publishedAt) {
    return { phase: 'closed', deadline, reason: 'results_published', since: facts.publishedAt };
  }
  const opensAt = openingOf(window);
  if (opensAt !== null && now < opensAt) return { phase: 'not_open', opensAt, deadline };
  if (deadline.instant === null || now <= deadline.instant) return { phase: 'on_time', deadline };
  if (facts.latePolicy === 'refuse') {
    return { phase: 'closed', deadline, reason: 'refuses_late', since: deadline.instant };
  }
  const acceptedUntil = lateIntakeEndOf(facts);
  if (acceptedUntil !== null && now > acceptedUntil) {
    const since = Math.max(acceptedUntil, deadline.instant);
    return { phase: 'closed', deadline, reason: 'round_one_ended', since };
  }
  return { phase: 'late', deadline, acceptedUntil };
}

/** Drafts are saved in any phase but a closed one. */
export const takesDrafts = (window: SelfAssessmentWindow): boolean => window.phase !== 'closed';

export type ExplanationWindow =
  | { phase: 'not_requested'; deadline: EffectiveDeadline }
  | { phase: 'open'; deadline: EffectiveDeadline }
  | {
      phase: 'closed';
      deadline: EffectiveDeadline;
      reason: 'deadline_passed' | 'results_published';
      since: number;
    };

/**
 * Whether the explanation round still runs for the unit at `now`: the secretariat may ask while
 * it does, and the unit answers while it does and it was asked.
 */
export function explanationWindowAt(facts: UnitFacts, now: number): ExplanationWindow {
  const deadline = deadlineOf(facts.explanation);
  if (facts.publishedAt !== null && now >= facts.publishedAt) {
    return { phase: 'closed', deadline, reason: 'results_published', since: facts.publishedAt };
  }
  if (deadline.instant !== null && now > deadline.instant) {
    return { phase: 'closed', deadline, reason: 'deadline_passed', since: deadline.instant };
  }
  return { phase: facts.explanationRequestedAt === null ? 'not_requested' : 'open', deadline };
}

/** The unit's status at `now`. */
export function unitStatusAt(facts: UnitFacts, now: number): UnitStatus {
  if (facts.publishedAt !== null && now >= facts.publishedAt) return 'completed';
  if (facts.explanationRequestedAt !== null) {
    const answered =
      facts.explanationAnsweredAt !== null &&
      facts.explanationAnsweredAt >= facts.explanationRequestedAt;
    if (answered) return 'explained';
    const deadline = deadlineOf(facts.explanation).instant;
    return deadline !== null && now > deadline ? 'explanation_missing' : 'explanation_requested';
  }
  if (facts.submission) return facts.submission.late ? 'late' : 'submitted';
  const deadline = deadlineOf(facts.selfAssessment).instant;
  return deadline !== null && now > deadline ? 'missing' : 'registered';
}

/** The next instant after `now` at which the unit's status changes by time alone. */
export function nextUnitChangeAt(facts: UnitFacts, now: number): number | null {
  const status = unitStatusAt(facts, now);
  const after = (instant: number | null) =>
    instant !== null && instant >= now ? instant + 1 : null;
  if (status === 'registered') return after(deadlineOf(facts.selfAssessment).instant);
  if (status === 'explanation_requested') return after(deadlineOf(facts.explanation).instant);
  return null;
}

/**
 * Which status may follow which, so that no writer (the API, a unit workflow, a batch) ever
 * overwrites a later status with an earlier one: PostgreSQL applies a write only along these.
 * 'missing' gives way to a submission the API decided on (late, or on time when its signal was
 * slower than the deadline's timer); a new request after an answer asks again.
 */
export const UNIT_STATUS_MOVES: Readonly<Record<UnitStatus, readonly UnitStatus[]>> = {
  registered: ['submitted', 'late', 'missing', 'explanation_requested', 'completed'],
  missing: ['submitted', 'late', 'explanation_requested', 'completed'],
  submitted: ['explanation_requested', 'completed'],
  late: ['explanation_requested', 'completed'],
  explanation_requested: ['explained', 'explanation_missing', 'completed'],
  explained: ['explanation_requested', 'completed'],
  explanation_missing: ['explained', 'completed'],
  completed: [],
};

/** The statuses a write of `to` may replace (itself included: a repeated write changes nothing). */
export function statusesBefore(to: UnitStatus): UnitStatus[] {
  return (Object.keys(UNIT_STATUS_MOVES) as UnitStatus[]).filter(
    (from) => from === to || UNIT_STATUS_MOVES[from].includes(to),
  );
}
