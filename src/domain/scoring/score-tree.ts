/**
 * An index set as a tree to score: field (lĩnh vực) → criterion (tiêu chí) → sub-criterion (tiêu
 * chí thành phần). Pure: no I/O, no dependency on the entities; levels and kinds are the domain
 * words `CriterionLevel` and `CriterionKind`.
 *
 * Rules checked by `buildScoreTree`, as the index set import states them:
 * - ids are unique, every parent exists, there is no cycle;
 * - every maximum is a number ≥ 0 with at most two decimals;
 * - a regular or survey node with children has as maximum the sum of the maxima of its regular
 *   and survey children (bonus and penalty children come on top of it);
 * - a bonus (penalty) node's maximum is its cap, and its children are bonus (penalty) nodes;
 * - there is at least one regular or survey node at the top (the fields).
 * A node may be a leaf at any level; leaves are what units and appraisers score.
 */
import { pointsToHundredths } from './decimal.js';
import { type Checked, numberVi, problem, type ScoringProblem } from './problems.js';
import type { CriterionKind, CriterionLevel } from '../words.js';

export interface ScoreNode {
  id: string;
  parentId: string | null;
  /** "1", "1.2", "1.2.3": named in every problem. */
  code: string;
  level: CriterionLevel;
  kind: CriterionKind;
  /** Điểm tối đa; for a bonus or penalty node, its cap. */
  maxPoints: number;
}

/** A leaf's final score for one unit, or "not applicable" to that unit. */
export type LeafScore = number | 'not_applicable';

/** A checked tree, built once per index set and used for every unit. */
export interface ScoreTree {
  /** In the order given (the index set's order). */
  readonly nodes: readonly ScoreNode[];
  readonly byId: ReadonlyMap<string, ScoreNode>;
  /** Children of each node, in the order given; leaves have an empty list. */
  readonly children: ReadonlyMap<string, readonly ScoreNode[]>;
  readonly roots: readonly ScoreNode[];
  /** Leaves in the order given. */
  readonly leaves: readonly ScoreNode[];
  /** Maximum (or cap) of each node in hundredths. */
  readonly maxHundredths: ReadonlyMap<string, number>;
}

/** Nodes whose points add up to the index (as opposed to bonus and penalty adjustments). */
export function isScoredKind(kind: CriterionKind): kind is 'regular' | 'survey' {
  return kind === 'regular' || kind === 'survey';
}

const ADJUSTMENT_NAMES = { bonus: 'điểm thưởng', penalty: 'điểm trừ' } as const;

/** Checks the nodes of an index set and indexes them for scoring; lists every problem found. */
export function buildScoreTree(nodes: readonly ScoreNode[]): Checked<{ tree: ScoreTree }> {
  const problems: ScoringProblem[] = [];
  const byId = new Map<string, ScoreNode>();
  const children = new Map<string, ScoreNode[]>();
  const maxHundredths = new Map<string, number>();

  for (const node of nodes) {
    if (byId.has(node.id)) {
      problems.push(
        problem('duplicate_id', node.code, `Tiêu chí ${node.code}: mã nút “${node.id}” bị trùng.`),
      );
      continue;
    }
    byId.set(node.id, node);
    children.set(node.id, []);
    const max = pointsToHundredths(node.maxPoints);
    if (max === null || max < 0) {
      problems.push(
        problem(
          'invalid_max',
          node.code,
          `Tiêu chí ${node.code}: điểm tối đa ${numberVi(node.maxPoints)} không hợp lệ (phải là số không âm, tối đa hai chữ số thập phân).`,
        ),
      );
    }
    maxHundredths.set(node.id, max ?? 0);
  }

  const roots: ScoreNode[] = [];
  for (const node of byId.values()) {
    if (node.parentId === null) {
      roots.push(node);
      continue;
    }
    const siblings = children.get(node.parentId);
    if (!siblings) {
      problems.push(
        problem(
          'unknown_parent',
          node.code,
          `Tiêu chí ${node.code}: không tìm thấy tiêu chí cha (mã nút “${node.parentId}”).`,
        ),
      );
      continue;
    }
    siblings.push(node);
  }

  // Every node must reach a root; a node that does not is on (or under) a cycle.
  const reachesRoot = new Map<string, boolean>();
  for (const node of byId.values()) {
    const path: ScoreNode[] = [];
    const onPath = new Set<string>();
    let current: ScoreNode | undefined = node;
    let verdict = false;
    while (current) {
      const known = reachesRoot.get(current.id);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      if (onPath.has(current.id)) break; // a cycle
      if (current.parentId === null) {
        verdict = true;
        path.push(current);
        break;
      }
      path.push(current);
      onPath.add(current.id);
      current = byId.get(current.parentId);
      if (!current) verdict = true; // unknown parent: reported above, not a cycle
    }
    for (const step of path) reachesRoot.set(step.id, verdict);
    if (!verdict) {
      problems.push(
        problem(
          'cycle',
          node.code,
          `Tiêu chí ${node.code}: chuỗi tiêu chí cha có vòng lặp, không dẫn tới lĩnh vực nào.`,
        ),
      );
    }
  }

  for (const node of byId.values()) {
    const kids = children.get(node.id) ?? [];
    if (kids.length === 0) continue;
    if (isScoredKind(node.kind)) {
      const scoredKids = kids.filter((kid) => isScoredKind(kid.kind));
      if (scoredKids.length > 0) {
        const sum = scoredKids.reduce((total, kid) => total + (maxHundredths.get(kid.id) ?? 0), 0);
        const own = maxHundredths.get(node.id) ?? 0;
        if (sum !== own) {
          problems.push(
            problem(
              'max_mismatch',
              node.code,
              `Tiêu chí ${node.code}: điểm tối đa ${numberVi(own / 100)} khác tổng điểm tối đa của các tiêu chí con (${numberVi(sum / 100)}).`,
            ),
          );
        }
      }
    } else {
      for (const kid of kids.filter((k) => k.kind !== node.kind)) {
        problems.push(
          problem(
            'kind_mismatch',
            kid.code,
            `Tiêu chí ${kid.code}: là tiêu chí con của mục ${ADJUSTMENT_NAMES[node.kind]} ${node.code} nên cũng phải là ${ADJUSTMENT_NAMES[node.kind]}.`,
          ),
        );
      }
    }
  }

  if (!roots.some((root) => isScoredKind(root.kind))) {
    problems.push(problem('no_criteria', null, 'Bộ chỉ số không có lĩnh vực nào được chấm điểm.'));
  }

  if (problems.length > 0) return { ok: false, problems };
  const leaves = [...byId.values()].filter((node) => children.get(node.id)?.length === 0);
  return {
    ok: true,
    tree: { nodes: [...byId.values()], byId, children, roots, leaves, maxHundredths },
  };
}
