/**
 * Ranking per unit group (xếp hạng). Pure: no I/O.
 *
 * - Competition ranking on the published index (two decimals, compared as integer hundredths):
 *   equal indexes share a rank and the next rank is skipped (1, 2, 2, 4), as Vĩnh Long's
 *   published results do. Two units whose exact ratios differ but publish the same value (89.999…
 *   and 90) are equal.
 * - Output order: index descending, then unit code ascending (by UTF-16 code units, not the
 *   locale), so tied units always come out in the same order.
 */

export interface RankInput {
  unitCode: string;
  /** The published index in hundredths (9831 for 98.31): `TotalScore.indexHundredths`. */
  indexHundredths: number;
}

export type Ranked<T extends RankInput> = T & {
  /** 1 for the best; tied units share the rank, and the ranks after them are skipped. */
  rank: number;
  /** Another unit of the group has the same rank (đồng hạng). */
  tied: boolean;
};

export interface GroupRanking<T extends RankInput> {
  group: string;
  units: Ranked<T>[];
}

/** Orders by code units, independent of the locale. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The usual unit groups in the order of the administrative tiers, as a ranking is published:
 * provincial departments, then districts, then communes (after the 2025 reform, departments then
 * communes, where code order would put the communes first).
 */
const TIER_ORDER: readonly string[] = ['department', 'district', 'commune'];

/** Groups by tier (TIER_ORDER), then any other group in code order after them. */
export function compareGroups(a: string, b: string): number {
  const tier = (group: string) => {
    const i = TIER_ORDER.indexOf(group);
    return i < 0 ? TIER_ORDER.length : i;
  };
  return tier(a) - tier(b) || compareCodes(a, b);
}

/** Ranks the units of one group. Throws a RangeError on a duplicate code or a bad index. */
export function rankUnits<T extends RankInput>(units: readonly T[]): Ranked<T>[] {
  const seen = new Set<string>();
  for (const unit of units) {
    if (seen.has(unit.unitCode)) throw new RangeError(`duplicate unit code: ${unit.unitCode}`);
    seen.add(unit.unitCode);
    if (!Number.isSafeInteger(unit.indexHundredths) || unit.indexHundredths < 0) {
      throw new RangeError(
        `unit ${unit.unitCode}: the index must be non-negative integer hundredths, got ${unit.indexHundredths}`,
      );
    }
  }
  const sorted = [...units].sort(
    (a, b) => b.indexHundredths - a.indexHundredths || compareCodes(a.unitCode, b.unitCode),
  );
  const ranks: number[] = [];
  sorted.forEach((unit, i) => {
    const previous = sorted[i - 1];
    const previousRank = ranks[i - 1];
    ranks.push(
      previous && previousRank !== undefined && previous.indexHundredths === unit.indexHundredths
        ? previousRank
        : i + 1,
    );
  });
  return sorted.map((unit, i) => {
    const rank = ranks[i] ?? i + 1;
    const tied = ranks[i - 1] === rank || ranks[i + 1] === rank;
    return { ...unit, rank, tied };
  });
}

/** Ranks each group on its own; groups by tier (compareGroups). A unit code may recur in another group. */
export function rankByGroup<T extends RankInput & { group: string }>(
  units: readonly T[],
): GroupRanking<T>[] {
  const groups = new Map<string, T[]>();
  for (const unit of units) {
    const list = groups.get(unit.group) ?? [];
    list.push(unit);
    groups.set(unit.group, list);
  }
  return [...groups.keys()]
    .sort(compareGroups)
    .map((group) => ({ group, units: rankUnits(groups.get(group) ?? []) }));
}
