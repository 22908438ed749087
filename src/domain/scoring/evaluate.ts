/**
 * A unit's points and indexes from its final leaf scores. Pure: no I/O.
 *
 * How the numbers are built (every sum exact, in hundredths of a point):
 * - A scored leaf (regular, or survey: imported survey points enter like any other score) gives
 *   its score out of its maximum. A leaf "not applicable" to the unit gives nothing and takes its
 *   maximum out of the maximum of every ancestor: the applicable maximum.
 * - A regular or survey node adds up its regular and survey children (`points`), then adds its
 *   bonus children and subtracts its penalty children (each already cut to its cap):
 *   achieved = points + bonus − penalty, never below 0. The whole index is the same rule at a
 *   virtual root over the top-level nodes (the fields and the top-level adjustments).
 * - A bonus or penalty node is worth the sum of its children (or its own score for a leaf), cut
 *   to its cap (its maxPoints). A leaf score above its cap is an error, like any score above its
 *   maximum; a sum of children above the parent's cap is cut (`capped`).
 * - Index = achieved ÷ applicable maximum × 100, rounded half up to two decimals, for every
 *   node, per field and overall. Bonus and penalty points are points like the others, so with
 *   criteria not applicable they are rescaled with the rest: "points achieved ÷ maximum × 100",
 *   literally. With nothing not applicable and a 100-point index, a 3-point bonus adds 3.00.
 * - Above 100: the illustrative Vĩnh Long index sets give bonus points "ngoài 100 điểm" (on top
 *   of the 100 points), so by default a node's achieved points may exceed its applicable maximum
 *   and the index may exceed 100 (`allowAboveMaximum: true`). With `false`, every node's achieved
 *   points are cut to its applicable maximum (`capped`), so no index exceeds 100.
 * - A leaf without a score: by default an error (`missingScores: 'error'`), one problem per leaf,
 *   so that the secretariat sees every missing criterion. With `'zero'` it counts as 0 points and
 *   is listed in `missing` (and flagged on its node), so the secretariat still sees it.
 *   Bonus and penalty leaves are leaves like the others: a unit without bonus scores 0 there.
 */
import {
  hundredthsToPoints,
  indexHundredths,
  formatPointsVi,
  pointsToHundredths,
} from './decimal.js';
import { type Checked, numberVi, problem, type ScoringProblem } from './problems.js';
import { isScoredKind, type LeafScore, type ScoreNode, type ScoreTree } from './score-tree.js';
import type { CriterionKind, CriterionLevel } from '../words.js';

export interface EvaluationOptions {
  /** 'error' (default): a leaf without a score is a problem. 'zero': it counts as 0 points. */
  missingScores?: 'error' | 'zero';
  /**
   * true (default): bonus points may lift achieved points above the applicable maximum, so an
   * index may exceed 100. false: achieved points are cut to the applicable maximum at every node.
   */
  allowAboveMaximum?: boolean;
}

/** One node's result. Points are numbers with at most two decimals. */
export interface NodeScore {
  id: string;
  code: string;
  level: CriterionLevel;
  kind: CriterionKind;
  /** Điểm tối đa as the index set states it; for bonus and penalty, the cap. */
  maxPoints: number;
  /** Maximum of the criteria that apply to the unit; null for bonus and penalty nodes. */
  applicableMax: number | null;
  /**
   * Regular and survey: the leaf's score, or the sum of the regular and survey children.
   * Bonus and penalty: the leaf's score, or the sum of the children, before the cap.
   */
  points: number;
  /** Bonus points of the direct bonus children, each within its cap (0 for adjustments). */
  bonus: number;
  /** Penalty points of the direct penalty children, each within its cap (0 for adjustments). */
  penalty: number;
  /**
   * Regular and survey: points + bonus − penalty, at least 0 (and at most applicableMax when
   * allowAboveMaximum is false). Bonus and penalty: points cut to the cap (a penalty's achieved
   * points are the points it subtracts).
   */
  achieved: number;
  /** Achieved points were cut: to the cap (adjustments) or to the applicable maximum. */
  capped: boolean;
  /** points + bonus − penalty was below 0 and achieved was raised to 0. */
  floored: boolean;
  /** A leaf marked not applicable, or a node all of whose scored leaves are. */
  notApplicable: boolean;
  /** A leaf without a score, counted as 0 (only with missingScores: 'zero'). */
  missing: boolean;
  /** achieved ÷ applicableMax × 100 in hundredths (9831 = 98.31); null without an applicable maximum. */
  indexHundredths: number | null;
  /** The same index as a number (98.31); null without an applicable maximum. */
  index: number | null;
}

/** The whole index for the unit. */
export interface TotalScore {
  /** Sum of the maxima of the top-level regular and survey nodes (usually 100). */
  maxPoints: number;
  applicableMax: number;
  /** Sum of the top-level regular and survey nodes' achieved points. */
  points: number;
  /** Top-level bonus points, each within its cap. */
  bonus: number;
  /** Top-level penalty points, each within its cap. */
  penalty: number;
  achieved: number;
  capped: boolean;
  floored: boolean;
  /** The published index in hundredths: 9831 for 98.31. Ranking compares this. */
  indexHundredths: number;
  index: number;
}

export interface UnitScoreResult {
  /** Every node, in the tree's order. */
  nodes: NodeScore[];
  /** The top-level regular and survey nodes (the fields), in order. */
  fields: NodeScore[];
  /** The top-level bonus and penalty nodes, in order. */
  adjustments: NodeScore[];
  total: TotalScore;
  /** Codes of the leaves without a score that counted as 0 (missingScores: 'zero'), in order. */
  missing: string[];
}

/** Internal: one node's figures in hundredths. */
interface Figures {
  max: number;
  applicable: number;
  points: number;
  bonus: number;
  penalty: number;
  achieved: number;
  capped: boolean;
  floored: boolean;
  notApplicable: boolean;
  missing: boolean;
}

const SCORE_NAMES: Record<CriterionKind, { score: string; max: string }> = {
  regular: { score: 'điểm', max: 'điểm tối đa' },
  survey: { score: 'điểm', max: 'điểm tối đa' },
  bonus: { score: 'điểm thưởng', max: 'mức thưởng tối đa' },
  penalty: { score: 'điểm trừ', max: 'mức trừ tối đa' },
};

/** Checks one unit's leaf scores (keyed by node id) against the tree and computes its results. */
export function evaluateUnitScores(
  tree: ScoreTree,
  scores: ReadonlyMap<string, LeafScore>,
  options: EvaluationOptions = {},
): Checked<{ result: UnitScoreResult }> {
  const missingScores = options.missingScores ?? 'error';
  const allowAboveMaximum = options.allowAboveMaximum ?? true;
  const problems: ScoringProblem[] = [];

  // 1. Every leaf's score, checked.
  const leafScores = new Map<string, number | 'not_applicable' | 'missing'>();
  for (const leaf of tree.leaves) {
    const max = tree.maxHundredths.get(leaf.id) ?? 0;
    const score = scores.get(leaf.id);
    if (score === undefined) {
      leafScores.set(leaf.id, 'missing');
      if (missingScores === 'error') {
        problems.push(problem('missing_score', leaf.code, `Tiêu chí ${leaf.code}: chưa có điểm.`));
      }
      continue;
    }
    if (score === 'not_applicable') {
      leafScores.set(leaf.id, score);
      continue;
    }
    const names = SCORE_NAMES[leaf.kind];
    const hundredths = typeof score === 'number' ? pointsToHundredths(score) : null;
    if (hundredths === null) {
      problems.push(
        problem(
          'invalid_score',
          leaf.code,
          `Tiêu chí ${leaf.code}: ${names.score} ${numberVi(score)} không hợp lệ (phải là số, tối đa hai chữ số thập phân).`,
        ),
      );
      continue;
    }
    if (hundredths < 0 || hundredths > max) {
      problems.push(
        problem(
          'out_of_range',
          leaf.code,
          `Tiêu chí ${leaf.code}: ${names.score} ${numberVi(score)} nằm ngoài khoảng 0–${formatPointsVi(max)} (${names.max} ${formatPointsVi(max)}).`,
        ),
      );
      continue;
    }
    leafScores.set(leaf.id, hundredths);
  }
  for (const id of scores.keys()) {
    const node = tree.byId.get(id);
    if (!node) {
      problems.push(
        problem(
          'unknown_criterion',
          null,
          `Có điểm cho tiêu chí không thuộc bộ chỉ số (mã nút “${id}”).`,
        ),
      );
    } else if ((tree.children.get(id)?.length ?? 0) > 0) {
      problems.push(
        problem(
          'not_a_leaf',
          node.code,
          `Tiêu chí ${node.code} có tiêu chí con: chỉ chấm điểm các tiêu chí không có tiêu chí con.`,
        ),
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  // 2. Figures from the leaves up.
  const figures = new Map<string, Figures>();
  const leafFigures = (node: ScoreNode): Figures => {
    const max = tree.maxHundredths.get(node.id) ?? 0;
    const score = leafScores.get(node.id) ?? 'missing';
    const notApplicable = score === 'not_applicable';
    const points = typeof score === 'number' ? score : 0;
    return {
      max,
      applicable: notApplicable || !isScoredKind(node.kind) ? 0 : max,
      points,
      bonus: 0,
      penalty: 0,
      achieved: points, // within 0..max, checked above
      capped: false,
      floored: false,
      notApplicable,
      missing: score === 'missing',
    };
  };
  const compute = (node: ScoreNode): Figures => {
    const kids = tree.children.get(node.id) ?? [];
    const result =
      kids.length === 0
        ? leafFigures(node)
        : isScoredKind(node.kind)
          ? combine(
              kids.map((kid) => [kid, compute(kid)]),
              tree.maxHundredths.get(node.id) ?? 0,
            )
          : adjustment(
              kids.map((kid) => compute(kid)),
              tree.maxHundredths.get(node.id) ?? 0,
            );
    figures.set(node.id, result);
    return result;
  };
  const combine = (parts: [ScoreNode, Figures][], max: number): Figures => {
    let applicable = 0;
    let points = 0;
    let bonus = 0;
    let penalty = 0;
    let scoredParts = 0;
    let notApplicableParts = 0;
    for (const [kid, f] of parts) {
      if (kid.kind === 'bonus') bonus += f.achieved;
      else if (kid.kind === 'penalty') penalty += f.achieved;
      else {
        applicable += f.applicable;
        points += f.achieved;
        scoredParts += 1;
        if (f.notApplicable) notApplicableParts += 1;
      }
    }
    const raw = points + bonus - penalty;
    let achieved = Math.max(0, raw);
    const capped = !allowAboveMaximum && achieved > applicable;
    if (capped) achieved = applicable;
    return {
      max,
      applicable,
      points,
      bonus,
      penalty,
      achieved,
      capped,
      floored: raw < 0,
      notApplicable: scoredParts > 0 && notApplicableParts === scoredParts,
      missing: false,
    };
  };
  const adjustment = (parts: Figures[], cap: number): Figures => {
    const points = parts.reduce((sum, f) => sum + f.achieved, 0);
    return {
      max: cap,
      applicable: 0,
      points,
      bonus: 0,
      penalty: 0,
      achieved: Math.min(points, cap),
      capped: points > cap,
      floored: false,
      notApplicable: parts.length > 0 && parts.every((f) => f.notApplicable),
      missing: false,
    };
  };

  const rootMax = tree.roots
    .filter((root) => isScoredKind(root.kind))
    .reduce((sum, root) => sum + (tree.maxHundredths.get(root.id) ?? 0), 0);
  const total = combine(
    tree.roots.map((root) => [root, compute(root)]),
    rootMax,
  );
  if (total.applicable === 0) {
    return {
      ok: false,
      problems: [
        problem(
          'nothing_applicable',
          null,
          'Mọi tiêu chí đều không áp dụng cho đơn vị: không tính được Chỉ số CCHC.',
        ),
      ],
    };
  }

  // 3. Results in points.
  const nodes = tree.nodes.map((node) =>
    nodeScore(node, figures.get(node.id) ?? leafFigures(node)),
  );
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const pick = (keep: (node: ScoreNode) => boolean) =>
    tree.roots.filter(keep).flatMap((root) => byId.get(root.id) ?? []);
  const totalIndex = indexHundredths(total.achieved, total.applicable);
  return {
    ok: true,
    result: {
      nodes,
      fields: pick((root) => isScoredKind(root.kind)),
      adjustments: pick((root) => !isScoredKind(root.kind)),
      total: {
        maxPoints: hundredthsToPoints(total.max),
        applicableMax: hundredthsToPoints(total.applicable),
        points: hundredthsToPoints(total.points),
        bonus: hundredthsToPoints(total.bonus),
        penalty: hundredthsToPoints(total.penalty),
        achieved: hundredthsToPoints(total.achieved),
        capped: total.capped,
        floored: total.floored,
        indexHundredths: totalIndex,
        index: hundredthsToPoints(totalIndex),
      },
      missing: tree.leaves.filter((leaf) => figures.get(leaf.id)?.missing).map((leaf) => leaf.code),
    },
  };
}

function nodeScore(node: ScoreNode, f: Figures): NodeScore {
  const scored = isScoredKind(node.kind);
  const index = scored && f.applicable > 0 ? indexHundredths(f.achieved, f.applicable) : null;
  return {
    id: node.id,
    code: node.code,
    level: node.level,
    kind: node.kind,
    maxPoints: hundredthsToPoints(f.max),
    applicableMax: scored ? hundredthsToPoints(f.applicable) : null,
    points: hundredthsToPoints(f.points),
    bonus: hundredthsToPoints(f.bonus),
    penalty: hundredthsToPoints(f.penalty),
    achieved: hundredthsToPoints(f.achieved),
    capped: f.capped,
    floored: f.floored,
    notApplicable: f.notApplicable,
    missing: f.missing,
    indexHundredths: index,
    index: index === null ? null : hundredthsToPoints(index),
  };
}
