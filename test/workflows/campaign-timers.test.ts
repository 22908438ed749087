import type { TestWorkflowEnvironment } from '@temporalio/testing';
import '../support/provided.js';
import type { Worker } from '@temporalio/worker';
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDataSource } from '../../src/db/data-source.js';
import type { CampaignWorkflowInput } from '../../src/contracts/campaign.js';
import { campaignWorkflow } from '../../src/workflows/index.js';
import { campaignStateQuery, closeStepSignal } from '../../src/contracts/signals.js';
import { connectTimeSkipping, createTestWorker, TASK_QUEUE } from '../support/temporal.js';

const DAY = 24 * 60 * 60 * 1000;

describe('campaign workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  let db: DataSource;

  beforeAll(async () => {
    env = await connectTimeSkipping();
    db = createDataSource(inject('databaseUrl'));
    await db.initialize();
    worker = await createTestWorker(env, db);
    running = worker.run();
  });

  afterAll(async () => {
    worker.shutdown();
    await running;
    await env.teardown();
    await db.destroy();
  });

  it('opens and closes steps by timer, days of server time in moments', async () => {
    const start = await env.currentTimeMs();
    const iso = (offsetDays: number) => new Date(start + offsetDays * DAY).toISOString();
    const input: CampaignWorkflowInput = {
      // No such campaign in the database: no units, and step records update no row.
      campaignId: '00000000-0000-4000-8000-000000000000',
      year: 2021,
      name: 'Chấm điểm Chỉ số CCHC năm 2021',
      timeZone: 'Asia/Ho_Chi_Minh',
      steps: [
        { number: 3, titleVi: 'Tự đánh giá, chấm điểm', opensAt: iso(1), deadline: iso(24) },
        { number: 4, titleVi: 'Thẩm định lần thứ nhất', opensAt: iso(27), deadline: iso(31) },
        {
          number: 11,
          titleVi: 'Tham mưu khen thưởng',
          opensAt: null,
          deadline: null,
          startsAfterStep: 4,
        },
      ],
    };
    const handle = await env.client.workflow.start(campaignWorkflow, {
      workflowId: `par-test-timers-${start}`,
      taskQueue: TASK_QUEUE,
      args: [input],
    });

    const before = await handle.query(campaignStateQuery);
    expect(before.steps.map((s) => s.status)).toEqual(['pending', 'pending', 'pending']);

    // 25 days later: step 3 closed at its deadline, step 4 not open yet.
    await env.sleep(25 * DAY);
    const afterSelfAssessment = await handle.query(campaignStateQuery);
    expect(afterSelfAssessment.steps[0]).toMatchObject({ status: 'closed', closedBy: 'deadline' });
    expect(Date.parse(afterSelfAssessment.steps[0]!.closedAt!)).toBeGreaterThanOrEqual(
      Date.parse(input.steps[0]!.deadline!),
    );
    expect(afterSelfAssessment.steps[1]!.status).toBe('pending');

    // Step 4 opens at day 27; the secretariat closes it early at day 28.
    await env.sleep(3 * DAY);
    expect((await handle.query(campaignStateQuery)).currentStep).toBe(4);
    await handle.signal(closeStepSignal, { step: 4 });
    await env.sleep(1000);
    const afterEarlyClose = await handle.query(campaignStateQuery);
    expect(afterEarlyClose.steps[1]).toMatchObject({ status: 'closed', closedBy: 'secretariat' });
    expect(Date.parse(afterEarlyClose.steps[1]!.closedAt!)).toBeLessThan(
      Date.parse(input.steps[1]!.deadline!),
    );

    // Step 11 has no date: it opens after step 4 and waits for the secretariat.
    expect(afterEarlyClose.steps[2]!.status).toBe('open');
    await handle.signal(closeStepSignal, { step: 11 });
    const result = await handle.result();
    expect(result.steps.every((s) => s.status === 'closed')).toBe(true);
    expect((await env.currentTimeMs()) - start).toBeGreaterThan(28 * DAY);
  });
});
