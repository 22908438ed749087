/**
 * On the Temporal dev server (real server semantics, real time): batch workflows continue as new
 * when their history grows, and the units they started keep hearing the campaign through the new
 * runs. Round 1's end reaches only the units still in late intake.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Campaign, Participation } from '../../src/entities/index.js';
import { seedCampaignPlan } from '../../src/seed/seed.js';
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import type { CampaignWorkflowInput } from '../../src/contracts/campaign.js';
import { campaignWorkflow } from '../../src/workflows/index.js';
import {
  chairmanDecisionSignal,
  closeStepSignal,
  selfAssessmentSubmittedSignal,
  unitStateQuery,
} from '../../src/contracts/signals.js';
import type { unitWorkflow } from '../../src/workflows/unit.workflow.js';
import { batchWorkflowId, unitWorkflowId } from '../../src/contracts/workflow-ids.js';
import {
  type DevServerWorld,
  eventually,
  planInDatabase,
  startDevServerWorld,
} from '../support/dev-server-world.js';
import '../support/provided.js';

describe('batch workflows on the dev server', () => {
  let env: TestWorkflowEnvironment;
  let world: DevServerWorld;
  let db: DataSource;
  const code = `can-test-${randomUUID().slice(0, 8)}`;
  const year = 2200 + Math.floor(Math.random() * 700);
  const units = ['SNV', 'STP', 'STC', 'TTT'];
  const taskQueue = 'par-continue-as-new-test';

  beforeAll(async () => {
    world = await startDevServerWorld(taskQueue);
    env = world.env;
    db = world.db;
  });

  afterAll(async () => {
    await world?.db.getRepository(Campaign).delete({ code });
    await world?.close();
  });

  it('continues as new and still relays round 1’s end and the announcement', async () => {
    const { campaignId } = await seedCampaignPlan(db, {
      ...VINH_LONG_2021,
      campaign: { ...VINH_LONG_2021.campaign, code, year },
      units: VINH_LONG_2021.units.filter((u) => units.includes(u.code)),
    });
    const now = Date.now();
    const input: CampaignWorkflowInput = {
      campaignId,
      code,
      year,
      name: 'Kiểm tra tiếp tục lịch sử mới',
      timeZone: 'Asia/Ho_Chi_Minh',
      latePolicy: 'accept',
      batchSize: 2,
      // Every batch continues as new after each piece of work.
      batchHistoryLimit: 1,
      steps: [
        {
          number: 3,
          kind: 'self_assessment',
          actor: 'units',
          titleVi: 'Tự đánh giá, chấm điểm',
          opensAt: new Date(now).toISOString(),
          deadline: new Date(now + 4000).toISOString(),
        },
        {
          number: 4,
          kind: 'appraisal_round_1',
          actor: 'secretariat',
          titleVi: 'Thẩm định lần thứ nhất',
          opensAt: new Date(now + 4000).toISOString(),
          deadline: new Date(now + 600_000).toISOString(),
        },
        {
          number: 10,
          kind: 'announcement',
          actor: 'secretariat',
          titleVi: 'Công bố kết quả',
          opensAt: null,
          deadline: null,
          startsAfterStep: 4,
        },
      ],
    };
    await planInDatabase(db, campaignId, input.steps);
    const workflowId = `par-${year}-${code}`;
    const campaign = await env.client.workflow.start(campaignWorkflow, {
      workflowId,
      taskQueue,
      args: [input],
    });
    const unit = (c: string) =>
      env.client.workflow.getHandle<typeof unitWorkflow>(unitWorkflowId(workflowId, c));
    const statusOf = async (c: string) => (await unit(c).query(unitStateQuery)).status;

    // SNV and STP in time; STC late (during late intake); TTT never.
    for (const c of ['SNV', 'STP']) {
      await eventually(
        () =>
          unit(c)
            .describe()
            .then(
              () => true,
              () => false,
            ),
        (started) => started,
      );
      await unit(c).signal(selfAssessmentSubmittedSignal, {
        submittedAt: new Date().toISOString(),
        version: 1,
      });
    }
    expect(
      await eventually(
        () => statusOf('TTT'),
        (s) => s === 'missing',
      ),
    ).toBe('missing');
    expect(
      await eventually(
        () => statusOf('STC'),
        (s) => s === 'missing',
      ),
    ).toBe('missing');
    await unit('STC').signal(selfAssessmentSubmittedSignal, {
      submittedAt: new Date().toISOString(),
      version: 1,
    });
    expect(
      await eventually(
        () => statusOf('STC'),
        (s) => s === 'late',
      ),
    ).toBe('late');

    // The secretariat ends round 1: late intake ends for TTT, the one unit still missing.
    await campaign.signal(closeStepSignal, { step: 4 });
    await campaign.signal(chairmanDecisionSignal, { number: '99/QĐ-UBND', date: '2022-02-28' });
    const result = await campaign.result();
    expect(result.steps.map((s) => [s.number, s.status])).toEqual([
      [3, 'closed'],
      [4, 'closed'],
      [10, 'closed'],
    ]);

    const final = Object.fromEntries(
      await Promise.all(units.map(async (c) => [c, await unit(c).result()] as const)),
    );
    expect(final.SNV!.selfAssessment.late).toBe(false);
    expect(final.STC!.selfAssessment.late).toBe(true);
    expect(final.TTT!.selfAssessment.submittedAt).toBeNull();
    expect(Object.values(final).map((u) => u.status)).toEqual(Array(4).fill('completed'));

    // Every batch ran more than once, and its last run relayed both events.
    for (const batch of [0, 1]) {
      const runs: string[] = [];
      for await (const execution of env.client.workflow.list({
        query: `WorkflowId = "${batchWorkflowId(workflowId, batch)}"`,
      })) {
        runs.push(execution.status.name);
      }
      expect(runs.filter((status) => status === 'CONTINUED_AS_NEW').length).toBeGreaterThan(0);
      expect(runs.filter((status) => status === 'COMPLETED')).toHaveLength(1);
      const last = await env.client.workflow.getHandle(batchWorkflowId(workflowId, batch)).result();
      expect(last).toMatchObject({ units: 2, eventsRelayed: 2 });
    }

    // Campaign events each unit heard: round 1's end only where late intake was still open.
    const campaignEvents = async (c: string) =>
      ((await unit(c).fetchHistory()).events ?? []).filter(
        (e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'campaignEvent',
      ).length;
    expect(await campaignEvents('TTT')).toBe(2); // stepClosed, resultsAnnounced
    expect(await campaignEvents('SNV')).toBe(1); // resultsAnnounced
    expect(await campaignEvents('STC')).toBe(1);

    const participations = await db.getRepository(Participation).findBy({ campaignId });
    expect(participations.map((p) => p.status)).toEqual(Array(4).fill('completed'));
  });
});
