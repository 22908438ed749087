import { describe, expect, it } from 'vitest';
import {
  buildScoreTree,
  evaluateUnitScores,
  type LeafScore,
  type ScoreNode,
  type ScoreTree,
} from '../../../src/domain/scoring/index.js';
import { flattenCriteria, INDEX_SETS } from '../../../src/seed/vinh-long-2021.js';

/** The seeded (illustrative) index sets as score trees: ids are the codes. */
function seedTree(group: string): ScoreTree {
  const set = INDEX_SETS.find((s) => s.group === group);
  if (!set) throw new Error(`no index set for ${group}`);
  const nodes: ScoreNode[] = flattenCriteria([...set.fields, ...set.adjustments]).map((c) => ({
    id: c.code,
    parentId: c.code.includes('.') ? c.code.slice(0, c.code.lastIndexOf('.')) : null,
    code: c.code,
    level: c.level,
    kind: c.kind,
    maxPoints: c.maxPoints,
  }));
  const built = buildScoreTree(nodes);
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('\n'));
  return built.tree;
}

/** Every scored leaf at its maximum, adjustments at 0, then the overrides. */
function fullMarks(tree: ScoreTree, overrides: Record<string, LeafScore> = {}) {
  const entries = new Map<string, LeafScore>(
    tree.leaves.map((leaf) => [
      leaf.id,
      leaf.kind === 'bonus' || leaf.kind === 'penalty' ? 0 : leaf.maxPoints,
    ]),
  );
  for (const [code, score] of Object.entries(overrides)) entries.set(code, score);
  const outcome = evaluateUnitScores(tree, entries);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  return outcome.result;
}

describe.each(['department', 'district'])('the seeded %s index set', (group) => {
  const tree = seedTree(group);

  it('is a valid score tree of 8 fields and 100 points, with bonus 9 and penalty 10', () => {
    const result = fullMarks(tree);
    expect(result.fields).toHaveLength(8);
    expect(result.adjustments.map((a) => [a.code, a.kind, a.maxPoints])).toEqual([
      ['9', 'bonus', 3],
      ['10', 'penalty', 3],
    ]);
    expect(result.total).toMatchObject({ maxPoints: 100, achieved: 100, indexHundredths: 10000 });
    expect(result.fields.every((f) => f.indexHundredths === 10000)).toBe(true);
  });

  it('gives 103.00 with full marks and the 3 bonus points "ngoài 100 điểm"', () => {
    expect(fullMarks(tree, { '9': 3 }).total.indexHundredths).toBe(10300);
    // with 1.5 penalty points as well: 101.50
    expect(fullMarks(tree, { '9': 3, '10': 1.5 }).total.indexHundredths).toBe(10150);
  });

  it('rescales when a criterion does not apply: full marks elsewhere still give 100.00', () => {
    const firstLeaf = tree.leaves[0];
    if (!firstLeaf) throw new Error('no leaves');
    const result = fullMarks(tree, { [firstLeaf.id]: 'not_applicable' });
    expect(result.total).toMatchObject({
      applicableMax: 100 - firstLeaf.maxPoints,
      indexHundredths: 10000,
    });
  });
});
