/**
 * The aggregation of round 1 (step 5, tổng hợp lần 1): which criteria a unit is asked to explain.
 * Pure: no I/O.
 *
 * A leaf is proposed when
 * - its round-1 score is worse for the unit than its self-score: lower for a regular or bonus
 *   leaf, higher for a penalty leaf (a penalty's score is the points taken away), or the
 *   appraiser found "not applicable" a criterion the unit scored with points; or
 * - it requires evidence and the unit's submitted self-assessment gives none (nor marks it not
 *   applicable), whatever the scores.
 * A leaf without a round-1 score is not compared: it is listed apart so the secretariat sees that
 * round 1 is unfinished.
 *
 * Two wordings: the `reason` the unit reads (stored, mailed, shown to the unit) names the grounds
 * without the appraised score, for no score reaches a unit before the results are announced; the
 * `finding` for staff compares the scores.
 */
import { formatPointsVi, pointsToHundredths } from '../scoring/decimal.js';

export type ProposalGround = 'below_self_score' | 'missing_evidence';

export interface ProposalLeaf {
  code: string;
  kind: 'regular' | 'bonus' | 'penalty';
  evidenceRequired: boolean;
}

export interface SelfAnswer {
  score: number | null;
  notApplicable: boolean;
  evidenceCount: number;
}

export interface RoundAnswer {
  score: number | null;
  notApplicable: boolean;
}

export interface ExplanationProposal {
  code: string;
  grounds: ProposalGround[];
  /** In Vietnamese, as the unit will read it: no appraised score in it. */
  reason: string;
  /** In Vietnamese, for staff: the same grounds with the scores compared. */
  finding: string;
}

export interface ProposalOutcome {
  proposals: ExplanationProposal[];
  /** Leaves without a round-1 score, in the order given. */
  notAppraised: string[];
}

const points = (value: number): string => formatPointsVi(pointsToHundredths(value) ?? 0);

function scoreText(answer: RoundAnswer): string {
  return answer.notApplicable ? 'không áp dụng' : `${points(answer.score ?? 0)} điểm`;
}

/** One sentence: "…; thiếu tài liệu kiểm chứng …." */
function sentence(parts: string[]): string {
  return `${parts.map((r, i) => (i === 0 ? r : r.charAt(0).toLowerCase() + r.slice(1))).join('; ')}.`;
}

/** Worse for the unit in round 1 than in its self-assessment. */
function worseThanSelf(leaf: ProposalLeaf, self: SelfAnswer, round1: RoundAnswer): boolean {
  if (self.notApplicable || self.score === null) return false;
  if (round1.notApplicable) return leaf.kind !== 'penalty' && self.score > 0;
  const own = pointsToHundredths(self.score) ?? 0;
  const appraised = pointsToHundredths(round1.score ?? 0) ?? 0;
  return leaf.kind === 'penalty' ? appraised > own : appraised < own;
}

/** Proposals for one unit, in the order of `leaves` (the index set's order). */
export function proposeExplanations(
  leaves: readonly ProposalLeaf[],
  self: ReadonlyMap<string, SelfAnswer>,
  round1: ReadonlyMap<string, RoundAnswer>,
): ProposalOutcome {
  const proposals: ExplanationProposal[] = [];
  const notAppraised: string[] = [];
  for (const leaf of leaves) {
    const own = self.get(leaf.code);
    const appraised = round1.get(leaf.code);
    if (!appraised) notAppraised.push(leaf.code);
    const grounds: ProposalGround[] = [];
    const forUnit: string[] = [];
    const forStaff: string[] = [];
    if (appraised && own && worseThanSelf(leaf, own, appraised)) {
      grounds.push('below_self_score');
      forUnit.push(
        leaf.kind === 'penalty'
          ? 'Kết quả thẩm định lần 1 có mức điểm trừ khác với mức đơn vị tự trừ'
          : 'Kết quả thẩm định lần 1 chưa công nhận đủ điểm đơn vị tự chấm',
      );
      forStaff.push(
        appraised.notApplicable
          ? `Thẩm định lần 1 xác định tiêu chí không áp dụng đối với đơn vị, trong khi đơn vị tự chấm ${scoreText(own)}`
          : leaf.kind === 'penalty'
            ? `Điểm trừ thẩm định lần 1 (${scoreText(appraised)}) cao hơn điểm đơn vị tự trừ (${scoreText(own)})`
            : `Điểm thẩm định lần 1 (${scoreText(appraised)}) thấp hơn điểm đơn vị tự chấm (${scoreText(own)})`,
      );
    }
    if (leaf.evidenceRequired && !own?.notApplicable && (own?.evidenceCount ?? 0) === 0) {
      grounds.push('missing_evidence');
      const missing = 'Thiếu tài liệu kiểm chứng theo yêu cầu của tiêu chí';
      forUnit.push(missing);
      forStaff.push(missing);
    }
    if (grounds.length > 0) {
      proposals.push({
        code: leaf.code,
        grounds,
        reason: sentence(forUnit),
        finding: sentence(forStaff),
      });
    }
  }
  return { proposals, notAppraised };
}
