import {
  buildScoreTree,
  type LeafScore,
  type ScoreNode,
  type ScoreTree,
} from '../../../src/domain/scoring/index.js';
import { CRITERION_LEVELS, type CriterionKind } from '../../../src/domain/words.js';

/** A node whose id is its code and whose parent comes from the dotted code ("1.2" → "1"). */
export function node(code: string, kind: CriterionKind, maxPoints: number): ScoreNode {
  const parts = code.split('.');
  const level = CRITERION_LEVELS[parts.length - 1];
  if (!level) throw new Error(`too deep: ${code}`);
  return {
    id: code,
    parentId: parts.length > 1 ? parts.slice(0, -1).join('.') : null,
    code,
    level,
    kind,
    maxPoints,
  };
}

export function tree(nodes: ScoreNode[]): ScoreTree {
  const built = buildScoreTree(nodes);
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('\n'));
  return built.tree;
}

export function scores(entries: Record<string, LeafScore>): Map<string, LeafScore> {
  return new Map(Object.entries(entries));
}

/**
 * A small 100-point index with every kind of node:
 *
 *   1      field 40              2      field 60               3    bonus, cap 3
 *   1.1    criterion 20 (leaf)   2.1    criterion 30 (leaf)    3.1  bonus 2
 *   1.2    criterion 20          2.2    survey 30              3.2  bonus 2
 *   1.2.1  sub-criterion 12      2.2.1  survey 15              4    penalty, cap 3
 *   1.2.2  sub-criterion 8       2.2.2  survey 15              4.1  penalty 2
 *                                                              4.2  penalty 2
 */
export const SMALL_INDEX: ScoreNode[] = [
  node('1', 'regular', 40),
  node('1.1', 'regular', 20),
  node('1.2', 'regular', 20),
  node('1.2.1', 'regular', 12),
  node('1.2.2', 'regular', 8),
  node('2', 'regular', 60),
  node('2.1', 'regular', 30),
  node('2.2', 'survey', 30),
  node('2.2.1', 'survey', 15),
  node('2.2.2', 'survey', 15),
  node('3', 'bonus', 3),
  node('3.1', 'bonus', 2),
  node('3.2', 'bonus', 2),
  node('4', 'penalty', 3),
  node('4.1', 'penalty', 2),
  node('4.2', 'penalty', 2),
];

/** Scores of SMALL_INDEX giving 88.75 of 100 points, without bonus or penalty. */
export const BASE_SCORES: Record<string, LeafScore> = {
  '1.1': 18.5,
  '1.2.1': 10,
  '1.2.2': 7.25,
  '2.1': 27,
  '2.2.1': 12.4,
  '2.2.2': 13.6,
  '3.1': 0,
  '3.2': 0,
  '4.1': 0,
  '4.2': 0,
};
