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
   * "round/agency code" of each agency with scores still to enter in an appraisal round (round 1:
   * every appraised leaf of every unit; round 2: the criteria units were asked to explain). An
   * agency not in it has nothing left to do in that round. Absent: every agency is reminded.
   */
  appraisalPending?: ReadonlySet<string>;
}

const APPRAISAL_ROUND: Readonly<Record<string, 1 | 2>> = {
  appraisal_round_1: 1,
  appraisal_round_2: 2,
};

/** Asked to explain and not yet answered (the unit workflow records these two). */
const EXPLANATION_OPEN = new Set(['explanation_requested']);
const EXPLANATION_OVERDUE = new Set(['explanation_requested', 'explanation_missing']);

export function stillDue(send: ForecastSend, facts: WaveFacts): boolean {
  const kind = facts.stepKinds.get(send.stepNumber);
  const closed = facts.closedSteps.has(send.stepNumber);
  switch (send.audience) {
    case 'secretariat':
      return true; // digests report whatever happened
    case 'appraisers': {
      if (closed) return false; // a round already completed needs no reminder
      const round = APPRAISAL_ROUND[kind ?? ''];
      // Nor does an agency that has entered every score the round asks of it.
      if (!round || !send.agencyCode || !facts.appraisalPending) return true;
      return facts.appraisalPending.has(`${round}/${send.agencyCode}`);
    }
    case 'council':
      return !closed; // a meeting already completed needs no reminder
    case 'unit':
    case 'unit_head': {
      const participation = send.participationId;
      if (!participation) return false;
      if (kind === 'self_assessment') {
        if (facts.submitted.has(participation)) return false;
        if (send.kind === 'reminder') return !closed;
        if (send.kind === 'overdue_reminder') {
          return facts.lateIntakeStep === null || !facts.closedSteps.has(facts.lateIntakeStep);
        }
        return true; // the escalation of a missed deadline
      }
      if (kind === 'explanation') {
        const status = facts.statusOf.get(participation) ?? '';
        if (send.kind === 'reminder') return !closed && EXPLANATION_OPEN.has(status);
        return EXPLANATION_OVERDUE.has(status);
      }
      return false;
    }
  }
}
