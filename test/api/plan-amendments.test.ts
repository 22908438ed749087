/**
 * Amending the plan after launch, as the amending decision allows (issue 15): a unit joins (its
 * workflow starts, it gets its reminders) or leaves (its workflow ends, its data stays, results
 * and reminders leave it out), a step is added (it opens and closes on its dates), an opening
 * moves (timers re-arm). The 2021 plan on its real dates, on a time-skipping server whose clock
 * starts on 17/11/2021 with the API deciding at the server's time, through the real API, outbox,
 * PostgreSQL, workflows and notifications.
 */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AuditEntry, Notification, Participation } from '../../src/entities/index.js';
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import { appraiseRoundOne, fillDraft, fullSurveyScores } from '../support/plan-2021-scoring.js';
import { batchWorkflowId, unitWorkflowId } from '../../src/contracts/workflow-ids.js';
import { Worker } from '@temporalio/worker';
import {
  expectStatesAgree,
  local,
  type RulesCampaign,
  type RulesWorld,
  settled,
  startRulesWorld,
  workflowQueries,
} from '../support/rules-world.js';

let world: RulesWorld;
let campaign: RulesCampaign;
/** A department of the 2021 plan left out of this campaign at launch: it joins later. */
const joining = 'STC';
const base = () => `/campaigns/${campaign.code}`;
const decision = { decisionNumber: '125/QĐ-UBND', decisionDate: '2021-11-19' };

const amend = (body: Record<string, unknown>, who: 'secretariat' | 'unit:SNV' = 'secretariat') =>
  world.as(who, 'POST', `${base()}/amendments`, body);

const stepOf = (state: any, n: number) => state.steps.find((s: any) => s.number === n);

async function apiState() {
  const res = await world.as('secretariat', 'GET', `${base()}/state`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('amending the plan after launch', () => {
  beforeAll(async () => {
    world = await startRulesWorld({ clockStart: local('2021-11-17T08:00:00') });
    campaign = await world.campaign({ units: ['SNV', 'STP'] });
    // In the units' list (other files may have made it already) but not in the campaign.
    const unit = VINH_LONG_2021.units.find((u) => u.code === joining)!;
    await world.api.dataSource.query(
      `INSERT INTO units (code, name, group_code, focal_email, head_email)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING`,
      [unit.code, unit.name, unit.group, unit.focalEmail, unit.headEmail],
    );
    await world.at(local('2021-11-18T09:00:00'));
    const launch = await world.as('secretariat', 'POST', `${base()}/launch`);
    expect(launch.status, JSON.stringify(launch.body)).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('needs the amending decision: a 400 names the missing number, date or reason', async () => {
    const body = { kind: 'unit_joins', unitCodes: [joining], ...decision, reason: 'Sáp nhập' };
    for (const field of ['decisionNumber', 'decisionDate', 'reason'] as const) {
      const { [field]: _, ...without } = body;
      const res = await amend(without);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.fields.map((f: any) => f.field)).toContain(field);
      expect(JSON.stringify(res.body.message)).toContain(`«${field}»`);
    }
    const blank = await amend({ ...body, decisionNumber: '   ' });
    expect(blank.status).toBe(400);
    const otherKindsField = await amend({ ...body, stepNumber: 4 });
    expect(otherKindsField.status).toBe(400);
    expect(otherKindsField.body.message).toMatch(/«stepNumber» không dùng cho loại sửa đổi/);
    const unit = await amend(body, 'unit:SNV');
    expect(unit.status).toBe(403);
    // Nothing was recorded.
    const listed = await world.as('secretariat', 'GET', `${base()}/amendments`);
    expect(listed.body).toEqual([]);
  });

  it('a unit joins after launch: its participation and workflow start', async () => {
    await world.at(local('2021-11-19T10:00:00'));
    const res = await amend({
      kind: 'unit_joins',
      unitCodes: [joining],
      ...decision,
      reason: 'Bổ sung xã mới thành lập sau sáp nhập',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({
      kind: 'unit_joins',
      decisionNumber: '125/QĐ-UBND',
      decisionDate: '2021-11-19',
      details: { unitCodes: [joining] },
      delivery: 'delivered',
      warnings: [],
    });
    const participation = await world.api.dataSource
      .getRepository(Participation)
      .createQueryBuilder('p')
      .innerJoin('p.unit', 'u')
      .where('p.campaign_id = :id AND u.code = :code', { id: campaign.id, code: joining })
      .getOneOrFail();
    expect(participation).toMatchObject({ status: 'registered', joinedByAmendmentId: res.body.id });

    const queries = workflowQueries(world, await campaign.workflowId());
    const unit = await settled(
      () => queries.unit(joining),
      (s: any) => s?.unitCode === joining,
    );
    expect(unit).toMatchObject({ unitCode: joining, status: 'registered' });
    expect(unit.selfAssessment.deadline).toBe(local('2021-12-24T23:59:59').toISOString());
    const state = await settled(
      () => queries.campaign(),
      (s: any) => s?.units === 3,
    );
    expect(state.units).toBe(3);

    const again = await amend({
      kind: 'unit_joins',
      unitCodes: [joining],
      ...decision,
      reason: 'x',
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(joining);
  });

  it('a unit leaves: its workflow ends, its data stays readable, writes are refused', async () => {
    await world.at(local('2021-11-20T10:00:00'));
    const res = await amend({
      kind: 'unit_leaves',
      unitCodes: ['STP'],
      decisionNumber: '130/QĐ-UBND',
      decisionDate: '2021-11-20',
      reason: 'Sở Tư pháp hợp nhất theo Nghị quyết của HĐND tỉnh',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.delivery).toBe('delivered');
    const handle = world.env.client.workflow.getHandle(
      unitWorkflowId(await campaign.workflowId(), 'STP'),
    );
    const ended = await settled(
      () => handle.describe(),
      (d: any) => d?.status?.name === 'COMPLETED',
    );
    expect(ended.status.name).toBe('COMPLETED');
    const row = await world.api.dataSource
      .getRepository(Participation)
      .createQueryBuilder('p')
      .innerJoin('p.unit', 'u')
      .where('p.campaign_id = :id AND u.code = :code', { id: campaign.id, code: 'STP' })
      .getOneOrFail();
    // When the API decided, at the server's time.
    expect(Math.abs(row.leftAt!.getTime() - local('2021-11-20T10:00:00').getTime())).toBeLessThan(
      1000,
    );
    expect(row.leftByAmendmentId).toBe(res.body.id);

    const read = await world.as('secretariat', 'GET', `${base()}/units/STP/self-assessment`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    const write = await world.as('unit:STP', 'PUT', `${base()}/units/STP/self-assessment/draft`, {
      items: [],
    });
    expect(write.status, JSON.stringify(write.body)).toBe(409);
    expect(write.body.message).toMatch(/đã rút khỏi chiến dịch/);
    const extension = await world.as('secretariat', 'POST', `${base()}/units/STP/extensions`, {
      stepNumber: 3,
      deadline: local('2021-12-30T23:59:59').toISOString(),
    });
    expect(extension.status, JSON.stringify(extension.body)).toBe(409);
    expect(extension.body.message).toMatch(/đã rút khỏi chiến dịch/);

    const again = await amend({
      kind: 'unit_leaves',
      unitCodes: ['STP'],
      ...decision,
      reason: 'Lặp lại',
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/đã rút khỏi chiến dịch .* trước đó: STP/);
  });

  it('a step is added at the end of the plan; an opening moves (409 once opened, 422 in the past)', async () => {
    const added = await amend({
      kind: 'step_added',
      decisionNumber: '131/QĐ-UBND',
      decisionDate: '2021-11-20',
      reason: 'Bổ sung tập huấn cho các xã mới',
      step: {
        titleVi: 'Tập huấn bổ sung cho các xã mới',
        kind: 'other',
        actor: 'units',
        opensOn: '2021-12-06',
        closesOn: '2021-12-10',
      },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(202);
    expect(added.body.details.step).toMatchObject({
      number: 12,
      opensAt: local('2021-12-06T00:00:00').toISOString(),
      deadline: local('2021-12-10T23:59:59').toISOString(),
    });
    const unitWindow = await amend({
      kind: 'step_added',
      ...decision,
      reason: 'x',
      step: {
        titleVi: 'Tự đánh giá lại',
        kind: 'self_assessment',
        actor: 'units',
        opensOn: '2021-12-06',
        closesOn: '2021-12-10',
      },
    });
    expect(unitWindow.status).toBe(422);

    const moved = await amend({
      kind: 'opening_moved',
      decisionNumber: '132/QĐ-UBND',
      decisionDate: '2021-11-20',
      reason: 'Lùi thời điểm thẩm định lần 1',
      stepNumber: 4,
      opensOn: '2021-12-29',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(202);
    expect(moved.body.details).toEqual({
      stepNumber: 4,
      from: local('2021-12-27T00:00:00').toISOString(),
      to: local('2021-12-29T00:00:00').toISOString(),
    });
    const opened = await amend({
      kind: 'opening_moved',
      ...decision,
      reason: 'x',
      stepNumber: 1,
      opensOn: '2021-12-01',
    });
    expect(opened.status).toBe(409);
    expect(opened.body.message).toMatch(/bước đã mở/);
    const past = await amend({
      kind: 'opening_moved',
      ...decision,
      reason: 'x',
      stepNumber: 5,
      opensAt: local('2021-11-19T00:00:00').toISOString(),
    });
    expect(past.status).toBe(422);
    expect(past.body.message).toMatch(/đã qua/);
    await expectStatesAgree(world, campaign);
  });

  it('the added step opens and closes on its dates', async () => {
    await world.at(local('2021-12-06T09:00:00'));
    expect(stepOf(await apiState(), 12).status).toBe('open');
    await expectStatesAgree(world, campaign);
    await world.at(local('2021-12-11T09:00:00'));
    expect(stepOf(await apiState(), 12)).toMatchObject({ status: 'closed', closedBy: 'deadline' });
    await expectStatesAgree(world, campaign);
  });

  it('reminders: the joined unit gets its own, the unit that left none', async () => {
    const forecast = await world.as(
      'secretariat',
      'GET',
      `${base()}/notifications/forecast?stepNumber=3&kind=reminder`,
    );
    expect(forecast.status, JSON.stringify(forecast.body)).toBe(200);
    const units = new Set(forecast.body.items.map((i: any) => i.unitCode));
    expect(units).toEqual(new Set(['SNV', joining]));

    await world.at(local('2021-12-15T09:00:00'));
    const sent = await settled(
      () =>
        world.api.dataSource
          .getRepository(Notification)
          .find({ where: { campaignId: campaign.id, kind: 'reminder', stepNumber: 3 } }),
      (rows) => Array.isArray(rows) && rows.length >= 2,
    );
    const to = sent.map((n) => n.businessKey.split('/')[1]).sort();
    expect(to).toEqual([`unit:${joining}`, 'unit:SNV'].sort());
    expect(sent.every((n) => n.status === 'sent')).toBe(true);
  });

  it('the moved opening holds: step 4 opens on its new date', async () => {
    await world.at(local('2021-12-28T09:00:00'));
    expect(stepOf(await apiState(), 4).status).toBe('pending');
    await expectStatesAgree(world, campaign);
    await world.at(local('2021-12-29T09:00:00'));
    expect(stepOf(await apiState(), 4).status).toBe('open');
    await expectStatesAgree(world, campaign);
  });

  it('runs to its end with the unit that joined, and ranks without the one that left', async () => {
    // Sent late, on 29/12: the plan takes late self-assessments until round 1 ends (31/12).
    for (const code of ['SNV', joining]) {
      const token = await world.token(`unit:${code}`);
      const draft = await fillDraft(world.api, campaign.code, code, token);
      expect(draft.status, JSON.stringify(draft.body)).toBe(200);
      const sent = await world.as(
        `unit:${code}`,
        'POST',
        `${base()}/units/${code}/self-assessment/submit`,
      );
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    }
    await world.at(local('2022-02-08T09:00:00'));
    const appraisers = new Map<string, string>();
    for (const agency of VINH_LONG_2021.agencies) {
      appraisers.set(agency.code, await world.token(`agency:${agency.code}`));
    }
    for (const code of ['SNV', joining]) {
      await appraiseRoundOne(world.api, campaign.code, code, (agency) => appraisers.get(agency)!);
    }
    const surveys = await world.as('secretariat', 'POST', `${base()}/survey-scores/import`, {
      scores: fullSurveyScores(['SNV', joining]),
    });
    expect(surveys.status, JSON.stringify(surveys.body)).toBe(200);
    expect((await world.as('secretariat', 'POST', `${base()}/appraisals/fix`)).status).toBe(200);
    const computed = await world.as('secretariat', 'POST', `${base()}/results/compute`);
    expect(computed.status, JSON.stringify(computed.body)).toBe(200);
    const results = await world.as('secretariat', 'GET', `${base()}/results`);
    const ranked = JSON.stringify(results.body);
    expect(ranked).toContain(`"unitCode":"${joining}"`);
    expect(ranked).toContain('"unitCode":"SNV"');
    expect(ranked).not.toContain('"unitCode":"STP"');

    await world.at(local('2022-02-16T09:00:00'));
    const approved = await world.as('council', 'POST', `${base()}/council-approval`, {
      note: 'Thông qua',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(202);
    await world.at(local('2022-02-28T15:00:00'));
    const decided = await world.as('secretariat', 'POST', `${base()}/chairman-decision`, {
      number: '456/QĐ-UBND',
      date: '2022-02-28',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(202);
    // After the announcement the list of units stands.
    const late = await amend({ kind: 'unit_leaves', unitCodes: ['SNV'], ...decision, reason: 'x' });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/kết quả đã được công bố/);

    // Every step still open is completed by the secretariat: the campaign workflow ends.
    await world.at(local('2022-03-10T09:00:00'));
    for (const step of (await apiState()).steps.filter((s: any) => s.status === 'open')) {
      const closed = await world.as('secretariat', 'POST', `${base()}/steps/${step.number}/close`, {
        overrideGates: true,
        reason: 'Hoàn thành kế hoạch',
      });
      expect(closed.status, `${step.number}: ${JSON.stringify(closed.body)}`).toBe(202);
    }
    const handle = world.env.client.workflow.getHandle(await campaign.workflowId());
    const final = await handle.result();
    expect(final.units).toBe(3);
    expect(final.steps.every((s: any) => s.status === 'closed')).toBe(true);
    const joined = await workflowQueries(world, await campaign.workflowId()).unit(joining);
    expect(joined.status).toBe('completed');
  }, 180_000);

  it('the histories of the amended campaign replay on the current workflow code', async () => {
    const id = await campaign.workflowId();
    const ids = [
      id,
      batchWorkflowId(id, 1),
      unitWorkflowId(id, joining),
      unitWorkflowId(id, 'STP'),
    ];
    const histories = await Promise.all(
      ids.map(async (workflowId) => ({
        workflowId,
        history: await world.env.client.workflow.getHandle(workflowId).fetchHistory(),
      })),
    );
    const results = [];
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: { code: inject('workflowBundleCode') } },
      histories,
    )) {
      results.push(result);
    }
    expect(results.map((r) => [r.workflowId, r.error])).toEqual(ids.map((w) => [w, undefined]));
  });

  it('lists every amendment, and each is in the audit log', async () => {
    const listed = await world.as('secretariat', 'GET', `${base()}/amendments`);
    expect(listed.status).toBe(200);
    expect(listed.body.map((a: any) => [a.kind, a.decisionNumber])).toEqual([
      ['unit_joins', '125/QĐ-UBND'],
      ['unit_leaves', '130/QĐ-UBND'],
      ['step_added', '131/QĐ-UBND'],
      ['opening_moved', '132/QĐ-UBND'],
    ]);
    const audit = await world.api.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .where('a.entity_id = :id', { id: campaign.id })
      .andWhere("a.action LIKE 'campaign.amendment.%'")
      .orderBy('a.id', 'ASC')
      .getMany();
    expect(audit.map((a) => [a.action, (a.details as any).amendmentId])).toEqual(
      listed.body.map((a: any) => [`campaign.amendment.${a.kind}`, a.id]),
    );
    const unit = await world.as('unit:SNV', 'GET', `${base()}/amendments`);
    expect(unit.status).toBe(403);
  });
});
