/**
 * One authority for a campaign's state: what the API accepts never disagrees with what the
 * workflows decide. The 2021 plan on its real dates, on a time-skipping server whose clock starts
 * on 17/11/2021 with the API deciding at the server's time, through the real API, PostgreSQL and
 * workflows. Each test is one of the thirteen observations of issue 12, told in the order of the
 * plan (the clock only moves forward): each scenario has a campaign of its own.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry, Participation, StepExtension, Unit } from '../../src/entities/index.js';
import { DEMO_RESULTS_CODE, demoResults } from '../../src/demo/demo-results.js';
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import { appraiseRoundOne, fillDraft, fullSurveyScores } from '../support/plan-2021-scoring.js';
import {
  expectStatesAgree,
  local,
  participationStatusOf,
  type RulesCampaign,
  type RulesWorld,
  settled,
  startRulesWorld,
  workflowQueries,
} from '../support/rules-world.js';
import { deleteCampaigns } from '../support/api-fixtures.js';

let world: RulesWorld;
const base = (c: RulesCampaign) => `/campaigns/${c.code}`;

/** Saves a complete draft and submits it, as the unit's focal point. */
async function submit(c: RulesCampaign, unitCode: string) {
  const draft = await fillDraft(world.api, c.code, unitCode, await world.token(`unit:${unitCode}`));
  expect(draft.status, JSON.stringify(draft.body)).toBe(200);
  return world.as(
    `unit:${unitCode}`,
    'POST',
    `${base(c)}/units/${unitCode}/self-assessment/submit`,
  );
}

async function launch(c: RulesCampaign) {
  const res = await world.as('secretariat', 'POST', `${base(c)}/launch`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.workflowStarted).toBe(true);
  return res;
}

/** The unit's workflow, once it has caught up with `ok`. */
async function unitWorkflow(c: RulesCampaign, unitCode: string, ok: (state: any) => boolean) {
  const queries = workflowQueries(world, await c.workflowId());
  return settled(() => queries.unit(unitCode), ok);
}

const participationStatus = (c: RulesCampaign, unitCode: string) =>
  participationStatusOf(world, c, unitCode);

describe('one authority: the API and the workflows decide alike', () => {
  let a: RulesCampaign; // amendments, extensions, codes
  let b: RulesCampaign; // early opening and closing, late intake
  let c: RulesCampaign; // gates and publication

  beforeAll(async () => {
    world = await startRulesWorld({ clockStart: local('2021-11-17T08:00:00') });
    a = await world.campaign({ units: ['SNV', 'STP'] });
    b = await world.campaign({ units: ['SNV', 'STP', 'SCT'] });
    c = await world.campaign({ units: ['SNV', 'STP'] });
    // Campaign A refuses late submissions.
    const policy = await world.as('secretariat', 'PATCH', `/campaigns/${a.id}`, {
      latePolicy: 'refuse',
    });
    expect(policy.status).toBe(200);
    await world.at(local('2021-11-18T09:00:00'));
    for (const campaign of [a, b, c]) await launch(campaign);
  }, 120_000);

  afterAll(() => world?.close());

  it('12. an extension granted right after the launch is accepted, stored and applied', async () => {
    const extendedTo = local('2021-12-29T23:59:59');
    const res = await world.as('secretariat', 'POST', `${base(a)}/units/SNV/extensions`, {
      stepNumber: 3,
      deadline: extendedTo.toISOString(),
      reason: 'Đơn vị báo cáo khó khăn do thay đổi đầu mối',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.delivery).toBe('delivered');
    const stored = await world.api.dataSource
      .getRepository(StepExtension)
      .findOneByOrFail({ id: res.body.id });
    expect(stored.deadline.toISOString()).toBe(extendedTo.toISOString());
    const unit = await unitWorkflow(
      a,
      'SNV',
      (s) => s.selfAssessment?.deadline === extendedTo.toISOString(),
    );
    expect(unit.selfAssessment.deadline).toBe(extendedTo.toISOString());
  });

  it('11. every route of a campaign takes its code as well as its id', async () => {
    const byCode = base(a);
    for (const path of [
      '',
      '/steps',
      '/participations',
      '/index-sets',
      '/state',
      '/units/SNV/state',
    ]) {
      const res = await world.as('secretariat', 'GET', `${byCode}${path}`);
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    }
    // Refused for what they are (the plan says why), never for the code.
    for (const [path, body] of [
      ['/council-approval', {}],
      ['/chairman-decision', { number: '1/QĐ-UBND', date: '2022-02-28' }],
      ['/units/SNV/explanation', { text: 'Giải trình' }],
    ] as const) {
      const res = await world.as('secretariat', 'POST', `${byCode}${path}`, body);
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(409);
    }
  });

  it('2. a step opened early takes submissions at once', async () => {
    await world.at(local('2021-11-25T09:00:00'));
    const opened = await world.as('secretariat', 'POST', `${base(b)}/steps/3/open`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(202);
    expect(opened.body).toMatchObject({ status: 'open', delivery: 'delivered' });
    await world.at(local('2021-11-26T09:00:00'));
    const res = await submit(b, 'SNV');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.late).toBe(false);
    await expectStatesAgree(world, b);
    expect((await unitWorkflow(b, 'SNV', (s) => s.status === 'submitted')).status).toBe(
      'submitted',
    );
  });

  it('3. after an early close a submission is late, for the API and the workflow alike', async () => {
    await world.at(local('2021-12-10T10:00:00'));
    const closed = await world.as('secretariat', 'POST', `${base(b)}/steps/3/close`, {});
    expect(closed.status, JSON.stringify(closed.body)).toBe(202);
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: 'secretariat' });
    await world.at(local('2021-12-11T09:00:00'));
    const res = await submit(b, 'STP');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ late: true, participationStatus: 'late' });
    const unit = await unitWorkflow(b, 'STP', (s) => s.status === 'late');
    expect(unit).toMatchObject({ status: 'late', selfAssessment: { late: true } });
    expect(await participationStatus(b, 'STP')).toBe('late');
    // SCT did not submit: missing since the close, for both.
    expect((await unitWorkflow(b, 'SCT', (s) => s.status === 'missing')).status).toBe('missing');
    expect(await participationStatus(b, 'SCT')).toBe('missing');
    await expectStatesAgree(world, b);
  });

  it('campaign C: its units submit on time', async () => {
    await world.at(local('2021-12-15T09:00:00'));
    for (const unit of ['SNV', 'STP']) expect((await submit(c, unit)).status).toBe(200);
  });

  it('1. an amended deadline is the deadline: steps, forecast, reminders and submissions', async () => {
    const amended = local('2021-12-28T23:59:59');
    const amendedAt = world.clock.now().getTime();
    const res = await world.as('secretariat', 'POST', `${base(a)}/steps/3/deadline`, {
      deadline: amended.toISOString(),
      reason: 'Điều chỉnh kế hoạch theo Công văn số 12/SNV',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ deadline: amended.toISOString(), delivery: 'delivered' });

    const steps = await world.as('secretariat', 'GET', `${base(a)}/steps`);
    expect(steps.body.find((s: any) => s.number === 3)).toMatchObject({
      deadline: amended.toISOString(),
      closesOn: '28/12/2021',
    });
    const forecast = await world.as(
      'secretariat',
      'GET',
      `${base(a)}/notifications/forecast?stepNumber=3&limit=1000`,
    );
    expect(forecast.status).toBe(200);
    const deadlines = new Set(forecast.body.items.map((item: any) => item.deadline));
    expect(deadlines.has(amended.toISOString())).toBe(true);
    expect(deadlines.has(local('2021-12-24T23:59:59').toISOString())).toBe(false);
    await expectStatesAgree(world, a);

    // Between the plan's deadline and the amended one: on time, also under "refuse".
    await world.at(local('2021-12-26T10:00:00'));
    const submitted = await submit(a, 'STP');
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ late: false, deadline: amended.toISOString() });
    const unit = await unitWorkflow(a, 'STP', (s) => s.status === 'submitted');
    expect(unit).toMatchObject({
      status: 'submitted',
      selfAssessment: { late: false, deadline: amended.toISOString() },
    });

    // Every reminder to a unit planned after the amendment named the deadline that counts for
    // it (SNV's extension, STP's amended deadline), none the plan's 24/12.
    // (The notifications workflow catches up with the skipped days in moments.)
    const toUnitsAfter = (body: any) =>
      (body?.items ?? []).filter(
        (n: any) => n.unitCode !== null && Date.parse(n.scheduledFor) > amendedAt,
      );
    const log = await settled(
      () => world.as('secretariat', 'GET', `${base(a)}/notifications?stepNumber=3&limit=500`),
      (res) => toUnitsAfter(res.body).length >= 2,
    );
    const toUnits = toUnitsAfter(log.body);
    expect(toUnits.length).toBeGreaterThanOrEqual(2);
    for (const n of toUnits) {
      expect(n.businessKey).not.toContain(local('2021-12-24T23:59:59').toISOString());
    }
  });

  it('8. gates: the council approves computed results, the Chairman announces approved ones', async () => {
    // Round 1 and its aggregation; the round-2 aggregation (step 8) closes once scores are fixed.
    await world.at(local('2022-02-08T09:00:00'));
    const early = await world.as('secretariat', 'POST', `${base(c)}/steps/8/close`, {});
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/điểm thẩm định chưa được chốt.*overrideGates/);
    const noReason = await world.as('secretariat', 'POST', `${base(c)}/steps/8/close`, {
      overrideGates: true,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message.join(' ')).toMatch(/reason must say why the gate is passed/);

    // Step 9: neither closed by hand nor approved before results are computed.
    await world.at(local('2022-02-16T09:00:00'));
    const close9 = await world.as('secretariat', 'POST', `${base(c)}/steps/9/close`, {});
    expect(close9.status).toBe(409);
    expect(close9.body.message).toMatch(
      /Hội đồng thẩm định chưa thông qua kết quả: bước này hoàn thành khi Hội đồng thông qua/,
    );
    const approveEarly = await world.as('council', 'POST', `${base(c)}/council-approval`, {});
    expect(approveEarly.status).toBe(409);
    expect(approveEarly.body.message).toMatch(
      /chưa có kết quả được tính để Hội đồng thẩm định thông qua/,
    );

    const appraisers = new Map<string, string>();
    for (const agency of VINH_LONG_2021.agencies) {
      appraisers.set(agency.code, await world.token(`agency:${agency.code}`));
    }
    for (const unit of ['SNV', 'STP']) {
      await appraiseRoundOne(world.api, c.code, unit, (agency) => appraisers.get(agency)!);
    }
    const surveys = await world.as('secretariat', 'POST', `${base(c)}/survey-scores/import`, {
      scores: fullSurveyScores(['SNV', 'STP']),
    });
    expect(surveys.status, JSON.stringify(surveys.body)).toBe(200);
    expect((await world.as('secretariat', 'POST', `${base(c)}/appraisals/fix`)).status).toBe(200);
    expect((await world.as('secretariat', 'POST', `${base(c)}/results/compute`)).status).toBe(200);

    // Step 10 opens on 18/02: no decision before the council's approval, no close without one.
    await world.at(local('2022-02-18T09:00:00'));
    const decideEarly = await world.as('secretariat', 'POST', `${base(c)}/chairman-decision`, {
      number: '456/QĐ-UBND',
      date: '2022-02-28',
    });
    expect(decideEarly.status).toBe(409);
    expect(decideEarly.body.message).toMatch(
      /Hội đồng thẩm định chưa thông qua kết quả, chưa thể công bố/,
    );
    const close10 = await world.as('secretariat', 'POST', `${base(c)}/steps/10/close`, {});
    expect(close10.status).toBe(409);
    expect(close10.body.message).toMatch(
      /kết quả chưa được công bố: bước này hoàn thành khi có quyết định công bố của Chủ tịch UBND tỉnh/,
    );
    expect(
      (await world.as('council', 'POST', `${base(c)}/council-approval`, { note: 'Thông qua' }))
        .status,
    ).toBe(202);
    expect((await unitWorkflow(c, 'SNV', (s) => s.status === 'submitted')).finishedAt).toBeNull();

    await world.at(local('2022-02-28T15:00:00'));
    const decided = await world.as('secretariat', 'POST', `${base(c)}/chairman-decision`, {
      number: '456/QĐ-UBND',
      date: '2022-02-28',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(202);
    // Published at the instant the API decided (the server's clock, read as the test moved it).
    const publishedAt = Date.parse(decided.body.resultsPublishedAt);
    expect(publishedAt - local('2022-02-28T15:00:00').getTime()).toBeGreaterThanOrEqual(0);
    expect(publishedAt - local('2022-02-28T15:00:00').getTime()).toBeLessThan(60_000);
    const state = await world.as('secretariat', 'GET', `${base(c)}/state`);
    expect(state.body.steps.find((s: any) => s.number === 9)).toMatchObject({
      status: 'closed',
      closedBy: 'council',
    });
    expect(state.body.steps.find((s: any) => s.number === 10)).toMatchObject({
      status: 'closed',
      closedBy: 'chairman',
    });
    expect(state.body.steps.find((s: any) => s.number === 11).status).toBe('open');
    await expectStatesAgree(world, c);
    expect((await unitWorkflow(c, 'SNV', (s) => s.status === 'completed')).status).toBe(
      'completed',
    );
  }, 180_000);

  it('4. nothing is saved or submitted after round 1 ends, nor after the announcement', async () => {
    // Campaign B took late submissions until round 1's deadline (31/12): SCT never sent one.
    const afterRoundOne = await fillDraft(world.api, b.code, 'SCT', await world.token('unit:SCT'));
    expect(afterRoundOne.status).toBe(409);
    expect(afterRoundOne.body.message).toMatch(
      /chỉ được nhận đến khi thẩm định lần 1 kết thúc lúc 31\/12\/2021 23:59/,
    );
    const submitted = await world.as(
      'unit:SCT',
      'POST',
      `${base(b)}/units/SCT/self-assessment/submit`,
    );
    expect(submitted.status).toBe(409);
    expect(submitted.body.message).toMatch(/Không thể nộp bản tự đánh giá của đơn vị SCT nữa/);

    // Campaign C announced its results: SNV's submitted score sheet stays what was published.
    const sheetBefore = await world.as(
      'secretariat',
      'GET',
      `${base(c)}/units/SNV/self-assessment`,
    );
    const afterAnnouncement = await fillDraft(
      world.api,
      c.code,
      'SNV',
      await world.token('unit:SNV'),
    );
    expect(afterAnnouncement.status).toBe(409);
    expect(afterAnnouncement.body.message).toMatch(
      /kết quả chiến dịch .* đã được công bố lúc 28\/02\/2022 15:00/,
    );
    const sheetAfter = await world.as('secretariat', 'GET', `${base(c)}/units/SNV/self-assessment`);
    expect(sheetAfter.body.version).toBe(sheetBefore.body.version);
    expect(sheetAfter.body.window).toMatchObject({
      phase: 'closed',
      closedBecause: 'results_published',
    });
  });

  it('9. launch warnings say what the state shows: units’ steps closed, owned steps open and overdue', async () => {
    const late = await world.campaign({ units: ['SNV'] });
    await world.at(local('2022-03-02T09:00:00'));
    const res = await launch(late);
    const state = await world.as('secretariat', 'GET', `${base(late)}/state`);
    for (const warning of res.body.warnings as string[]) {
      const number = Number(/^Bước (\d+):/.exec(warning)![1]);
      const step = state.body.steps.find((s: any) => s.number === number);
      if (/bước sẽ đóng ngay khi mở/.test(warning)) {
        expect(step, warning).toMatchObject({ status: 'closed', closedBy: 'deadline' });
      } else {
        expect(warning).toMatch(
          /bước sẽ mở trong tình trạng quá hạn và vẫn mở cho đến khi (Tổ thư ký|Hội đồng thẩm định) hoàn thành/,
        );
        expect(step, warning).toMatchObject({ status: 'open', overdue: true });
      }
    }
    expect(res.body.warnings).toHaveLength(10); // every dated step: 1–10 (11 follows the announcement)
    await expectStatesAgree(world, late);
  });

  it('10. the illustrative results campaign answers its state and says why it cannot launch', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'one-authority-demo-'));
    const db = world.api.dataSource;
    try {
      await demoResults(db, path.join(dir, 'ket-qua.xlsx'));
      const state = await world.as('secretariat', 'GET', `/campaigns/${DEMO_RESULTS_CODE}/state`);
      expect(state.status, JSON.stringify(state.body)).toBe(200);
      expect(state.body).toMatchObject({ workflowId: null, units: 25 });
      const relaunch = await world.as(
        'secretariat',
        'POST',
        `/campaigns/${DEMO_RESULTS_CODE}/launch`,
      );
      expect(relaunch.status).toBe(409);
      expect(relaunch.body.message).toMatch(/không có quy trình nào chạy.*npm run demo:results/);
    } finally {
      await deleteCampaigns(db, [DEMO_RESULTS_CODE]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('13. a unit cannot take a code its campaign’s own workflows are named with', async () => {
    for (const code of ['notifications', 'batch-1', 'BATCH-12']) {
      const res = await world.as('admin', 'POST', '/units', {
        code,
        name: `Đơn vị ${code}`,
        group: 'department',
      });
      expect(res.status, code).toBe(400);
      expect(res.body.message.join(' ')).toMatch(/được dành riêng/);
    }
    const imported = await world.as('admin', 'POST', '/units/import', {
      units: [{ code: 'batch-2', name: 'Đơn vị batch-2', group: 'department' }],
    });
    expect(imported.status).toBe(422);
    expect(JSON.stringify(imported.body)).toMatch(/được dành riêng/);

    // One made before the rule (written directly) is named by the launch, which refuses.
    const campaign = await world.campaign({ units: ['SNV'] });
    const unit = await world.api.dataSource
      .getRepository(Unit)
      .save({ code: 'notifications', name: 'Đơn vị cũ', group: 'department' });
    try {
      await world.api.dataSource
        .getRepository(Participation)
        .save({ campaignId: campaign.id, unitId: unit.id, status: 'registered' });
      const res = await world.as('secretariat', 'POST', `${base(campaign)}/launch`);
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.body.errors)).toMatch(/notifications có mã dành riêng/);
    } finally {
      await world.api.dataSource.getRepository(Participation).delete({ unitId: unit.id });
      await world.api.dataSource.getRepository(Unit).delete({ id: unit.id });
    }
  });

  it('writes every accepted action in the audit log', async () => {
    const actions = await world.api.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .select('a.action', 'action')
      .where('a.entity_id IN (:...ids)', { ids: [a.id, b.id, c.id] })
      .getRawMany<{ action: string }>();
    expect([...new Set(actions.map((row) => row.action))]).toEqual(
      expect.arrayContaining([
        'campaign.update',
        'campaign.launch',
        'campaign.step.amend_deadline',
        'campaign.step.open',
        'campaign.step.close',
        'campaign.council.approve',
        'campaign.chairman.decision',
      ]),
    );
    // Refused requests wrote nothing: the step-8 close without a reason is not there.
    const closes = await world.api.dataSource
      .getRepository(AuditEntry)
      .countBy({ entityId: c.id, action: 'campaign.step.close' });
    expect(closes).toBe(0);
  });
});
