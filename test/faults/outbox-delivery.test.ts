/**
 * Faults between the API and Temporal (issue 12): nothing the API accepted is lost.
 *
 * - Temporal unreachable from the API (a proxy between them, cut) while units submit and explain
 *   and the secretariat grants an extension: every action is recorded and answered; the unit
 *   workflows, whose deadlines pass meanwhile, read PostgreSQL before deciding by time, so none
 *   of these units is recorded missing; once Temporal is back, every action reaches its workflow
 *   and takes effect once (a copy of an attempt whose answer was lost is ignored by its ID).
 * - An API killed after a launch's commit, before its workflow started: the next API starts it;
 *   one killed after the start but before recording the delivery: the next one finds it started.
 */
import 'reflect-metadata';
import type { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitWorkflowId } from '../../src/contracts/workflow-ids.js';
import { OutboxMessage } from '../../src/entities/index.js';
import { fillDraft } from '../support/plan-2021-scoring.js';
import { call } from '../support/api.js';
import {
  local,
  participationStatusOf,
  type RulesCampaign,
  type RulesWorld,
  settled,
  startRulesWorld,
  workflowQueries,
} from '../support/rules-world.js';

type History = temporal.api.history.v1.IHistory;

/** Action IDs of the signals in a history, by signal name. */
function signalledActions(history: History): string[] {
  return (history.events ?? []).flatMap((event) => {
    const attributes = event.workflowExecutionSignaledEventAttributes;
    const data = attributes?.input?.payloads?.[0]?.data;
    if (!data) return [];
    const payload = JSON.parse(Buffer.from(data).toString('utf8')) as { actionId?: string };
    return payload.actionId ? [payload.actionId] : [];
  });
}

const statusIn = participationStatusOf;

describe('Temporal unreachable from the API while units and the secretariat act', () => {
  let world: RulesWorld;
  let campaign: RulesCampaign;
  const base = () => `/campaigns/${campaign.code}`;

  beforeAll(async () => {
    world = await startRulesWorld({
      clockStart: local('2021-11-17T08:00:00'),
      apiThroughProxy: true,
    });
    campaign = await world.campaign({ units: ['SNV', 'STP', 'TTT'] });
    await world.at(local('2021-11-18T09:00:00'));
    const launch = await world.as('secretariat', 'POST', `${base()}/launch`);
    expect(launch.status, JSON.stringify(launch.body)).toBe(200);
    expect(launch.body.workflowStarted).toBe(true);
  }, 120_000);

  afterAll(() => world?.close());

  it('records every action while Temporal is away, and no unit that acted goes missing', async () => {
    await world.at(local('2021-12-20T09:00:00'));
    for (const unit of ['SNV', 'STP']) {
      expect(
        (await fillDraft(world.api, campaign.code, unit, await world.token(`unit:${unit}`))).status,
      ).toBe(200);
    }
    await world.proxy!.cut();

    for (const unit of ['SNV', 'STP']) {
      const res = await world.as(
        `unit:${unit}`,
        'POST',
        `${base()}/units/${unit}/self-assessment/submit`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ late: false, delivery: 'pending' });
    }
    const extension = await world.as('secretariat', 'POST', `${base()}/units/TTT/extensions`, {
      stepNumber: 3,
      deadline: local('2021-12-29T23:59:59').toISOString(),
      reason: 'Đơn vị sáp nhập, đổi đầu mối',
    });
    expect(extension.status, JSON.stringify(extension.body)).toBe(201);
    expect(extension.body.delivery).toBe('pending');
    const state = await world.as('secretariat', 'GET', `${base()}/state`);
    expect(state.status).toBe(200); // answered from PostgreSQL
    // Meanwhile the API is alive, not ready, and tells staff it is Temporal it cannot reach.
    expect((await call(world.api, 'GET', '/health/live')).status).toBe(200);
    const ready = await world.as('secretariat', 'GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', down: ['temporal'] });
    expect(ready.body.checks.temporal.status).toBe('down');
    expect(state.body.pendingDeliveries).toBeGreaterThanOrEqual(4); // 2 submits, extension + re-plan

    // The deadline (24/12) passes with Temporal still away from the API.
    await world.at(local('2021-12-26T09:00:00'));
    const queries = workflowQueries(world, await campaign.workflowId());
    for (const unit of ['SNV', 'STP']) {
      const seen = await settled(
        () => queries.unit(unit),
        (s) => s.status === 'submitted',
      );
      expect(seen.status, unit).toBe('submitted');
      expect(await statusIn(world, campaign, unit)).toBe('submitted');
    }
    const ttt = await settled(
      () => queries.unit('TTT'),
      (s) => s.selfAssessment?.deadline === local('2021-12-29T23:59:59').toISOString(),
    );
    expect(ttt).toMatchObject({
      status: 'registered',
      selfAssessment: { deadline: local('2021-12-29T23:59:59').toISOString() },
    });
    expect(await statusIn(world, campaign, 'TTT')).toBe('registered');
  });

  it('takes an explanation while Temporal is away: not recorded missing at its deadline', async () => {
    await world.proxy!.restore();
    await world.at(local('2022-01-10T09:00:00'));
    const requested = await settled(
      () =>
        world.as('secretariat', 'POST', `${base()}/units/SNV/explanation-requests`, {
          criteria: ['1.1.1'],
          reason: 'Thiếu tài liệu kiểm chứng',
        }),
      (res) => res.status === 202 && res.body.delivery === 'delivered',
      30_000,
    );
    expect(requested.status, JSON.stringify(requested.body)).toBe(202);
    await world.at(local('2022-01-18T09:00:00'));
    await world.proxy!.cut();
    const answered = await world.as('unit:SNV', 'POST', `${base()}/units/SNV/explanation`, {
      text: 'Đơn vị bổ sung Kế hoạch số 5/KH-SNV.',
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(202);
    expect(answered.body.delivery).toBe('pending');

    await world.at(local('2022-01-22T09:00:00')); // past the explanation deadline (21/01)
    const queries = workflowQueries(world, await campaign.workflowId());
    const snv = await settled(
      () => queries.unit('SNV'),
      (s) => s.status === 'explained',
    );
    expect(snv.status).toBe('explained');
    expect(await statusIn(world, campaign, 'SNV')).toBe('explained');
  });

  it('once Temporal is back, delivers every action, each taking effect once', async () => {
    await world.proxy!.restore();
    const outbox = world.api.dataSource.getRepository(OutboxMessage);
    const rows = await settled(
      () => outbox.find({ where: { campaignId: campaign.id }, order: { id: 'ASC' } }),
      (all) => all.every((row) => row.deliveredAt !== null),
      60_000,
    );
    expect(rows.filter((row) => row.deliveredAt === null)).toEqual([]);
    expect(rows.filter((row) => row.attempts > 1).length).toBeGreaterThan(0); // some waited

    const workflowId = await campaign.workflowId();
    for (const unit of ['SNV', 'STP', 'TTT']) {
      const target = unitWorkflowId(workflowId, unit);
      expect(rows.filter((row) => row.workflowId === target).length, unit).toBeGreaterThan(0);
      const history = await world.env.client.workflow.getHandle(target).fetchHistory();
      const delivered = signalledActions(history);
      for (const row of rows.filter((r) => r.workflowId === target)) {
        const times = delivered.filter((seen) => seen === row.id).length;
        // Every action reaches its workflow. A second copy can only be an attempt whose answer the
        // cut lost: the real server drops it by its request ID (test/api/outbox-signal-once.
        // dev-server.test.ts), this time-skipping server records it, and the workflow ignores it
        // by its action ID, as the states below show.
        expect(times, `${unit}: action ${row.id}`).toBeGreaterThanOrEqual(1);
        if (times > 1) expect(row.attempts, `${unit}: action ${row.id}`).toBeGreaterThan(1);
      }
    }
    const queries = workflowQueries(world, workflowId);
    expect((await queries.unit('SNV')).status).toBe('explained');
    expect((await queries.unit('STP')).status).toBe('submitted');
    expect((await queries.unit('TTT')).status).toBe('missing'); // its extension ended on 29/12
    const state = await world.as('secretariat', 'GET', `${base()}/state`);
    expect(state.body.pendingDeliveries).toBe(0);
  });
});

describe('an API killed in the middle of a launch', () => {
  let world: RulesWorld;

  beforeAll(async () => {
    // This API records launches but delivers nothing, as one killed right after the commit.
    world = await startRulesWorld({
      clockStart: local('2021-11-17T08:00:00'),
      api: { outboxPollMs: 0 },
    });
    await world.at(local('2021-11-18T09:00:00'));
  }, 120_000);

  afterAll(() => world?.close());

  it('starts the workflow from the next API, and the campaign can be used', async () => {
    const notStarted = await world.campaign({ units: ['SNV', 'STP'] });
    const startedOnly = await world.campaign({ units: ['SNV'] });
    for (const campaign of [notStarted, startedOnly]) {
      const launch = await world.as('secretariat', 'POST', `/campaigns/${campaign.code}/launch`);
      expect(launch.status, JSON.stringify(launch.body)).toBe(200);
      expect(launch.body).toMatchObject({ status: 'launched', workflowStarted: false });
    }
    const outbox = world.api.dataSource.getRepository(OutboxMessage);
    const notStartedId = await notStarted.workflowId();
    await expect(world.env.client.workflow.getHandle(notStartedId).describe()).rejects.toThrow();
    // The second one's start reached Temporal, but the API died before recording it.
    const start = await outbox.findOneByOrFail({ campaignId: startedOnly.id, kind: 'start' });
    const payload = start.payload as { taskQueue: string; args: unknown[] };
    const earlier = await world.env.client.workflow.start('campaignWorkflow', {
      workflowId: start.workflowId,
      taskQueue: payload.taskQueue,
      args: payload.args,
      memo: { campaignId: startedOnly.id },
    });

    await world.restartApi({ outboxPollMs: 200 });
    const outboxNow = () => world.api.dataSource.getRepository(OutboxMessage);
    const delivered = await settled(
      () => outboxNow().findBy({ kind: 'start', campaignId: notStarted.id }),
      (rows) => rows.every((row) => row.deliveredAt !== null),
      30_000,
    );
    expect(delivered[0]).toMatchObject({ outcome: 'delivered' });
    const found = await settled(
      () => outboxNow().findOneByOrFail({ id: start.id }),
      (row) => row.deliveredAt !== null,
      30_000,
    );
    expect(found.outcome).toBe('delivered');
    const description = await world.env.client.workflow.getHandle(start.workflowId).describe();
    expect(description.runId).toBe(earlier.firstExecutionRunId); // not started twice

    // The campaign runs: its units have workflows, and its steps take actions.
    const queries = workflowQueries(world, notStartedId);
    const campaignState = await settled(
      () => queries.campaign(),
      (s) => s.units === 2,
    );
    expect(campaignState.units).toBe(2);
    await world.at(local('2021-11-25T09:00:00'));
    const opened = await world.as(
      'secretariat',
      'POST',
      `/campaigns/${notStarted.code}/steps/3/open`,
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(202);
    expect(opened.body).toMatchObject({ status: 'open', delivery: 'delivered' });
    const step3 = await settled(
      () => queries.campaign(),
      (s) => s.steps.find((step) => step.number === 3)?.status === 'open',
    );
    expect(step3.steps.find((step) => step.number === 3)?.status).toBe('open');
  });
});
