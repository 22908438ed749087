/**
 * Which appraised score counts (step 8, tổng hợp kết quả thẩm định lần 2). Pure: no I/O.
 *
 * Round 2 re-scores only the criteria a unit was asked to explain, so the final appraised score
 * of a leaf is its round-2 score where there is one, else its round-1 score; a council decision
 * on the leaf (step 9) overrides both.
 */
import type { LeafScore } from '../scoring/score-tree.js';

export interface EnteredScore {
  score: number | null;
  notApplicable: boolean;
}

/** An entered score as the scoring module reads it. */
export function asLeafScore(entered: EnteredScore): LeafScore {
  return entered.notApplicable || entered.score === null ? 'not_applicable' : entered.score;
}

/** The final appraised score, or undefined when the leaf has none at all. */
export function finalAppraisedScore(
  round1: EnteredScore | undefined,
  round2: EnteredScore | undefined,
  council?: EnteredScore,
): LeafScore | undefined {
  const decisive = council ?? round2 ?? round1;
  return decisive ? asLeafScore(decisive) : undefined;
}
