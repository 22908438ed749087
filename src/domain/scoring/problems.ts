/**
 * What can be wrong with an index tree or with a unit's scores. Each problem has a machine kind,
 * the criterion code it is about (when there is one) and a message in Vietnamese for the
 * secretariat.
 */
export type ScoringProblemKind =
  // the index tree
  | 'duplicate_id'
  | 'unknown_parent'
  | 'cycle'
  | 'invalid_max'
  | 'max_mismatch'
  | 'kind_mismatch'
  | 'no_criteria'
  // a unit's scores
  | 'unknown_criterion'
  | 'not_a_leaf'
  | 'invalid_score'
  | 'out_of_range'
  | 'missing_score'
  | 'nothing_applicable'
  // survey imports
  | 'not_a_survey_leaf'
  | 'survey_leaf_scored';

export interface ScoringProblem {
  kind: ScoringProblemKind;
  /** The criterion's code ("1.2.3"); null when the problem is not about one criterion. */
  criterionCode: string | null;
  /** In Vietnamese, for the secretariat. */
  message: string;
}

/** Outcome of a check that either yields a value or lists every problem found. */
export type Checked<T> = ({ ok: true } & T) | { ok: false; problems: ScoringProblem[] };

export function problem(
  kind: ScoringProblemKind,
  criterionCode: string | null,
  message: string,
): ScoringProblem {
  return { kind, criterionCode, message };
}

/** A number as Vietnamese text writes it: 2.5 → "2,5". */
export function numberVi(value: number): string {
  return String(value).replace('.', ',');
}
