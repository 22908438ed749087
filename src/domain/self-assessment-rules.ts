/**
 * Rules for a unit's self-scores, independent of storage. Pure: no I/O.
 *
 * - A score lies in 0..max of its criterion, with at most two decimals (points are kept as
 *   numeric(7,2); for a penalty criterion it is the number of points subtracted, up to its cap).
 * - A submit needs every self-scored leaf either scored or marked not applicable, and a scored
 *   leaf that requires evidence needs at least one evidence file. A leaf marked not applicable
 *   has no score to back, so it needs none.
 */

export interface LeafRule {
  code: string;
  maxPoints: number;
  evidenceRequired: boolean;
}

export interface LeafAnswer {
  score: number | null;
  notApplicable: boolean;
  evidenceIds: readonly string[];
}

/** Why a score is not acceptable for the criterion, or null when it is. */
export function scoreProblem(code: string, score: number, maxPoints: number): string | null {
  if (!Number.isFinite(score)) return `Tiêu chí ${code}: điểm phải là một số hữu hạn`;
  if (score < 0 || score > maxPoints) {
    return `Tiêu chí ${code}: điểm ${score} nằm ngoài khoảng 0..${maxPoints} (điểm tối đa là ${maxPoints})`;
  }
  // Two decimals at most: 1.25 is fine, 1.255 is not (allowing for binary floating point).
  if (Math.abs(score * 100 - Math.round(score * 100)) > 1e-6) {
    return `Tiêu chí ${code}: điểm ${score} có quá hai chữ số thập phân`;
  }
  return null;
}

export interface Completeness {
  /** Leaves with neither a score nor "not applicable". */
  missing: string[];
  /** Scored leaves that require evidence and have none. */
  missingEvidence: string[];
}

/** What still stands between these answers and a submit, in the order of `leaves`. */
export function completeness(
  leaves: readonly LeafRule[],
  answers: ReadonlyMap<string, LeafAnswer>,
): Completeness {
  const missing: string[] = [];
  const missingEvidence: string[] = [];
  for (const leaf of leaves) {
    const answer = answers.get(leaf.code);
    if (!answer || (answer.score === null && !answer.notApplicable)) {
      missing.push(leaf.code);
      continue;
    }
    if (leaf.evidenceRequired && !answer.notApplicable && answer.evidenceIds.length === 0) {
      missingEvidence.push(leaf.code);
    }
  }
  return { missing, missingEvidence };
}

/** Compares hierarchical codes part by part, numbers as numbers: "1.2" < "1.10" < "2". */
export function compareCriterionCodes(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) {
      if (nx !== ny) return nx - ny;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}
