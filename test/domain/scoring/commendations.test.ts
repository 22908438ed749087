import { describe, expect, it } from 'vitest';
import {
  commendationPolicyProblems,
  proposeCommendations,
  rankByGroup,
  roundToHundredths,
  type CommendationPolicy,
} from '../../../src/domain/scoring/index.js';

/** Departments with a tie at rank 3: A 98.30, B 95.00, C 90.00, D 90.00, E 89.99, F 69.00. */
const departments: [string, number][] = [
  ['F', 69],
  ['C', 90],
  ['A', 98.3],
  ['E', 89.99],
  ['D', 90],
  ['B', 95],
];
/** Districts with a tie at rank 2: P 93.00, Q 91.50, R 91.50, S 80.00. */
const districts: [string, number][] = [
  ['S', 80],
  ['R', 91.5],
  ['Q', 91.5],
  ['P', 93],
];

const ranking = rankByGroup([
  ...departments.map(([unitCode, index]) => ({
    group: 'department',
    unitCode,
    indexHundredths: roundToHundredths(index),
  })),
  ...districts.map(([unitCode, index]) => ({
    group: 'district',
    unitCode,
    indexHundredths: roundToHundredths(index),
  })),
]);

const propose = (policy: CommendationPolicy) =>
  proposeCommendations(ranking, policy).map((p) => [p.group, p.unit.unitCode, p.unit.rank]);

describe('proposeCommendations', () => {
  it('top K: every unit tied at the cutoff rank is included', () => {
    // department ranks: A 1, B 2, C 3, D 3, E 5, F 6 → top 3 = A, B, C, D (four units)
    // district ranks: P 1, Q 2, R 2, S 4 → top 3 = P, Q, R (rank 4 is below the cutoff)
    expect(propose({ rule: 'top', top: 3 })).toEqual([
      ['department', 'A', 1],
      ['department', 'B', 2],
      ['department', 'C', 3],
      ['department', 'D', 3],
      ['district', 'P', 1],
      ['district', 'Q', 2],
      ['district', 'R', 2],
    ]);
    // top 2 in the districts: P and the two tied at 2
    expect(propose({ rule: 'top', top: 2 }).filter(([group]) => group === 'district')).toEqual([
      ['district', 'P', 1],
      ['district', 'Q', 2],
      ['district', 'R', 2],
    ]);
  });

  it('threshold: every unit at or above it, on the published value (89.99 is below 90)', () => {
    expect(propose({ rule: 'threshold', minIndex: 90 })).toEqual([
      ['department', 'A', 1],
      ['department', 'B', 2],
      ['department', 'C', 3],
      ['department', 'D', 3],
      ['district', 'P', 1],
      ['district', 'Q', 2],
      ['district', 'R', 2],
    ]);
    expect(propose({ rule: 'threshold', minIndex: 91.5 })).toEqual([
      ['department', 'A', 1],
      ['department', 'B', 2],
      ['district', 'P', 1],
      ['district', 'Q', 2],
      ['district', 'R', 2],
    ]);
  });

  it('top_and_threshold needs both; top_or_threshold either', () => {
    // top 2 and ≥ 94: departments A (1, 98.30), B (2, 95.00); no district reaches 94
    expect(propose({ rule: 'top_and_threshold', top: 2, minIndex: 94 })).toEqual([
      ['department', 'A', 1],
      ['department', 'B', 2],
    ]);
    // top 1 or ≥ 95: departments A, B; district P (rank 1, 93.00)
    expect(propose({ rule: 'top_or_threshold', top: 1, minIndex: 95 })).toEqual([
      ['department', 'A', 1],
      ['department', 'B', 2],
      ['district', 'P', 1],
    ]);
  });

  it('gives the reason in Vietnamese', () => {
    const reasons = proposeCommendations(
      ranking,
      { rule: 'top_or_threshold', top: 1, minIndex: 95 },
      {
        groupNames: { district: 'UBND cấp huyện (cũ)' },
      },
    ).map((p) => p.reason);
    expect(reasons).toEqual([
      'Xếp hạng 1/6 trong nhóm sở, ban, ngành tỉnh, thuộc 1 hạng dẫn đầu; Chỉ số CCHC đạt 98,30 điểm, từ 95 điểm trở lên.',
      'Chỉ số CCHC đạt 95,00 điểm, từ 95 điểm trở lên; xếp hạng 2/6 trong nhóm sở, ban, ngành tỉnh.',
      'Xếp hạng 1/4 trong nhóm UBND cấp huyện (cũ), thuộc 1 hạng dẫn đầu; Chỉ số CCHC đạt 93,00 điểm.',
    ]);
    const tied = proposeCommendations(ranking, { rule: 'top', top: 3 }).find(
      (p) => p.unit.unitCode === 'D',
    );
    expect(tied?.reason).toBe(
      'Xếp hạng 3/6 (đồng hạng) trong nhóm sở, ban, ngành tỉnh, thuộc 3 hạng dẫn đầu; Chỉ số CCHC đạt 90,00 điểm.',
    );
  });

  it('falls back to the group code for an unknown group', () => {
    const [only] = proposeCommendations(
      rankByGroup([{ group: 'agency', unitCode: 'X', indexHundredths: 9999 }]),
      { rule: 'threshold', minIndex: 99.5 },
    );
    expect(only?.reason).toBe(
      'Chỉ số CCHC đạt 99,99 điểm, từ 99,5 điểm trở lên; xếp hạng 1/1 trong nhóm agency.',
    );
  });

  it('refuses an invalid policy', () => {
    expect(
      commendationPolicyProblems({ rule: 'top_or_threshold', top: 0, minIndex: 90.125 }),
    ).toEqual([
      'Số hạng đầu được đề nghị khen thưởng phải là số nguyên dương (đang là 0).',
      'Ngưỡng điểm đề nghị khen thưởng phải là số không âm, tối đa hai chữ số thập phân (đang là 90,125).',
    ]);
    expect(() => proposeCommendations(ranking, { rule: 'top', top: 1.5 })).toThrow(RangeError);
    expect(() => proposeCommendations(ranking, { rule: 'threshold', minIndex: -1 })).toThrow(
      /Ngưỡng điểm/,
    );
  });
});
