import { describe, expect, it } from 'vitest';
import {
  evaluateUnitScores,
  compareGroups,
  rankByGroup,
  rankUnits,
  roundToHundredths,
} from '../../../src/domain/scoring/index.js';
import { node, scores, tree } from './fixtures.js';

/** Units from [code, published index]. */
const units = (...entries: [string, number][]) =>
  entries.map(([unitCode, index]) => ({ unitCode, indexHundredths: roundToHundredths(index) }));

const table = (ranked: { unitCode: string; rank: number; tied: boolean }[]) =>
  ranked.map((u) => [u.unitCode, u.rank, u.tied]);

describe('rankUnits', () => {
  it('shares a rank between equal indexes and skips the next: 1, 2, 2, 4', () => {
    const ranked = rankUnits(units(['D', 85], ['B', 90], ['A', 95], ['C', 90]));
    expect(table(ranked)).toEqual([
      ['A', 1, false],
      ['B', 2, true],
      ['C', 2, true],
      ['D', 4, false],
    ]);
  });

  it('handles ties at the top and at the bottom', () => {
    expect(table(rankUnits(units(['B', 95], ['A', 95], ['C', 90])))).toEqual([
      ['A', 1, true],
      ['B', 1, true],
      ['C', 3, false],
    ]);
    expect(table(rankUnits(units(['A', 98.3], ['B', 80], ['D', 69], ['C', 69])))).toEqual([
      ['A', 1, false],
      ['B', 2, false],
      ['C', 3, true],
      ['D', 3, true],
    ]);
    expect(table(rankUnits(units(['B', 90], ['C', 90], ['A', 90])))).toEqual([
      ['A', 1, true],
      ['B', 1, true],
      ['C', 1, true],
    ]);
  });

  it('handles several ties in a row: 1, 1, 3, 3, 3, 6', () => {
    const ranked = rankUnits(
      units(['F', 70], ['E', 80], ['D', 80], ['C', 80], ['B', 95], ['A', 95]),
    );
    expect(ranked.map((u) => u.rank)).toEqual([1, 1, 3, 3, 3, 6]);
  });

  it('orders tied units by code whatever the input order', () => {
    const input = units(['SNV', 90], ['BQLKCN', 90], ['STP', 90], ['SCT', 91]);
    const forward = rankUnits(input).map((u) => u.unitCode);
    const backward = rankUnits([...input].reverse()).map((u) => u.unitCode);
    expect(forward).toEqual(['SCT', 'BQLKCN', 'SNV', 'STP']);
    expect(backward).toEqual(forward);
  });

  it('compares the published two-decimal value: 89.999… and 90 share a rank', () => {
    // 1 (99.99) + 2 (0.01) = 100 points.
    // Unit A: 89.99 of 99.99 (2 not applicable) = 89.998999… → 90.00
    // Unit B: 89.99 + 0.01 = 90 of 100 → 90.00
    const t = tree([node('1', 'regular', 99.99), node('2', 'regular', 0.01)]);
    const indexOf = (entries: Record<string, number | 'not_applicable'>) => {
      const outcome = evaluateUnitScores(t, scores(entries));
      if (!outcome.ok) throw new Error('expected a result');
      return outcome.result.total.indexHundredths;
    };
    const ranked = rankUnits([
      { unitCode: 'B', indexHundredths: indexOf({ '1': 89.99, '2': 0.01 }) },
      { unitCode: 'A', indexHundredths: indexOf({ '1': 89.99, '2': 'not_applicable' }) },
    ]);
    expect(ranked.map((u) => [u.unitCode, u.indexHundredths, u.rank])).toEqual([
      ['A', 9000, 1],
      ['B', 9000, 1],
    ]);
  });

  it('keeps the fields of the input', () => {
    const [first] = rankUnits([{ unitCode: 'SNV', indexHundredths: 9830, name: 'Sở Nội vụ' }]);
    expect(first).toEqual({
      unitCode: 'SNV',
      indexHundredths: 9830,
      name: 'Sở Nội vụ',
      rank: 1,
      tied: false,
    });
  });

  it('refuses duplicate codes and indexes that are not hundredths', () => {
    expect(() => rankUnits(units(['A', 90], ['A', 80]))).toThrow(/duplicate unit code: A/);
    expect(() => rankUnits([{ unitCode: 'A', indexHundredths: 90.5 }])).toThrow(RangeError);
    expect(() => rankUnits([{ unitCode: 'A', indexHundredths: -1 }])).toThrow(RangeError);
    expect(rankUnits([])).toEqual([]);
  });
});

describe('rankByGroup', () => {
  it('ranks each group on its own, groups by tier', () => {
    const ranked = rankByGroup([
      { group: 'district', unitCode: 'TPVL', indexHundredths: 9100 },
      { group: 'department', unitCode: 'SNV', indexHundredths: 9830 },
      { group: 'district', unitCode: 'TXBM', indexHundredths: 9200 },
      { group: 'department', unitCode: 'STP', indexHundredths: 6900 },
    ]);
    expect(ranked.map((g) => [g.group, g.units.map((u) => [u.unitCode, u.rank])])).toEqual([
      [
        'department',
        [
          ['SNV', 1],
          ['STP', 2],
        ],
      ],
      [
        'district',
        [
          ['TXBM', 1],
          ['TPVL', 2],
        ],
      ],
    ]);
  });

  it('puts departments before communes (2025 two-tier), other groups after the tiers by code', () => {
    const ranked = rankByGroup([
      { group: 'commune', unitCode: 'XANBINH', indexHundredths: 9000 },
      { group: 'ban-quan-ly', unitCode: 'BQLKCN', indexHundredths: 9000 },
      { group: 'department', unitCode: 'SNV', indexHundredths: 9830 },
      { group: 'agency', unitCode: 'CA', indexHundredths: 9000 },
    ]);
    expect(ranked.map((g) => g.group)).toEqual(['department', 'commune', 'agency', 'ban-quan-ly']);
    expect(compareGroups('district', 'commune')).toBeLessThan(0);
  });
});
