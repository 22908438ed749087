import { describe, expect, it } from 'vitest';
import {
  evaluateUnitScores,
  type EvaluationOptions,
  type LeafScore,
  type NodeScore,
  type ScoreTree,
  type UnitScoreResult,
} from '../../../src/domain/scoring/index.js';
import { BASE_SCORES, node, scores, SMALL_INDEX, tree } from './fixtures.js';

const small = tree(SMALL_INDEX);

function evaluate(
  t: ScoreTree,
  entries: Record<string, LeafScore>,
  options?: EvaluationOptions,
): UnitScoreResult {
  const outcome = evaluateUnitScores(t, scores(entries), options);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  return outcome.result;
}

function problemsOf(t: ScoreTree, entries: Record<string, LeafScore>, options?: EvaluationOptions) {
  const outcome = evaluateUnitScores(t, scores(entries), options);
  if (outcome.ok) throw new Error('expected problems');
  return outcome.problems;
}

const at = (result: UnitScoreResult, code: string): NodeScore => {
  const found = result.nodes.find((n) => n.code === code);
  if (!found) throw new Error(`no node ${code}`);
  return found;
};

/** Every leaf of SMALL_INDEX at its maximum: 100 of 100 points. */
const FULL_MARKS: Record<string, LeafScore> = {
  ...BASE_SCORES,
  '1.1': 20,
  '1.2.1': 12,
  '1.2.2': 8,
  '2.1': 30,
  '2.2.1': 15,
  '2.2.2': 15,
};

describe('totals', () => {
  it('adds leaves up to criteria, fields and the whole index, with indexes half up', () => {
    const result = evaluate(small, BASE_SCORES);
    // 1.2 = 10 + 7.25 = 17.25 of 20 → 86.25
    expect(at(result, '1.2')).toMatchObject({
      points: 17.25,
      achieved: 17.25,
      applicableMax: 20,
      indexHundredths: 8625,
      index: 86.25,
    });
    // leaf 1.2.1: 10 of 12 = 83.333… → 83.33; leaf 1.2.2: 7.25 of 8 = 90.625 → 90.63 (half up)
    expect(at(result, '1.2.1').index).toBe(83.33);
    expect(at(result, '1.2.2').index).toBe(90.63);
    // field 1 = 18.5 + 17.25 = 35.75 of 40 = 89.375 → 89.38 (half up)
    // field 2 = 27 + (12.4 + 13.6) = 53 of 60 = 88.333… → 88.33; survey 2.2 = 26 of 30 → 86.67
    expect(result.fields.map((f) => [f.code, f.achieved, f.maxPoints, f.index])).toEqual([
      ['1', 35.75, 40, 89.38],
      ['2', 53, 60, 88.33],
    ]);
    expect(at(result, '2.2')).toMatchObject({ kind: 'survey', achieved: 26, index: 86.67 });
    // total = 35.75 + 53 = 88.75 of 100 → 88.75
    expect(result.total).toEqual({
      maxPoints: 100,
      applicableMax: 100,
      points: 88.75,
      bonus: 0,
      penalty: 0,
      achieved: 88.75,
      capped: false,
      floored: false,
      indexHundredths: 8875,
      index: 88.75,
    });
    expect(result.adjustments.map((a) => [a.code, a.kind, a.achieved, a.index])).toEqual([
      ['3', 'bonus', 0, null],
      ['4', 'penalty', 0, null],
    ]);
    expect(result.missing).toEqual([]);
    expect(result.nodes.map((n) => n.code)).toEqual(SMALL_INDEX.map((n) => n.code));
  });

  it('keeps sums exact in hundredths (no 0.1 + 0.2 artefacts)', () => {
    const t = tree([
      node('1', 'regular', 0.3),
      node('1.1', 'regular', 0.1),
      node('1.2', 'regular', 0.2),
    ]);
    // 0.1 + 0.2 = 0.30 of 0.30 → 100.00 (in doubles 0.1 + 0.2 = 0.30000000000000004)
    const result = evaluate(t, { '1.1': 0.1, '1.2': 0.2 });
    expect(result.total).toMatchObject({ achieved: 0.3, indexHundredths: 10000 });
  });

  it('rounds the published index half up: 196.61 of 200 → 98.31; 69 of 100 → 69.00', () => {
    const t200 = tree([node('1', 'regular', 200)]);
    // 196.61 / 200 × 100 = 98.305 → 98.31
    expect(evaluate(t200, { '1': 196.61 }).total.indexHundredths).toBe(9831);
    // 2.01 / 200 × 100 = 1.005 → 1.01 (a naive double computation gives 1.00)
    expect(evaluate(t200, { '1': 2.01 }).total.indexHundredths).toBe(101);
    const t100 = tree([node('1', 'regular', 100)]);
    expect(evaluate(t100, { '1': 69 }).total).toMatchObject({ indexHundredths: 6900, index: 69 });
    expect(evaluate(t100, { '1': 98.3 }).total.indexHundredths).toBe(9830);
  });
});

describe('criteria not applicable: rescaling', () => {
  it('takes a not-applicable leaf out of the maximum of every ancestor', () => {
    const result = evaluate(small, { ...BASE_SCORES, '1.2.1': 'not_applicable' });
    expect(at(result, '1.2.1')).toMatchObject({
      notApplicable: true,
      applicableMax: 0,
      achieved: 0,
      index: null,
    });
    // 1.2: 7.25 of 8 (20 − 12) = 90.625 → 90.63
    expect(at(result, '1.2')).toMatchObject({ maxPoints: 20, applicableMax: 8, index: 90.63 });
    // field 1: 18.5 + 7.25 = 25.75 of 28 (40 − 12) = 91.964… → 91.96
    expect(at(result, '1')).toMatchObject({ maxPoints: 40, applicableMax: 28, index: 91.96 });
    // total: 25.75 + 53 = 78.75 of 88 (100 − 12) = 89.488… → 89.49
    expect(result.total).toMatchObject({
      maxPoints: 100,
      applicableMax: 88,
      achieved: 78.75,
      indexHundredths: 8949,
    });
  });

  it('marks a criterion whose leaves are all not applicable, and it has no index', () => {
    const result = evaluate(small, {
      ...BASE_SCORES,
      '1.2.1': 'not_applicable',
      '1.2.2': 'not_applicable',
    });
    expect(at(result, '1.2')).toMatchObject({ notApplicable: true, applicableMax: 0, index: null });
    // field 1: 18.5 of 20 → 92.50; total: 18.5 + 53 = 71.5 of 80 = 89.375 → 89.38
    expect(at(result, '1')).toMatchObject({ notApplicable: false, index: 92.5 });
    expect(result.total).toMatchObject({
      applicableMax: 80,
      achieved: 71.5,
      indexHundredths: 8938,
    });
  });

  it('refuses a unit to which nothing applies', () => {
    const t = tree([node('1', 'regular', 10), node('2', 'bonus', 1)]);
    expect(problemsOf(t, { '1': 'not_applicable', '2': 1 })).toEqual([
      {
        kind: 'nothing_applicable',
        criterionCode: null,
        message: 'Mọi tiêu chí đều không áp dụng cho đơn vị: không tính được Chỉ số CCHC.',
      },
    ]);
  });

  it('lets a bonus or penalty leaf be not applicable: it counts 0 and changes no maximum', () => {
    const result = evaluate(small, { ...BASE_SCORES, '3.1': 'not_applicable', '3.2': 1 });
    expect(at(result, '3.1')).toMatchObject({ notApplicable: true, achieved: 0 });
    // 88.75 + 1 = 89.75 of 100
    expect(result.total).toMatchObject({ applicableMax: 100, bonus: 1, indexHundredths: 8975 });
  });
});

describe('survey points', () => {
  it('enter like other leaf scores and count towards their field', () => {
    const result = evaluate(small, { ...BASE_SCORES, '2.2.1': 15, '2.2.2': 'not_applicable' });
    // 2.2: 15 of 15 → 100.00; field 2: 27 + 15 = 42 of 45 → 93.33
    // total: 35.75 + 42 = 77.75 of 85 = 91.470… → 91.47
    expect(at(result, '2.2')).toMatchObject({ applicableMax: 15, index: 100 });
    expect(at(result, '2')).toMatchObject({ achieved: 42, applicableMax: 45, index: 93.33 });
    expect(result.total.indexHundredths).toBe(9147);
  });
});

describe('bonus and penalty', () => {
  it('adds bonus and subtracts penalty within their caps', () => {
    // bonus 1.5 + 0.5 = 2 (cap 3); penalty 1 + 0.5 = 1.5 (cap 3)
    // total: 88.75 + 2 − 1.5 = 89.25 of 100 → 89.25
    const result = evaluate(small, {
      ...BASE_SCORES,
      '3.1': 1.5,
      '3.2': 0.5,
      '4.1': 1,
      '4.2': 0.5,
    });
    expect(at(result, '3')).toMatchObject({ points: 2, achieved: 2, capped: false });
    expect(at(result, '4')).toMatchObject({ points: 1.5, achieved: 1.5, capped: false });
    expect(result.total).toMatchObject({
      points: 88.75,
      bonus: 2,
      penalty: 1.5,
      achieved: 89.25,
      indexHundredths: 8925,
    });
  });

  it('cuts bonus over its cap: 2 + 2 = 4 counts 3', () => {
    // total: 88.75 + 3 = 91.75
    const result = evaluate(small, { ...BASE_SCORES, '3.1': 2, '3.2': 2 });
    expect(at(result, '3')).toMatchObject({ maxPoints: 3, points: 4, achieved: 3, capped: true });
    expect(result.total).toMatchObject({ bonus: 3, achieved: 91.75, indexHundredths: 9175 });
  });

  it('cuts penalty over its cap: 2 + 2 = 4 subtracts 3', () => {
    // total: 88.75 − 3 = 85.75
    const result = evaluate(small, { ...BASE_SCORES, '4.1': 2, '4.2': 2 });
    expect(at(result, '4')).toMatchObject({ points: 4, achieved: 3, capped: true });
    expect(result.total).toMatchObject({ penalty: 3, achieved: 85.75, indexHundredths: 8575 });
  });

  it('refuses a leaf score above its own cap, naming the criterion', () => {
    const t = tree([node('1', 'regular', 10), node('2', 'bonus', 1), node('3', 'penalty', 2)]);
    expect(problemsOf(t, { '1': 5, '2': 1.5, '3': 2.5 })).toEqual([
      {
        kind: 'out_of_range',
        criterionCode: '2',
        message: 'Tiêu chí 2: điểm thưởng 1,5 nằm ngoài khoảng 0–1 (mức thưởng tối đa 1).',
      },
      {
        kind: 'out_of_range',
        criterionCode: '3',
        message: 'Tiêu chí 3: điểm trừ 2,5 nằm ngoài khoảng 0–2 (mức trừ tối đa 2).',
      },
    ]);
  });

  it('never lets the total go below 0', () => {
    const zeros = Object.fromEntries(Object.keys(FULL_MARKS).map((code) => [code, 0]));
    // 0 + 0 − 2 = −2 → 0.00
    const result = evaluate(small, { ...zeros, '4.1': 2 });
    expect(result.total).toMatchObject({
      points: 0,
      penalty: 2,
      achieved: 0,
      floored: true,
      indexHundredths: 0,
    });
  });

  it('lets bonus lift the index above 100 by default (bonus is "ngoài 100 điểm")', () => {
    // 100 + 3 (2 + 2 cut to 3) = 103 of 100 → 103.00
    const result = evaluate(small, { ...FULL_MARKS, '3.1': 2, '3.2': 2 });
    expect(result.total).toMatchObject({ achieved: 103, capped: false, indexHundredths: 10300 });
    // with a penalty of 1 as well: 100 + 3 − 1 = 102.00
    expect(
      evaluate(small, { ...FULL_MARKS, '3.1': 2, '3.2': 2, '4.1': 1 }).total.indexHundredths,
    ).toBe(10200);
  });

  it('caps the index at 100 when allowAboveMaximum is false', () => {
    const result = evaluate(
      small,
      { ...FULL_MARKS, '3.1': 2, '3.2': 2 },
      { allowAboveMaximum: false },
    );
    expect(result.total).toMatchObject({
      points: 100,
      bonus: 3,
      achieved: 100,
      capped: true,
      indexHundredths: 10000,
    });
    // Below the maximum the option changes nothing: 88.75 + 2 = 90.75
    expect(
      evaluate(small, { ...BASE_SCORES, '3.1': 2 }, { allowAboveMaximum: false }).total
        .indexHundredths,
    ).toBe(9075);
  });

  it('rescales bonus points with the rest when criteria are not applicable', () => {
    // (78.75 + 2) of 88 = 91.761… → 91.76: "points achieved ÷ applicable maximum × 100"
    const result = evaluate(small, { ...BASE_SCORES, '1.2.1': 'not_applicable', '3.1': 2 });
    expect(result.total).toMatchObject({
      achieved: 80.75,
      applicableMax: 88,
      indexHundredths: 9176,
    });
  });

  describe('inside a field', () => {
    // field 1 (10) = 1.1 (6) + 1.2 (4), with bonus 1.3 (cap 1) and penalty 1.4 (cap 2);
    // field 2 (90) is a leaf.
    const t = tree([
      node('1', 'regular', 10),
      node('1.1', 'regular', 6),
      node('1.2', 'regular', 4),
      node('1.3', 'bonus', 1),
      node('1.4', 'penalty', 2),
      node('2', 'regular', 90),
    ]);

    it("adjusts the field's own points and index", () => {
      // field 1: 6 + 3.5 + 1 = 10.5 of 10 → 105.00; total: 10.5 + 80 = 90.5 of 100 → 90.50
      const result = evaluate(t, { '1.1': 6, '1.2': 3.5, '1.3': 1, '1.4': 0, '2': 80 });
      expect(at(result, '1')).toMatchObject({
        points: 9.5,
        bonus: 1,
        achieved: 10.5,
        applicableMax: 10,
        indexHundredths: 10500,
      });
      expect(result.total).toMatchObject({ points: 90.5, bonus: 0, indexHundredths: 9050 });
      // capped at the field: 10 of 10, total 90.00
      const capped = evaluate(
        t,
        { '1.1': 6, '1.2': 3.5, '1.3': 1, '1.4': 0, '2': 80 },
        { allowAboveMaximum: false },
      );
      expect(at(capped, '1')).toMatchObject({ achieved: 10, capped: true, index: 100 });
      expect(capped.total.indexHundredths).toBe(9000);
    });

    it('floors the field at 0, so its penalty does not reach other fields', () => {
      // field 1: 0.5 + 0 − 2 = −1.5 → 0; total: 0 + 80 = 80 of 100 → 80.00
      const result = evaluate(t, { '1.1': 0.5, '1.2': 0, '1.3': 0, '1.4': 2, '2': 80 });
      expect(at(result, '1')).toMatchObject({ achieved: 0, floored: true, index: 0 });
      expect(result.total).toMatchObject({ achieved: 80, floored: false, indexHundredths: 8000 });
    });
  });
});

describe('missing scores', () => {
  const partial = { ...BASE_SCORES };
  delete partial['1.2.2'];
  delete partial['4.2'];

  it('are an error by default, one problem per leaf, in the order of the index', () => {
    expect(problemsOf(small, partial)).toEqual([
      { kind: 'missing_score', criterionCode: '1.2.2', message: 'Tiêu chí 1.2.2: chưa có điểm.' },
      { kind: 'missing_score', criterionCode: '4.2', message: 'Tiêu chí 4.2: chưa có điểm.' },
    ]);
  });

  it('count as 0 with missingScores "zero", and are still listed', () => {
    const result = evaluate(small, partial, { missingScores: 'zero' });
    expect(result.missing).toEqual(['1.2.2', '4.2']);
    expect(at(result, '1.2.2')).toMatchObject({ missing: true, achieved: 0, applicableMax: 8 });
    // total: 88.75 − 7.25 = 81.5 of 100 → 81.50
    expect(result.total.indexHundredths).toBe(8150);
  });
});

describe('invalid scores', () => {
  it('lists every problem, naming the criterion', () => {
    const problems = problemsOf(small, {
      ...BASE_SCORES,
      '1.1': 0.125,
      '1.2.1': 12.5,
      '2.1': -1,
      '2.2.1': Number.NaN,
      '1.2': 17,
      x: 1,
    });
    expect(problems).toEqual([
      {
        kind: 'invalid_score',
        criterionCode: '1.1',
        message: 'Tiêu chí 1.1: điểm 0,125 không hợp lệ (phải là số, tối đa hai chữ số thập phân).',
      },
      {
        kind: 'out_of_range',
        criterionCode: '1.2.1',
        message: 'Tiêu chí 1.2.1: điểm 12,5 nằm ngoài khoảng 0–12 (điểm tối đa 12).',
      },
      {
        kind: 'out_of_range',
        criterionCode: '2.1',
        message: 'Tiêu chí 2.1: điểm -1 nằm ngoài khoảng 0–30 (điểm tối đa 30).',
      },
      {
        kind: 'invalid_score',
        criterionCode: '2.2.1',
        message: 'Tiêu chí 2.2.1: điểm NaN không hợp lệ (phải là số, tối đa hai chữ số thập phân).',
      },
      {
        kind: 'not_a_leaf',
        criterionCode: '1.2',
        message: 'Tiêu chí 1.2 có tiêu chí con: chỉ chấm điểm các tiêu chí không có tiêu chí con.',
      },
      {
        kind: 'unknown_criterion',
        criterionCode: null,
        message: 'Có điểm cho tiêu chí không thuộc bộ chỉ số (mã nút “x”).',
      },
    ]);
  });

  it('accepts the bounds 0 and the maximum', () => {
    expect(evaluate(small, { ...BASE_SCORES, '1.1': 0, '1.2.1': 12 }).total.achieved).toBe(72.25);
  });
});
