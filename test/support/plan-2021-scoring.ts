/**
 * What the 2021 plan's units and agencies do through the API with the seed's illustrative index
 * sets: a unit claims every maximum (bonus and penalty 0) with evidence and submits; the agencies
 * give round 1 the same. For tests that need units that submitted, or results to approve.
 */
import { expect } from 'vitest';
import {
  flattenCriteria,
  type SeedCriterion,
  VINH_LONG_2021,
} from '../../src/seed/vinh-long-2021.js';
import { call, type TestApi } from './api.js';
import { pdfBytes, upload } from './self-assessment-fixtures.js';

/** The leaves of a group's index set (with the agency that appraises each). */
export const leavesOf = (group: string): SeedCriterion[] => {
  const set = VINH_LONG_2021.indexSets.find((s) => s.group === group)!;
  return flattenCriteria([...set.fields, ...set.adjustments]).filter(
    (n) => n.children.length === 0,
  );
};

/** What a unit claims and is given for an appraised leaf: the maximum, or 0 for adjustments. */
export const full = (leaf: SeedCriterion) =>
  leaf.kind === 'bonus' || leaf.kind === 'penalty' ? 0 : leaf.maxPoints;

export const groupOf = (unitCode: string) =>
  VINH_LONG_2021.units.find((u) => u.code === unitCode)!.group;

/** Uploads evidence and saves a complete draft (every self-scored leaf at its maximum). */
export async function fillDraft(
  api: TestApi,
  campaignRef: string,
  unitCode: string,
  token: string,
): Promise<{ status: number; body: any }> {
  const base = `/campaigns/${campaignRef}/units/${unitCode}`;
  const evidence = await upload(api, `${base}/evidence`, {
    token,
    fileName: `Hồ sơ tự đánh giá ${unitCode}.pdf`,
    bytes: pdfBytes(unitCode),
  });
  expect(evidence.status, JSON.stringify(evidence.body)).toBe(201);
  const items = leavesOf(groupOf(unitCode))
    .filter((leaf) => leaf.kind !== 'survey')
    .map((leaf) => ({
      criterionCode: leaf.code,
      score: full(leaf),
      ...(leaf.evidenceRequired ? { evidenceIds: [evidence.body.id] } : {}),
    }));
  return call(api, 'PUT', `${base}/self-assessment/draft`, { token, body: { items } });
}

/** Round 1 from each agency for its own criteria; `lowered` leaves get 0. */
export async function appraiseRoundOne(
  api: TestApi,
  campaignRef: string,
  unitCode: string,
  agencyToken: (agencyCode: string) => string,
  lowered: readonly string[] = [],
): Promise<void> {
  const byAgency = new Map<string, { criterionCode: string; score: number }[]>();
  for (const leaf of leavesOf(groupOf(unitCode)).filter((l) => l.kind !== 'survey')) {
    const list = byAgency.get(leaf.agencyCode) ?? [];
    list.push({ criterionCode: leaf.code, score: lowered.includes(leaf.code) ? 0 : full(leaf) });
    byAgency.set(leaf.agencyCode, list);
  }
  for (const [agency, items] of byAgency) {
    const res = await call(
      api,
      'PUT',
      `/campaigns/${campaignRef}/units/${unitCode}/appraisals/rounds/1`,
      {
        token: agencyToken(agency),
        body: { items },
      },
    );
    expect(res.status, `${unitCode}/${agency}: ${JSON.stringify(res.body)}`).toBe(200);
  }
}

/** Full survey points for these units (the leaves no one appraises). */
export function fullSurveyScores(unitCodes: readonly string[]) {
  return unitCodes.flatMap((unitCode) =>
    leavesOf(groupOf(unitCode))
      .filter((leaf) => leaf.kind === 'survey')
      .map((leaf) => ({ unit_code: unitCode, criterion_code: leaf.code, points: leaf.maxPoints })),
  );
}
