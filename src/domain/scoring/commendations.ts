/**
 * Commendation proposals (step 11, tham mưu khen thưởng) from the published ranking. Pure: no I/O.
 *
 * The rule is configurable:
 * - 'top': the units ranked in the top K of their group. "Top K" means rank ≤ K in the
 *   competition ranking, so every unit tied at the cutoff rank is included (ranks 1, 2, 3, 3
 *   with K = 3: four units) and none ranked below K (ranks 1, 2, 2, 4 with K = 3: three units);
 * - 'threshold': every unit whose published index is at or above the threshold;
 * - 'top_and_threshold': both conditions (the top K, and only if at or above the threshold);
 * - 'top_or_threshold': either condition.
 * Each proposal carries its reason in Vietnamese, naming the rank, the group and the index.
 */
import { formatHundredths, formatPointsVi, pointsToHundredths } from './decimal.js';
import type { GroupRanking, RankInput, Ranked } from './ranking.js';

export type CommendationPolicy =
  | { rule: 'top'; top: number }
  | { rule: 'threshold'; minIndex: number }
  | { rule: 'top_and_threshold'; top: number; minIndex: number }
  | { rule: 'top_or_threshold'; top: number; minIndex: number };

export interface CommendationProposal<T extends RankInput> {
  group: string;
  unit: Ranked<T>;
  /** Why, in Vietnamese: "Xếp hạng 1/17 trong nhóm sở, ban, ngành tỉnh, …". */
  reason: string;
}

/** Names of the usual unit groups as a reason writes them ("trong nhóm …"). */
export const GROUP_NAMES_VI: Readonly<Record<string, string>> = Object.freeze({
  department: 'sở, ban, ngành tỉnh',
  district: 'UBND cấp huyện',
  commune: 'UBND cấp xã',
});

export interface CommendationOptions {
  /** Group code → name in reasons; falls back to GROUP_NAMES_VI, then to the code. */
  groupNames?: Readonly<Record<string, string>>;
}

/** Everything wrong with a policy, in Vietnamese; empty when it is valid. */
export function commendationPolicyProblems(policy: CommendationPolicy): string[] {
  const problems: string[] = [];
  if ('top' in policy && (!Number.isSafeInteger(policy.top) || policy.top < 1)) {
    problems.push(
      `Số hạng đầu được đề nghị khen thưởng phải là số nguyên dương (đang là ${policy.top}).`,
    );
  }
  if ('minIndex' in policy) {
    const hundredths = pointsToHundredths(policy.minIndex);
    if (hundredths === null || hundredths < 0) {
      problems.push(
        `Ngưỡng điểm đề nghị khen thưởng phải là số không âm, tối đa hai chữ số thập phân (đang là ${String(policy.minIndex).replace('.', ',')}).`,
      );
    }
  }
  return problems;
}

/**
 * The proposals of every group, in the ranking's order (groups as given, units by rank then
 * code). Throws a RangeError listing the problems when the policy is invalid.
 */
export function proposeCommendations<T extends RankInput>(
  groups: readonly GroupRanking<T>[],
  policy: CommendationPolicy,
  options: CommendationOptions = {},
): CommendationProposal<T>[] {
  const problems = commendationPolicyProblems(policy);
  if (problems.length > 0) throw new RangeError(problems.join(' '));
  const top = 'top' in policy ? policy.top : null;
  const threshold = 'minIndex' in policy ? (pointsToHundredths(policy.minIndex) ?? 0) : null;

  const proposals: CommendationProposal<T>[] = [];
  for (const { group, units } of groups) {
    const groupName = options.groupNames?.[group] ?? GROUP_NAMES_VI[group] ?? group;
    for (const unit of units) {
      const inTop = top !== null && unit.rank <= top;
      const aboveThreshold = threshold !== null && unit.indexHundredths >= threshold;
      const proposed =
        policy.rule === 'top'
          ? inTop
          : policy.rule === 'threshold'
            ? aboveThreshold
            : policy.rule === 'top_and_threshold'
              ? inTop && aboveThreshold
              : inTop || aboveThreshold;
      if (!proposed) continue;
      const rankText = `xếp hạng ${unit.rank}/${units.length}${unit.tied ? ' (đồng hạng)' : ''} trong nhóm ${groupName}`;
      const indexText = `Chỉ số CCHC đạt ${formatHundredths(unit.indexHundredths, ',')} điểm`;
      const thresholdText =
        aboveThreshold && threshold !== null
          ? `, từ ${formatPointsVi(threshold)} điểm trở lên`
          : '';
      const reason = inTop
        ? `${capitalize(rankText)}, thuộc ${top} hạng dẫn đầu; ${indexText}${thresholdText}.`
        : `${indexText}${thresholdText}; ${rankText}.`;
      proposals.push({ group, unit, reason });
    }
  }
  return proposals;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
