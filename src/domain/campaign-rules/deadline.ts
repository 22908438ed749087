/**
 * The one rule for the deadline that counts for a unit in one of its windows (self-assessment,
 * explanation): the plan's deadline as amended; the unit's extension when it is later (an
 * extension never shortens a deadline); cut short when the secretariat closed the step early.
 * Instants are epoch milliseconds, so workflow code, activities and the API compute alike.
 */
export interface DeadlineFacts {
  /** The step's deadline, as amended; null when the step has none. */
  planned: number | null;
  /** The unit's extension for the step, if granted. */
  extension?: number | null;
  /** When the secretariat closed the step early, if it did. */
  closedEarlyAt?: number | null;
}

export interface EffectiveDeadline {
  /** Null when the step has no deadline and was not closed. */
  instant: number | null;
  /** The unit's extension is what counts. */
  extended: boolean;
  /** The early close is what counts. */
  closedEarly: boolean;
}

export function effectiveDeadline(facts: DeadlineFacts): EffectiveDeadline {
  const { planned, extension, closedEarlyAt } = facts;
  const extended = planned !== null && extension != null && extension > planned;
  const granted = extended ? extension : planned;
  if (closedEarlyAt != null && (granted === null || closedEarlyAt < granted)) {
    return { instant: closedEarlyAt, extended: false, closedEarly: true };
  }
  return { instant: granted, extended, closedEarly: false };
}
