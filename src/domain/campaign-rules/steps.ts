/**
 * Where each step of a campaign stands at an instant, from the facts PostgreSQL records: the plan
 * (openings, deadlines as amended, "starts after step N"), the launch, and the actions of the
 * secretariat, the council and the Chairman (an early opening, an early close or a completion).
 * The API answers and decides with it, and the campaign workflow runs its timers and answers its
 * query with it, so the two never disagree. Pure; instants are epoch milliseconds.
 *
 * - A step opens at the latest of the launch, its window's opening and the close of the step it
 *   starts after; the secretariat may open it earlier (never before the launch).
 * - A step the units act in (or one without an actor) closes at its deadline, or earlier when
 *   the secretariat closes it; a step owned by the secretariat, the council or the Chairman stays
 *   open until they complete it, and is overdue past its deadline.
 * - A step never closes before it opens: a deadline already past closes it as it opens.
 * - A deadline is the last instant inside the window (23:59:59 of its last day): the step is
 *   closed from the next millisecond, as a unit's submission at the deadline is on time.
 */
import type { StepActor, StepClosedBy, StepKind, StepStatus } from '../words.js';

export interface StepFacts {
  number: number;
  kind?: StepKind;
  actor?: StepActor;
  /** The window's opening; null when the step opens after another one, or at the launch. */
  opensAt: number | null;
  /** The deadline as amended; null when the step has none. */
  deadline: number | null;
  startsAfterStep?: number | null;
  /** The secretariat opened it before its window. */
  openedEarlyAt?: number | null;
  /** Closed early, or completed by its actor. */
  completedAt?: number | null;
  completedBy?: Exclude<StepClosedBy, 'deadline'> | null;
}

export interface StepView {
  number: number;
  status: StepStatus;
  /** When it opens or opened; null while that depends on an action still to come. */
  openedAt: number | null;
  /** When it closes or closed; null while that depends on an action still to come. */
  closedAt: number | null;
  /** How it closed (or will close, when that is known). */
  closedBy: StepClosedBy | null;
  /** Past its deadline and not completed by then (steps that wait for their actor). */
  overdue: boolean;
}

/** Steps whose window simply ends at the deadline; the others wait for their actor. */
export function closesAtDeadline(step: Pick<StepFacts, 'actor'>): boolean {
  return step.actor === undefined || step.actor === 'units';
}

const max = (...xs: (number | null)[]): number | null =>
  xs.some((x) => x === null) ? null : Math.max(...(xs as number[]));

/** When a step opens and closes, as far as the facts tell: independent of the instant asked. */
interface StepInstants {
  opensAt: number | null;
  /** When it closes, as reported (a deadline, an early close, a completion). */
  closesAt: number | null;
  /** The first instant it is closed: a deadline is still inside the window, as for the units. */
  closedFrom: number | null;
  closedBy: StepClosedBy | null;
}

function instantsOf(
  step: StepFacts,
  earlier: ReadonlyMap<number, StepInstants>,
  launchedAt: number,
): StepInstants {
  // Opening: launch, window and the step it starts after; an early opening comes first.
  const after = step.startsAfterStep
    ? (earlier.get(step.startsAfterStep)?.closesAt ?? null)
    : launchedAt;
  let opensAt = max(launchedAt, after, step.opensAt ?? launchedAt);
  if (step.openedEarlyAt != null) {
    const early = Math.max(launchedAt, step.openedEarlyAt);
    opensAt = opensAt === null ? early : Math.min(opensAt, early);
  }
  if (opensAt === null) return { opensAt: null, closesAt: null, closedFrom: null, closedBy: null };

  // Closing: the deadline or an early close for the units' steps, the actor's completion otherwise.
  const completed = step.completedAt ?? null;
  let closesAt: number | null = null;
  let closedBy: StepClosedBy | null = null;
  if (closesAtDeadline(step) && step.deadline !== null) {
    const early = completed !== null && completed < step.deadline;
    closesAt = early ? completed : step.deadline;
    closedBy = early ? (step.completedBy ?? 'secretariat') : 'deadline';
  } else if (completed !== null) {
    closesAt = completed;
    closedBy = step.completedBy ?? 'secretariat';
  }
  if (closesAt === null) return { opensAt, closesAt: null, closedFrom: null, closedBy };
  closesAt = Math.max(closesAt, opensAt);
  const closedFrom =
    closedBy === 'deadline' && closesAt === step.deadline ? closesAt + 1 : closesAt;
  return { opensAt, closesAt, closedFrom, closedBy };
}

/** Every step's instants, predecessors first; empty before the launch. */
function instantsOfAll(
  steps: readonly StepFacts[],
  launchedAt: number | null,
): Map<number, StepInstants> {
  const byNumber = new Map<number, StepInstants>();
  if (launchedAt === null) return byNumber;
  for (const step of [...steps].sort((a, b) => a.number - b.number)) {
    byNumber.set(step.number, instantsOf(step, byNumber, launchedAt));
  }
  return byNumber;
}

/** Each step's view at `now`; every step is pending before the launch. */
export function stepViewsAt(
  steps: readonly StepFacts[],
  launchedAt: number | null,
  now: number,
): StepView[] {
  const instants = instantsOfAll(steps, launchedAt);
  return steps.map((step) => {
    const at = instants.get(step.number);
    const opened = at?.opensAt != null && now >= at.opensAt;
    const closed = opened && at?.closedFrom != null && now >= at.closedFrom;
    const overdue =
      opened &&
      !closesAtDeadline(step) &&
      step.deadline !== null &&
      (closed ? at.closesAt! > step.deadline : now > step.deadline);
    return {
      number: step.number,
      status: closed ? 'closed' : opened ? 'open' : 'pending',
      openedAt: opened ? at.opensAt : null,
      closedAt: closed ? at.closesAt : null,
      closedBy: closed ? at.closedBy : null,
      overdue,
    };
  });
}

/** The next change of a step's view after `now`: when, which step, and what happens. */
export interface StepChange {
  at: number;
  step: number;
  what: 'opens' | 'closes' | 'overdue';
}

/** The next instant after `now` at which some step's view changes; null when none is known. */
export function nextStepChange(
  steps: readonly StepFacts[],
  launchedAt: number | null,
  now: number,
): StepChange | null {
  let next: StepChange | null = null;
  const consider = (at: number | null | undefined, step: number, what: StepChange['what']) => {
    if (at != null && at > now && (next === null || at < next.at)) next = { at, step, what };
  };
  const instants = instantsOfAll(steps, launchedAt);
  for (const step of steps) {
    const at = instants.get(step.number);
    consider(at?.opensAt, step.number, 'opens');
    consider(at?.closedFrom, step.number, 'closes');
    // An owned step turns overdue just after its deadline.
    if (!closesAtDeadline(step) && step.deadline !== null) {
      consider(step.deadline + 1, step.number, 'overdue');
    }
  }
  return next;
}

/** The highest-numbered open step; else the highest closed one; null before any opens. */
export function currentStepOf(views: readonly StepView[]): number | null {
  const open = views.filter((v) => v.status === 'open').map((v) => v.number);
  if (open.length > 0) return Math.max(...open);
  const closed = views.filter((v) => v.status === 'closed').map((v) => v.number);
  return closed.length > 0 ? Math.max(...closed) : null;
}
