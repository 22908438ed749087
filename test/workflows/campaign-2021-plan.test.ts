/**
 * The whole 2021 Vĩnh Long plan (25 units, 11 steps, the real dates) on a time-skipping server
 * whose clock starts on 31/10/2021, with real activities writing to PostgreSQL.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCampaignWorkflowInput } from '../../src/api/campaigns/campaign-workflow-input.js';
import { Campaign, CampaignStep, Participation, SelfAssessment } from '../../src/entities/index.js';
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import { campaignWorkflow } from '../../src/workflows/index.js';
import {
  amendDeadlineSignal,
  campaignStateQuery,
  chairmanDecisionSignal,
  closeStepSignal,
  councilApprovalSignal,
  explanationRequestedSignal,
  explanationSubmittedSignal,
  extensionGrantedSignal,
  selfAssessmentSubmittedSignal,
  unitStateQuery,
} from '../../src/contracts/signals.js';
import { unitWorkflowId } from '../../src/contracts/workflow-ids.js';
import { markersNamed } from '../support/histories.js';
import { local, type Plan2021World, startPlan2021World } from '../support/plan-2021-world.js';
import '../support/provided.js';

type History = temporal.api.history.v1.IHistory;

/** Local activities a workflow ran, and its patch markers. */
const localActivities = (history: History) => markersNamed(history, 'core_local_activity').length;
const patchMarkers = (history: History) => markersNamed(history, 'core_patch').length;

const TASK_QUEUE = 'par-plan-2021';
/** Writes each workflow's history to test/fixtures/histories/<recording>/<workflow id>.json. */
async function recordHistories(
  recording: string,
  handles: { workflowId: string; fetchHistory(): Promise<History> }[],
) {
  const dir = fileURLToPath(new URL(`../fixtures/histories/${recording}/`, import.meta.url));
  mkdirSync(dir, { recursive: true });
  for (const handle of handles) {
    writeFileSync(`${dir}${handle.workflowId}.json`, historyToJSON(await handle.fetchHistory()));
  }
}

describe('the 2021 Vĩnh Long plan, end to end on timers', () => {
  let world: Plan2021World;
  // The real readable ID: this file has a server of its own, so it never collides.
  const workflowId = 'par-2021-vinhlong';

  beforeAll(async () => {
    world = await startPlan2021World({ codePrefix: 'vinhlong-2021-wf', taskQueue: TASK_QUEUE });
  });

  afterAll(() => world?.close());

  it('runs every step on its dates and records each unit as submitted, late, missing or explained', async () => {
    const { env, db, campaignId } = world;
    const campaign = await db.getRepository(Campaign).findOneByOrFail({ id: campaignId });
    const steps = await db.getRepository(CampaignStep).findBy({ campaignId });
    const input = { ...buildCampaignWorkflowInput(campaign, steps), batchSize: 10 };
    const handle = await env.client.workflow.start(campaignWorkflow, {
      workflowId,
      taskQueue: TASK_QUEUE,
      args: [input],
    });
    const unit = (unitCode: string) =>
      env.client.workflow.getHandle(unitWorkflowId(workflowId, unitCode));
    const advanceTo = async (instant: Date) => {
      const now = await env.currentTimeMs();
      if (instant.getTime() > now) await env.sleep(instant.getTime() - now);
    };
    const participationOf = async (unitCode: string) =>
      db
        .getRepository(Participation)
        .createQueryBuilder('p')
        .innerJoin('p.unit', 'u')
        .where('p.campaign_id = :campaignId AND u.code = :unitCode', { campaignId, unitCode })
        .getOneOrFail();
    const stepOf = async (n: number) =>
      (await handle.query(campaignStateQuery)).steps.find((s) => s.number === n)!;

    // November: steps 1 and 2 open; the secretariat completes step 1, leaves step 2 overdue.
    await advanceTo(local('2021-11-10T09:00:00'));
    const november = await handle.query(campaignStateQuery);
    expect(november.units).toBe(25);
    expect(november.batches).toHaveLength(3); // 25 units in batches of 10
    expect(november.steps.filter((s) => s.status === 'open').map((s) => s.number)).toEqual([1, 2]);
    await handle.signal(closeStepSignal, { step: 1 });
    await advanceTo(local('2021-12-01T08:00:00'));
    expect(await stepOf(1)).toMatchObject({ status: 'closed', closedBy: 'secretariat' });
    expect(await stepOf(2)).toMatchObject({ status: 'open', overdue: true });
    expect(await stepOf(3)).toMatchObject({ status: 'open' });
    await handle.signal(closeStepSignal, { step: 2 });

    // Self-assessment, 01–24/12/2021: 21 units on time, SNV after its extension, STP late, TTT never.
    const onTime = VINH_LONG_2021.units
      .map((u) => u.code)
      .filter((c) => !['SNV', 'STP', 'TTT', 'BQLKCN', 'SCT'].includes(c));
    await advanceTo(local('2021-12-15T10:00:00'));
    // The first ten submit as the API does it: it commits the participation's status, then says
    // so in the signal, and the unit does not write it again. The others' signals say nothing
    // (as from an older API), and their units record the status themselves.
    const throughApi = onTime.slice(0, 10);
    for (const c of onTime) {
      const recorded = throughApi.includes(c);
      if (recorded) {
        await db
          .getRepository(Participation)
          .update(
            { id: (await participationOf(c)).id },
            { status: 'submitted', statusChangedAt: local('2021-12-15T10:00:00') },
          );
      }
      await unit(c).signal(selfAssessmentSubmittedSignal, {
        submittedAt: local('2021-12-15T10:00:00').toISOString(),
        version: 1,
        ...(recorded ? { recordedStatus: 'submitted' as const } : {}),
      });
    }
    // SCT's submission reached PostgreSQL but its signal was lost (Temporal was down).
    await db.getRepository(SelfAssessment).save({
      participationId: (await participationOf('SCT')).id,
      version: 1,
      status: 'submitted',
      submittedAt: local('2021-12-20T14:00:00'),
      late: false,
      submittedBy: 'Sở Công Thương',
    });
    await unit('SNV').signal(extensionGrantedSignal, {
      stepNumber: 3,
      deadline: local('2021-12-28T23:59:59').toISOString(),
    });
    await advanceTo(local('2021-12-26T09:00:00'));
    expect(await stepOf(3)).toMatchObject({ status: 'closed', closedBy: 'deadline' });
    expect((await unit('TTT').query(unitStateQuery)).status).toBe('missing');
    expect((await unit('SNV').query(unitStateQuery)).status).toBe('registered'); // extension runs
    await unit('STP').signal(selfAssessmentSubmittedSignal, {
      submittedAt: local('2021-12-26T09:00:00').toISOString(),
      version: 1,
    });
    await unit('SNV').signal(selfAssessmentSubmittedSignal, {
      submittedAt: local('2021-12-27T15:00:00').toISOString(),
      version: 1,
    });

    // Round 1 (27–31/12): the secretariat closes it early on 30/12; late intake ends with it (the
    // API refuses BQLKCN's submission after it: it stays missing).
    await advanceTo(local('2021-12-30T16:00:00'));
    await handle.signal(closeStepSignal, {
      step: 4,
      at: local('2021-12-30T16:00:00').toISOString(),
    });
    await advanceTo(local('2021-12-31T09:00:00'));
    expect(await stepOf(4)).toMatchObject({
      status: 'closed',
      closedBy: 'secretariat',
      closedAt: local('2021-12-30T16:00:00').toISOString(),
    });

    // Aggregation (03–14/01/2022): explanations requested from three units; step 6's deadline is
    // amended from 21/01 to 25/01.
    await advanceTo(local('2022-01-10T09:00:00'));
    for (const c of ['SGTVT', 'SXD', 'TPVL']) {
      await unit(c).signal(explanationRequestedSignal, {
        criteria: ['1.1.1', '3.2.1'],
        reason: 'Điểm thẩm định thấp hơn điểm tự chấm; thiếu tài liệu kiểm chứng.',
        requestedAt: local('2022-01-10T09:00:00').toISOString(),
      });
    }
    await handle.signal(closeStepSignal, { step: 5 });
    await handle.signal(amendDeadlineSignal, {
      step: 6,
      deadline: local('2022-01-25T23:59:59').toISOString(),
    });
    await advanceTo(local('2022-01-24T10:00:00'));
    // Past the plan's 21/01, but inside the amended deadline.
    await unit('SGTVT').signal(explanationSubmittedSignal, {
      submittedAt: local('2022-01-24T10:00:00').toISOString(),
    });
    await unit('SXD').signal(explanationSubmittedSignal, {
      submittedAt: local('2022-01-24T10:00:00').toISOString(),
    });
    await advanceTo(local('2022-01-26T09:00:00'));
    expect(await stepOf(6)).toMatchObject({
      status: 'closed',
      closedBy: 'deadline',
      deadline: local('2022-01-25T23:59:59').toISOString(),
    });

    // Round 2, aggregation, council (15–17/02), the Chairman's decision (28/02), step 11.
    await advanceTo(local('2022-01-28T16:00:00'));
    await handle.signal(closeStepSignal, { step: 7 });
    await advanceTo(local('2022-02-11T16:00:00'));
    await handle.signal(closeStepSignal, { step: 8 });
    await advanceTo(local('2022-02-16T10:00:00'));
    await handle.signal(councilApprovalSignal, {
      approvedAt: local('2022-02-16T10:00:00').toISOString(),
      note: 'Hội đồng thẩm định thông qua kết quả',
    });
    await advanceTo(local('2022-02-28T15:00:00'));
    expect(await stepOf(9)).toMatchObject({ status: 'closed', closedBy: 'council' });
    expect(await stepOf(11)).toMatchObject({ status: 'pending' });
    await handle.signal(chairmanDecisionSignal, { number: '456/QĐ-UBND', date: '2022-02-28' });
    await advanceTo(local('2022-03-01T09:00:00'));
    expect(await stepOf(10)).toMatchObject({ status: 'closed', closedBy: 'chairman' });
    expect(await stepOf(11)).toMatchObject({ status: 'open' });
    await advanceTo(local('2022-03-10T09:00:00'));
    await handle.signal(closeStepSignal, { step: 11 });
    const result = await handle.result();

    expect(result.steps.map((s) => [s.number, s.status, s.closedBy])).toEqual([
      [1, 'closed', 'secretariat'],
      [2, 'closed', 'secretariat'],
      [3, 'closed', 'deadline'],
      [4, 'closed', 'secretariat'],
      [5, 'closed', 'secretariat'],
      [6, 'closed', 'deadline'],
      [7, 'closed', 'secretariat'],
      [8, 'closed', 'secretariat'],
      [9, 'closed', 'council'],
      [10, 'closed', 'chairman'],
      [11, 'closed', 'secretariat'],
    ]);
    expect(result.decision).toEqual({ number: '456/QĐ-UBND', date: '2022-02-28' });

    const final = Object.fromEntries(
      await Promise.all(
        VINH_LONG_2021.units.map(async (u) => [u.code, await unit(u.code).result()] as const),
      ),
    );
    expect(final.SNV!.selfAssessment).toMatchObject({ late: false }); // inside its extension
    expect(final.STP!.selfAssessment).toMatchObject({ late: true });
    expect(final.TTT!.selfAssessment.submittedAt).toBeNull();
    // Found in PostgreSQL at the deadline: on time, not missing.
    expect(final.SCT!.selfAssessment).toMatchObject({
      submittedAt: local('2021-12-20T14:00:00').toISOString(),
      late: false,
    });
    expect(final.BQLKCN!.selfAssessment.submittedAt).toBeNull();
    expect(final.SGTVT!.explanation.submittedAt).not.toBeNull();
    expect(final.TPVL!.explanation).toMatchObject({ submittedAt: null });
    expect(Object.values(final).every((u) => u.finishedAt !== null)).toBe(true);

    // Status writes: none by units for what the API or the batch recorded; one per decision else.
    const apiUnit = throughApi[0]!;
    const plainUnit = onTime[onTime.length - 1]!;
    expect(throughApi).not.toContain(plainUnit);
    expect(localActivities(await unit(apiUnit).fetchHistory())).toBe(0);
    expect(localActivities(await unit(plainUnit).fetchHistory())).toBe(1); // 'submitted'
    // TTT: read its facts from PostgreSQL at the deadline, then recorded 'missing' (no timer to
    // the end of late intake: nothing changes for it then); 'completed' came from its batch.
    expect(localActivities(await unit('TTT').fetchHistory())).toBe(2);
    // Started by a batch that records completion: the input says which code runs, no marker.
    expect(patchMarkers(await unit(apiUnit).fetchHistory())).toBe(0);

    if (process.env.RECORD_HISTORIES) {
      // Refreshes the committed histories the replay test checks new workflow code against.
      await recordHistories(process.env.RECORD_HISTORIES, [
        handle,
        env.client.workflow.getHandle(`${workflowId}-batch-1`),
        env.client.workflow.getHandle(`${workflowId}-notifications`),
        ...['SNV', 'STP', 'TTT', 'BQLKCN', 'SGTVT', 'TPVL', 'SCT', apiUnit].map(unit),
      ]);
    }

    // PostgreSQL agrees with the workflows.
    expect((await db.getRepository(Campaign).findOneByOrFail({ id: campaignId })).status).toBe(
      'completed',
    );
    const participations = await db.getRepository(Participation).findBy({ campaignId });
    expect(participations).toHaveLength(25);
    expect(participations.every((p) => p.status === 'completed')).toBe(true);
    // Recorded by the batches at the announcement, in one statement each.
    const announcedAt = final.SNV!.finishedAt!;
    expect(
      participations.filter((p) => p.statusChangedAt?.toISOString() === announcedAt),
    ).toHaveLength(25);
  });
});
