/**
 * Whether a unit's self-assessment may be submitted now, and whether it counts as late. Pure: no
 * I/O, no clock (the caller passes `now`), so the API, activities and workflows decide alike.
 *
 * - Before the step opens, a submission is refused, whatever the late policy.
 * - The deadline that counts is the step's, or the unit's extension for that step when later
 *   (an extension never shortens a deadline).
 * - Submitting exactly at the deadline is on time; after it, the campaign's policy decides:
 *   'accept' records the submission and flags it late, 'refuse' turns it away.
 * - A step without an opening (it starts after another step) is open; one without a deadline is
 *   never late.
 */

import type { LatePolicy } from './words.js';

export interface SubmissionWindowInput {
  now: Date;
  /** The self-assessment step's opening, or null when it has none. */
  opensAt: Date | null;
  /** The step's deadline, or null when it has none. */
  deadline: Date | null;
  /** The unit's extension for that step, if granted. */
  extendedDeadline?: Date | null;
  latePolicy: LatePolicy;
}

export type SubmissionDecision =
  | {
      accepted: true;
      late: boolean;
      /** The deadline that applied (with the extension), or null when there is none. */
      deadline: Date | null;
      extended: boolean;
    }
  | { accepted: false; reason: 'not_open'; opensAt: Date }
  | { accepted: false; reason: 'late'; deadline: Date; extended: boolean };

/** The step's deadline or the unit's extension, whichever is later. */
export function effectiveDeadline(
  deadline: Date | null,
  extendedDeadline?: Date | null,
): { deadline: Date | null; extended: boolean } {
  if (!deadline) return { deadline: null, extended: false };
  if (extendedDeadline && extendedDeadline.getTime() > deadline.getTime()) {
    return { deadline: extendedDeadline, extended: true };
  }
  return { deadline, extended: false };
}

export function decideSubmission(input: SubmissionWindowInput): SubmissionDecision {
  const now = input.now.getTime();
  if (input.opensAt && now < input.opensAt.getTime()) {
    return { accepted: false, reason: 'not_open', opensAt: input.opensAt };
  }
  const { deadline, extended } = effectiveDeadline(input.deadline, input.extendedDeadline);
  const late = deadline !== null && now > deadline.getTime();
  if (late && input.latePolicy === 'refuse') {
    return { accepted: false, reason: 'late', deadline, extended };
  }
  return { accepted: true, late, deadline, extended };
}
