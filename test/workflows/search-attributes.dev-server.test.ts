/**
 * On the Temporal dev server (which has visibility, unlike the time-skipping server): the custom
 * search attributes let an admin filter campaigns and units, e.g. the units still missing their
 * self-assessment.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Campaign } from '../../src/entities/index.js';
import { seedCampaignPlan } from '../../src/seed/seed.js';
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import type { CampaignWorkflowInput } from '../../src/contracts/campaign.js';
import { campaignWorkflow } from '../../src/workflows/index.js';
import { selfAssessmentSubmittedSignal } from '../../src/contracts/signals.js';
import { unitWorkflowId } from '../../src/contracts/workflow-ids.js';
import {
  type DevServerWorld,
  eventually,
  planInDatabase,
  startDevServerWorld,
} from '../support/dev-server-world.js';
import '../support/provided.js';

describe('search attributes on the dev server', () => {
  let env: TestWorkflowEnvironment;
  let world: DevServerWorld;
  let db: DataSource;
  const code = `sa-test-${randomUUID().slice(0, 8)}`;
  // A year no other run uses, so the filters below see only this campaign.
  const year = 2200 + Math.floor(Math.random() * 700);
  const units = ['SNV', 'STP', 'STC', 'TTT'];

  beforeAll(async () => {
    world = await startDevServerWorld('par-dev-server-test');
    env = world.env;
    db = world.db;
  });

  afterAll(async () => {
    await world?.db.getRepository(Campaign).delete({ code });
    await world?.close();
  });

  it('filters campaigns by year and units by status', async () => {
    const { campaignId } = await seedCampaignPlan(db, {
      ...VINH_LONG_2021,
      campaign: { ...VINH_LONG_2021.campaign, code, year },
      units: VINH_LONG_2021.units.filter((u) => units.includes(u.code)),
    });
    // A self-assessment window that closes four seconds from now, in real time.
    const now = Date.now();
    const input: CampaignWorkflowInput = {
      campaignId,
      code,
      year,
      name: 'Kiểm tra thuộc tính tìm kiếm',
      timeZone: 'Asia/Ho_Chi_Minh',
      latePolicy: 'refuse',
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
          number: 10,
          kind: 'announcement',
          actor: 'secretariat',
          titleVi: 'Công bố kết quả',
          opensAt: null,
          deadline: null,
        },
      ],
    };
    await planInDatabase(db, campaignId, input.steps);
    const workflowId = `par-${year}-${code}`;
    await env.client.workflow.start(campaignWorkflow, {
      workflowId,
      taskQueue: 'par-dev-server-test',
      args: [input],
    });
    // SNV and STP submit in time; STC and TTT do not.
    for (const unit of ['SNV', 'STP']) {
      const handle = env.client.workflow.getHandle(unitWorkflowId(workflowId, unit));
      await eventually(
        () =>
          handle.describe().then(
            () => true,
            () => false,
          ),
        (started) => started,
      );
      await handle.signal(selfAssessmentSubmittedSignal, {
        submittedAt: new Date().toISOString(),
        version: 1,
      });
    }

    const list = async (query: string) => {
      const ids: string[] = [];
      for await (const execution of env.client.workflow.list({ query }))
        ids.push(execution.workflowId);
      return ids.sort();
    };
    const missing = await eventually(
      () => list(`ParCampaignYear = ${year} AND ParUnitStatus = "missing"`),
      (ids) => ids.length === 2,
    );
    expect(missing).toEqual([unitWorkflowId(workflowId, 'STC'), unitWorkflowId(workflowId, 'TTT')]);
    const submitted = await list(`ParCampaignYear = ${year} AND ParUnitStatus = "submitted"`);
    expect(submitted).toEqual([
      unitWorkflowId(workflowId, 'SNV'),
      unitWorkflowId(workflowId, 'STP'),
    ]);
    expect(await list(`ParCampaignYear = ${year} AND ParUnitCode = "TTT"`)).toEqual([
      unitWorkflowId(workflowId, 'TTT'),
    ]);
    const campaigns = await eventually(
      () => list(`ParCampaignYear = ${year} AND ParCurrentStep = 10`),
      (ids) => ids.length === 1,
    );
    expect(campaigns).toEqual([workflowId]);
  });
});
