import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildScoreTree, type ScoreNode } from '../../../src/domain/scoring/index.js';
import type { CriterionKind, CriterionLevel } from '../../../src/domain/words.js';
import { node, SMALL_INDEX } from './fixtures.js';

const problemsOf = (nodes: ScoreNode[]) => {
  const built = buildScoreTree(nodes);
  return built.ok ? [] : built.problems.map((p) => [p.kind, p.criterionCode, p.message]);
};

describe('buildScoreTree', () => {
  it('uses the kinds and levels of the domain words', () => {
    expectTypeOf<ScoreNode['kind']>().toEqualTypeOf<CriterionKind>();
    expectTypeOf<ScoreNode['level']>().toEqualTypeOf<CriterionLevel>();
  });

  it('indexes a valid tree: roots, children and leaves in the order given', () => {
    const built = buildScoreTree(SMALL_INDEX);
    if (!built.ok) throw new Error('expected a valid tree');
    const { tree } = built;
    expect(tree.roots.map((n) => n.code)).toEqual(['1', '2', '3', '4']);
    expect(tree.children.get('1.2')?.map((n) => n.code)).toEqual(['1.2.1', '1.2.2']);
    expect(tree.leaves.map((n) => n.code)).toEqual([
      '1.1',
      '1.2.1',
      '1.2.2',
      '2.1',
      '2.2.1',
      '2.2.2',
      '3.1',
      '3.2',
      '4.1',
      '4.2',
    ]);
    expect(tree.maxHundredths.get('1.2.2')).toBe(800);
  });

  it('lets bonus and penalty children come on top of a field', () => {
    // field 1 = 6 + 4 = 10; the bonus 1.3 is not part of the 10
    expect(
      problemsOf([
        node('1', 'regular', 10),
        node('1.1', 'regular', 6),
        node('1.2', 'regular', 4),
        node('1.3', 'bonus', 1),
      ]),
    ).toEqual([]);
  });

  it('refuses a maximum that is not the sum of the children', () => {
    expect(
      problemsOf([node('1', 'regular', 12), node('1.1', 'regular', 6), node('1.2', 'survey', 5.5)]),
    ).toEqual([
      [
        'max_mismatch',
        '1',
        'Tiêu chí 1: điểm tối đa 12 khác tổng điểm tối đa của các tiêu chí con (11,5).',
      ],
    ]);
  });

  it('refuses a regular child under a bonus or penalty node', () => {
    expect(
      problemsOf([
        node('1', 'regular', 10),
        node('2', 'bonus', 3),
        node('2.1', 'regular', 3),
        node('3', 'penalty', 3),
        node('3.1', 'bonus', 3),
      ]),
    ).toEqual([
      [
        'kind_mismatch',
        '2.1',
        'Tiêu chí 2.1: là tiêu chí con của mục điểm thưởng 2 nên cũng phải là điểm thưởng.',
      ],
      [
        'kind_mismatch',
        '3.1',
        'Tiêu chí 3.1: là tiêu chí con của mục điểm trừ 3 nên cũng phải là điểm trừ.',
      ],
    ]);
  });

  it('refuses duplicate ids, unknown parents, bad maxima and cycles', () => {
    const cycleA: ScoreNode = { ...node('7', 'regular', 1), parentId: '8' };
    const cycleB: ScoreNode = { ...node('8', 'regular', 1), parentId: '7' };
    expect(
      problemsOf([
        node('1', 'regular', 10),
        node('1', 'regular', 10),
        node('5.1', 'regular', 1),
        node('6', 'regular', -1),
        node('9', 'regular', 0.125),
        cycleA,
        cycleB,
      ]),
    ).toEqual([
      ['duplicate_id', '1', 'Tiêu chí 1: mã nút “1” bị trùng.'],
      [
        'invalid_max',
        '6',
        'Tiêu chí 6: điểm tối đa -1 không hợp lệ (phải là số không âm, tối đa hai chữ số thập phân).',
      ],
      [
        'invalid_max',
        '9',
        'Tiêu chí 9: điểm tối đa 0,125 không hợp lệ (phải là số không âm, tối đa hai chữ số thập phân).',
      ],
      ['unknown_parent', '5.1', 'Tiêu chí 5.1: không tìm thấy tiêu chí cha (mã nút “5”).'],
      ['cycle', '7', 'Tiêu chí 7: chuỗi tiêu chí cha có vòng lặp, không dẫn tới lĩnh vực nào.'],
      ['cycle', '8', 'Tiêu chí 8: chuỗi tiêu chí cha có vòng lặp, không dẫn tới lĩnh vực nào.'],
    ]);
  });

  it('refuses an index without any scored field', () => {
    expect(problemsOf([node('1', 'bonus', 3)])).toEqual([
      ['no_criteria', null, 'Bộ chỉ số không có lĩnh vực nào được chấm điểm.'],
    ]);
    expect(problemsOf([])).toEqual([
      ['no_criteria', null, 'Bộ chỉ số không có lĩnh vực nào được chấm điểm.'],
    ]);
  });
});
