/**
 * Whether a planned send still has a reason to go when its time comes: the forecast plans every
 * unit's mail as if it never acts, and the wave drops what the unit's own actions (or the
 * secretariat's) made pointless. Pure: the facts come from PostgreSQL at the wave.
 */
import type { ForecastSend } from './forecast.js';

export interface WaveFacts {
  /** Step number → kind, of the campaign's plan. */
  stepKinds: ReadonlyMap<number, string | undefined>;
  /** Steps already closed (by their deadline, their actor or the secretariat). */
  closedSteps: ReadonlySet<number>;
  /** Participations whose self-assessment was submitted (on time or late). */
  submitted: ReadonlySet<string>;
  /** Participation → status as the unit workflows record it. */
  statusOf: ReadonlyMap<string, string>;
  /** The step whose end ends late self-assessment intake (appraisal round 1), if any. */
  lateIntakeStep: number | null;
  /**
   * Appraisal round step → agency code → what the agency has still to score in it (loaded at the
   * wave for the rounds with a reminder or an escalation due; see src/loaders/appraisal-backlog.ts).
   */
  appraisalLeft?: ReadonlyMap<number, ReadonlyMap<string, { units: number; criteria: number }>>;
}

/** Asked to explain and not yet answered (the unit workflow records these two). */
const EXPLANATION_OPEN = new Set(['explanation_requested']);
const EXPLANATION_OVERDUE = new Set(['explanation_requested', 'explanation_missing']);

export function stillDue(send: ForecastSend, facts: WaveFacts): boolean {
  const kind = facts.stepKinds.get(send.stepNumber);
  const closed = facts.closedSteps.has(send.stepNumber);
  switch (send.audience) {
    case 'secretariat':
      return true; // digests report whatever happened
    case 'secretariat_head':
    case 'council':
      // A meeting or a secretariat step already completed needs no reminder nor escalation.
      return !closed;
    case 'appraisers': {
      if (closed) return false; // the round was completed: nothing more to enter
      // Reminded and escalated only while the agency still has scores to enter in the round (a
      // reminder goes when the wave did not load the round's backlog).
      const backlog = facts.appraisalLeft?.get(send.stepNumber);
      if (!backlog && send.kind !== 'appraisal_escalation') return true;
      const left = backlog?.get(send.agencyCode ?? '');
      return left !== undefined && left.criteria > 0;
    }
    case 'unit':
    case 'unit_head': {
      const participation = send.participationId;
      if (!participation) return false;
      if (kind === 'self_assessment') {
        if (facts.submitted.has(participation)) return false;
        if (send.kind === 'reminder' || send.kind === 'window_opened') return !closed;
        if (send.kind === 'overdue_reminder') {
          return facts.lateIntakeStep === null || !facts.closedSteps.has(facts.lateIntakeStep);
        }
        return true; // the escalation of a missed deadline
      }
      if (kind === 'explanation') {
        const status = facts.statusOf.get(participation) ?? '';
        // Only a unit asked to explain hears that the window opened, or is reminded.
        if (send.kind === 'reminder' || send.kind === 'window_opened') {
          return !closed && EXPLANATION_OPEN.has(status);
        }
        return EXPLANATION_OVERDUE.has(status);
      }
      return false;
    }
  }
}
