import { describe, expect, it } from 'vitest';
import {
  compareCriterionCodes,
  completeness,
  scoreProblem,
  type LeafAnswer,
} from '../../src/domain/self-assessment-rules.js';

describe('scoreProblem', () => {
  it.each([0, 1.5, 0.25, 2, 1.1 + 0.2])('accepts %s within 0..2', (score) => {
    expect(scoreProblem('1.1', score, 2)).toBeNull();
  });

  it('names the criterion and its maximum for a score out of range', () => {
    expect(scoreProblem('1.2.1', 1.75, 1.5)).toBe(
      'Tiêu chí 1.2.1: điểm 1.75 nằm ngoài khoảng 0..1.5 (điểm tối đa là 1.5)',
    );
    expect(scoreProblem('10.1', -1, 3)).toMatch(/Tiêu chí 10\.1: điểm -1 nằm ngoài khoảng 0\.\.3/);
  });

  it('refuses more than two decimals and non-finite numbers', () => {
    expect(scoreProblem('1.1', 0.125, 2)).toMatch(/có quá hai chữ số thập phân/);
    expect(scoreProblem('1.1', Number.NaN, 2)).toMatch(/số hữu hạn/);
  });
});

describe('completeness', () => {
  const leaves = [
    { code: '1.1', maxPoints: 2, evidenceRequired: false },
    { code: '1.2.1', maxPoints: 1.5, evidenceRequired: true },
    { code: '1.2.2', maxPoints: 1.5, evidenceRequired: true },
    { code: '9.1', maxPoints: 2, evidenceRequired: false },
  ];
  const answer = (a: Partial<LeafAnswer>): LeafAnswer => ({
    score: null,
    notApplicable: false,
    evidenceIds: [],
    ...a,
  });

  it('lists leaves without a score or "not applicable", in order', () => {
    const answers = new Map([
      ['9.1', answer({ score: 0 })],
      ['1.2.1', answer({ score: null })],
    ]);
    expect(completeness(leaves, answers)).toEqual({
      missing: ['1.1', '1.2.1', '1.2.2'],
      missingEvidence: [],
    });
  });

  it('needs evidence for scored leaves that require it, not for leaves not applicable', () => {
    const answers = new Map([
      ['1.1', answer({ score: 2 })],
      ['1.2.1', answer({ score: 1 })],
      ['1.2.2', answer({ notApplicable: true })],
      ['9.1', answer({ score: 0 })],
    ]);
    expect(completeness(leaves, answers)).toEqual({ missing: [], missingEvidence: ['1.2.1'] });
    answers.set('1.2.1', answer({ score: 1, evidenceIds: ['e1'] }));
    expect(completeness(leaves, answers)).toEqual({ missing: [], missingEvidence: [] });
  });
});

describe('compareCriterionCodes', () => {
  it('orders hierarchical codes numerically', () => {
    const codes = ['10.1', '1.10', '1.2', '2', '1.2.1', '1', '1.9'];
    expect([...codes].sort(compareCriterionCodes)).toEqual([
      '1',
      '1.2',
      '1.2.1',
      '1.9',
      '1.10',
      '2',
      '10.1',
    ]);
  });
});
