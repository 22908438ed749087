/**
 * A campaign's rating bands and commendation policy: what applies (the campaign's own, else the
 * defaults) and the checks of what the API receives. The bands and the policy themselves are
 * checked by the scoring module (ratingBandProblems, commendationPolicyProblems); this file only
 * checks that the JSON has their shape, naming the field.
 */
import {
  type CommendationPolicy,
  commendationPolicyProblems,
  ILLUSTRATIVE_RATING_BANDS,
  type RatingBand,
  ratingBandProblems,
} from '../../domain/scoring/index.js';
import type { Campaign } from '../../entities/index.js';

/**
 * ILLUSTRATIVE default, not any province's rule: the three best of each group are proposed
 * for commendation. A campaign sets its own with PUT /campaigns/:id/scoring-policy.
 */
export const DEFAULT_COMMENDATION_POLICY: CommendationPolicy = Object.freeze({
  rule: 'top',
  top: 3,
});

export function ratingBandsOf(campaign: Campaign): readonly RatingBand[] {
  return campaign.ratingBands ?? ILLUSTRATIVE_RATING_BANDS;
}

export function commendationPolicyOf(campaign: Campaign): CommendationPolicy {
  return campaign.commendationPolicy ?? DEFAULT_COMMENDATION_POLICY;
}

const got = (value: unknown) => `nhận được ${JSON.stringify(value)}`;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isBound = (value: unknown) => value === null || typeof value === 'number';

/** Problems of `value` as rating bands ([] when valid); null means "the default". */
export function ratingBandsInputProblems(value: unknown, name = 'ratingBands'): string[] {
  if (value === null) return [];
  if (!Array.isArray(value)) {
    return [
      `${name} phải là danh sách các mức xếp loại {label, min, max} (hoặc null để dùng mặc định), ${got(value)}`,
    ];
  }
  const shape: string[] = [];
  value.forEach((band: unknown, i) => {
    const path = `${name}[${i}]`;
    if (!isObject(band)) {
      shape.push(`${path} phải là một đối tượng {label, min, max}, ${got(band)}`);
      return;
    }
    for (const key of Object.keys(band)) {
      if (!['label', 'min', 'max'].includes(key))
        shape.push(`${path}.${key} không phải là trường của mức xếp loại (label, min, max)`);
    }
    if (typeof band.label !== 'string')
      shape.push(`${path}.label phải là một chuỗi ký tự, ${got(band.label)}`);
    if (!isBound(band.min))
      shape.push(`${path}.min phải là một số hoặc null (từ 0), ${got(band.min)}`);
    if (!isBound(band.max))
      shape.push(`${path}.max phải là một số hoặc null (không có cận trên), ${got(band.max)}`);
  });
  if (shape.length > 0) return shape;
  return ratingBandProblems(value as RatingBand[]).map((p) => `${name}: ${p}`);
}

const RULE_FIELDS: Record<CommendationPolicy['rule'], string[]> = {
  top: ['top'],
  threshold: ['minIndex'],
  top_and_threshold: ['top', 'minIndex'],
  top_or_threshold: ['top', 'minIndex'],
};

/** Problems of `value` as a commendation policy ([] when valid); null means "the default". */
export function commendationPolicyInputProblems(
  value: unknown,
  name = 'commendationPolicy',
): string[] {
  if (value === null) return [];
  if (!isObject(value))
    return [`${name} phải là một đối tượng, ví dụ {"rule": "top", "top": 3}, ${got(value)}`];
  const rule = value.rule;
  if (typeof rule !== 'string' || !(rule in RULE_FIELDS)) {
    return [
      `${name}.rule phải là một trong các giá trị ${Object.keys(RULE_FIELDS).join(', ')}, ${got(rule)}`,
    ];
  }
  const fields = RULE_FIELDS[rule as CommendationPolicy['rule']];
  const shape: string[] = [];
  for (const key of Object.keys(value)) {
    if (key !== 'rule' && !fields.includes(key))
      shape.push(
        `${name}.${key} không phải là trường của quy tắc «${rule}» (các trường: ${fields.join(', ')})`,
      );
  }
  for (const key of fields) {
    if (typeof value[key] !== 'number')
      shape.push(`${name}.${key} phải là một số, ${got(value[key])}`);
  }
  if (shape.length > 0) return shape;
  return commendationPolicyProblems(value as unknown as CommendationPolicy).map(
    (p) => `${name}: ${p}`,
  );
}
