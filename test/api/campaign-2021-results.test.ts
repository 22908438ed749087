/**
 * The whole 2021 Vĩnh Long campaign through the API, from launch to the commendation proposals:
 * its 11 steps (windows moved around today, as in campaign-workflow.test.ts), its 25 units, its
 * 6 appraising agencies and its two illustrative index sets (64 leaves each), on the real Nest
 * app, PostgreSQL and the workflows.
 *
 * Every unit claims, and is appraised, every maximum (bonus and penalty 0) and gets full survey
 * points, except on survey leaf 8.1.1, where the k-th unit of its group (seed order) loses
 * d(k) = 0.25 × k points, with d(2) = d(1) so that the 2nd and 3rd units tie:
 *   index = (100 − d(k)) ÷ 100 × 100 → 100.00, 99.75, 99.75, 99.25, 99.00, …
 *   ranks                            → 1,      2,     2,     4,     5,     …
 * SNV and TPVL get 0 for one leaf in round 1, are asked to explain it, answer, and get
 * its maximum back in round 2. Default commendation policy (top 3): ranks 1, 2, 2 of each group.
 */
import 'reflect-metadata';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Campaign, Participation } from '../../src/entities/index.js';
import { seedCampaignPlan } from '../../src/seed/seed.js';
import { unitStateQuery } from '../../src/contracts/signals.js';
import { unitWorkflowId } from '../../src/contracts/workflow-ids.js';
import {
  flattenCriteria,
  type SeedCriterion,
  VINH_LONG_2021,
} from '../../src/seed/vinh-long-2021.js';
import { call, type TestApi, tokenFor } from '../support/api.js';
import {
  type ApiWorkflowWorld,
  day,
  startApiWorkflowWorld,
  stepsAroundToday,
} from '../support/api-workflow-world.js';
import { suffix } from '../support/api-fixtures.js';
import { markersNamed } from '../support/histories.js';
import { pdfBytes, upload } from '../support/self-assessment-fixtures.js';

const code = `vinhlong-2021-e2e-${suffix()}`;
const EXPLAINING = ['SNV', 'TPVL'];

const leavesOf = (group: string): SeedCriterion[] => {
  const set = VINH_LONG_2021.indexSets.find((s) => s.group === group)!;
  return flattenCriteria([...set.fields, ...set.adjustments]).filter(
    (n) => n.children.length === 0,
  );
};
/** What a unit claims and is given for an appraised leaf: the maximum, or 0 for adjustments. */
const full = (leaf: SeedCriterion) =>
  leaf.kind === 'bonus' || leaf.kind === 'penalty' ? 0 : leaf.maxPoints;
const unitsOf = (group: string) => VINH_LONG_2021.units.filter((u) => u.group === group);
const deduction = (k: number) => 0.25 * (k === 2 ? 1 : k);
const expectedIndex = (k: number) => (10000 - deduction(k) * 100) / 100;

describe('the 2021 campaign from launch to commendations, through the API', () => {
  let api: TestApi;
  let world: ApiWorkflowWorld;
  let campaignId: string;
  let base: string;
  const tokens = new Map<string, string>();
  const token = (who: string) => tokens.get(who)!;

  beforeAll(async () => {
    world = await startApiWorkflowWorld('par-2021-e2e-');
    ({ api } = world);
    ({ campaignId } = await seedCampaignPlan(api.dataSource, {
      ...VINH_LONG_2021,
      campaign: { ...VINH_LONG_2021.campaign, code, year: 2030 },
      steps: stepsAroundToday(),
    }));
    base = `/campaigns/${campaignId}`;
    const db = api.dataSource;
    tokens.set('secretariat', await tokenFor(db, { role: 'secretariat', name: 'Tổ thư ký' }));
    tokens.set('council', await tokenFor(db, { role: 'council', name: 'Hội đồng thẩm định' }));
    for (const agency of VINH_LONG_2021.agencies) {
      tokens.set(
        `agency:${agency.code}`,
        await tokenFor(db, { role: 'appraiser', agencyCode: agency.code, name: agency.name }),
      );
    }
    for (const unit of VINH_LONG_2021.units) {
      tokens.set(
        unit.code,
        await tokenFor(db, { role: 'unit', unitCode: unit.code, name: `${unit.name} - đầu mối` }),
      );
    }
  }, 180_000);

  afterAll(() => world?.close({ id: campaignId, code }));

  it('launches; the 25 units submit their self-assessments with evidence', async () => {
    const launch = await call(api, 'POST', `${base}/launch`, { token: token('secretariat') });
    expect(launch.status, JSON.stringify(launch.body)).toBeLessThan(300);
    const state = await waitFor(
      () => call(api, 'GET', `${base}/state`, { token: token('secretariat') }),
      (res) => res.status === 200 && res.body.units === 25,
    );
    expect(state.body.units).toBe(25);
    for (const unit of VINH_LONG_2021.units) {
      await waitFor(
        () => call(api, 'GET', `${base}/units/${unit.code}/state`, { token: token(unit.code) }),
        (res) => res.status === 200,
      );
      const evidence = await upload(api, `${base}/units/${unit.code}/evidence`, {
        token: token(unit.code),
        fileName: `Hồ sơ tự đánh giá ${unit.code}.pdf`,
        bytes: pdfBytes(unit.name),
      });
      expect(evidence.status).toBe(201);
      const items = leavesOf(unit.group)
        .filter((leaf) => leaf.kind !== 'survey')
        .map((leaf) => ({
          criterionCode: leaf.code,
          score: full(leaf),
          ...(leaf.evidenceRequired ? { evidenceIds: [evidence.body.id] } : {}),
        }));
      const sa = `${base}/units/${unit.code}/self-assessment`;
      const draft = await call(api, 'PUT', `${sa}/draft`, {
        token: token(unit.code),
        body: { items },
      });
      expect(draft.body.missing, unit.code).toEqual([]);
      const submitted = await call(api, 'POST', `${sa}/submit`, { token: token(unit.code) });
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    }

    // The API committed each participation's status with the submission and said so in the
    // signal: the unit workflows heard it and wrote nothing themselves.
    const { workflowId } = await api.dataSource
      .getRepository(Campaign)
      .findOneByOrFail({ id: campaignId });
    for (const unit of VINH_LONG_2021.units) {
      const handle = world.env.client.workflow.getHandle(unitWorkflowId(workflowId!, unit.code));
      const state = await waitFor(
        () => handle.query(unitStateQuery),
        (s) => s.status === 'submitted',
      );
      expect(state.status, unit.code).toBe('submitted');
      expect(markersNamed(await handle.fetchHistory(), 'core_local_activity'), unit.code).toEqual(
        [],
      );
    }
    const participations = await api.dataSource.getRepository(Participation).findBy({ campaignId });
    expect(participations.map((p) => p.status)).toEqual(Array(25).fill('submitted'));
    expect(participations.every((p) => p.statusChangedAt !== null)).toBe(true);
  }, 180_000);

  it('takes round 1 from each of the 6 agencies, for its own criteria', async () => {
    for (const unit of VINH_LONG_2021.units) {
      const byAgency = new Map<string, { criterionCode: string; score: number }[]>();
      for (const leaf of leavesOf(unit.group).filter((l) => l.kind !== 'survey')) {
        const lowered = EXPLAINING.includes(unit.code) && leaf.code === firstRegular(unit.group);
        const list = byAgency.get(leaf.agencyCode) ?? [];
        list.push({ criterionCode: leaf.code, score: lowered ? 0 : full(leaf) });
        byAgency.set(leaf.agencyCode, list);
      }
      for (const [agency, items] of byAgency) {
        const res = await call(api, 'PUT', `${base}/units/${unit.code}/appraisals/rounds/1`, {
          token: token(`agency:${agency}`),
          body: { items },
        });
        expect(res.status, `${unit.code}/${agency}: ${JSON.stringify(res.body)}`).toBe(200);
      }
    }
    const progress = await call(api, 'GET', `${base}/appraisals/progress?round=1`, {
      token: token('secretariat'),
    });
    expect(progress.body.total).toEqual({ required: 25 * 59, entered: 25 * 59 });
    expect(progress.body.agencies.map((a: any) => a.agencyCode).sort()).toEqual(
      VINH_LONG_2021.agencies.map((a) => a.code).sort(),
    );
  }, 180_000);

  it('asks SNV and TPVL to explain; they answer; round 2 re-scores', async () => {
    const generated = await call(api, 'POST', `${base}/explanation-proposals/generate`, {
      token: token('secretariat'),
      body: {},
    });
    expect(generated.status).toBe(200);
    expect(
      generated.body.flatMap((u: any) => u.requests.map((r: any) => [u.unitCode, r.criterionCode])),
    ).toEqual([
      ['SNV', firstRegular('department')],
      ['TPVL', firstRegular('district')],
    ]);
    for (const unitCode of EXPLAINING) {
      const confirmed = await call(
        api,
        'POST',
        `${base}/units/${unitCode}/explanation-proposals/confirm`,
        { token: token('secretariat'), body: {} },
      );
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      await waitFor(
        () => call(api, 'GET', `${base}/units/${unitCode}/state`, { token: token(unitCode) }),
        (res) => res.body.explanation?.request !== null,
      );
      const group = unitCode === 'SNV' ? 'department' : 'district';
      const answered = await call(api, 'POST', `${base}/units/${unitCode}/explanation`, {
        token: token(unitCode),
        body: {
          answers: [
            { criterionCode: firstRegular(group), text: 'Đơn vị đã thực hiện đầy đủ, kèm hồ sơ.' },
          ],
        },
      });
      expect(answered.status).toBe(202);
      const leaf = leavesOf(group).find((l) => l.code === firstRegular(group))!;
      const r2 = await call(api, 'PUT', `${base}/units/${unitCode}/appraisals/rounds/2`, {
        token: token(`agency:${leaf.agencyCode}`),
        body: { items: [{ criterionCode: leaf.code, score: leaf.maxPoints }] },
      });
      expect(r2.status).toBe(200);
    }
  }, 120_000);

  it('imports survey points, fixes the scores and ranks each group with a tie', async () => {
    const scores = VINH_LONG_2021.units.flatMap((unit) => {
      const k = unitsOf(unit.group).findIndex((u) => u.code === unit.code);
      return leavesOf(unit.group)
        .filter((leaf) => leaf.kind === 'survey')
        .map((leaf) => ({
          unit_code: unit.code,
          criterion_code: leaf.code,
          points: leaf.code === '8.1.1' ? leaf.maxPoints - deduction(k) : leaf.maxPoints,
        }));
    });
    const imported = await call(api, 'POST', `${base}/survey-scores/import`, {
      token: token('secretariat'),
      body: { scores },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.imported).toBe(25 * 5);
    const fixed = await call(api, 'POST', `${base}/appraisals/fix`, {
      token: token('secretariat'),
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    const computed = await call(api, 'POST', `${base}/results/compute`, {
      token: token('secretariat'),
    });
    expect(computed.status, JSON.stringify(computed.body)).toBe(200);
    for (const [i, group] of ['department', 'district'].entries()) {
      const units = unitsOf(group);
      const ranked = computed.body.groups[i].units;
      expect(ranked).toHaveLength(units.length);
      // Expected: by index descending, ties by code; ranks 1, 2, 2, 4, …
      const expected = units
        .map((u, k) => ({ code: u.code, index: expectedIndex(k) }))
        .sort((a, b) => b.index - a.index || (a.code < b.code ? -1 : 1));
      expect(ranked.map((u: any) => [u.unitCode, u.index])).toEqual(
        expected.map((u) => [u.code, u.index]),
      );
      expect(ranked.slice(0, 5).map((u: any) => u.rank)).toEqual([1, 2, 2, 4, 5]);
      expect(ranked[0].indexText).toBe('100.00');
      expect(ranked[1].indexText).toBe('99.75');
    }
  }, 120_000);

  it('the council approves, the Chairman announces, commendations are proposed', async () => {
    expect(
      (await call(api, 'POST', `${base}/steps/9/open`, { token: token('secretariat') })).status,
    ).toBe(202);
    await waitForStep(9, 'open');
    const approval = await call(api, 'POST', `${base}/council-approval`, {
      token: token('council'),
      body: { note: 'Hội đồng thẩm định thông qua kết quả.' },
    });
    expect(approval.status).toBe(202);
    expect(
      (await call(api, 'POST', `${base}/steps/10/open`, { token: token('secretariat') })).status,
    ).toBe(202);
    await waitForStep(10, 'open');
    const decided = await call(api, 'POST', `${base}/chairman-decision`, {
      token: token('secretariat'),
      body: { number: '456/QĐ-UBND', date: day(22) },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(202);
    await waitForStep(10, 'closed');

    const asUnit = await call(api, 'GET', `${base}/results`, { token: token('SNV') });
    expect(asUnit.status).toBe(200);
    expect(asUnit.body.status).toBe('published');

    const commendations = await call(api, 'GET', `${base}/commendations`, {
      token: token('secretariat'),
    });
    expect(commendations.status).toBe(200);
    expect(commendations.body.proposals.map((p: any) => [p.group, p.rank])).toEqual([
      ['department', 1],
      ['department', 2],
      ['department', 2],
      ['district', 1],
      ['district', 2],
      ['district', 2],
    ]);

    const file = await fetch(`${api.url}${base}/results/export`, {
      headers: { authorization: `Bearer ${token('secretariat')}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A3').text).toMatch(/^Công bố kèm theo Quyết định số 456\/QĐ-UBND/);
    expect(sheet.actualRowCount).toBe(4 + unitsOf('department').length);
  }, 120_000);

  async function waitForStep(number: number, status: string) {
    const res = await waitFor(
      () => call(api, 'GET', `${base}/state`, { token: token('secretariat') }),
      (r) => r.body.steps?.find((s: any) => s.number === number)?.status === status,
    );
    expect(res.body.steps.find((s: any) => s.number === number).status).toBe(status);
  }
});

/** The first regular leaf of a group's index set worth at least one point. */
function firstRegular(group: string): string {
  return leavesOf(group).find((l) => l.kind === 'regular' && l.maxPoints >= 1)!.code;
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
