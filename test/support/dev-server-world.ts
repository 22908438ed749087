/**
 * The Temporal dev server (real server semantics and visibility, real time) with the project's
 * search attributes, a worker with the real activities, and the run's PostgreSQL.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import type { StepPlanEntry } from '../../src/contracts/campaign.js';
import { CampaignStep } from '../../src/entities/index.js';
import { inject } from 'vitest';
import { createDataSource } from '../../src/db/data-source.js';
import { SEARCH_ATTRIBUTES } from '../../src/contracts/search-attributes.js';
import { findTemporalCli, INSTALL_HINT } from '../../scripts/launcher/temporal-binaries.js';
import { createTestWorker } from './temporal.js';
import './provided.js';

export interface DevServerWorld {
  env: TestWorkflowEnvironment;
  db: DataSource;
  close(): Promise<void>;
}

export async function startDevServerWorld(taskQueue: string): Promise<DevServerWorld> {
  const cli = findTemporalCli();
  if (!cli) throw new Error(`The Temporal CLI was not found. ${INSTALL_HINT}`);
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: cli },
      searchAttributes: SEARCH_ATTRIBUTES,
      extraArgs: ['--log-level', 'error'],
    },
  });
  const db = createDataSource(inject('databaseUrl'));
  await db.initialize();
  let worker: Worker;
  try {
    worker = await createTestWorker(env, db, { taskQueue });
  } catch (err) {
    await env.teardown();
    await db.destroy();
    throw err;
  }
  const running = worker.run();
  return {
    env,
    db,
    async close() {
      worker.shutdown();
      await running;
      await env.teardown();
      await db.destroy();
    },
  };
}

/** Polls `read` until `ok` (or 30 s), returning the last value read. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Puts a workflow input's step dates into PostgreSQL: the units read their facts there (their
 * snapshot), so a test that starts a campaign workflow by hand keeps both in step, as a launch
 * through the API does.
 */
export async function planInDatabase(
  db: DataSource,
  campaignId: string,
  steps: readonly StepPlanEntry[],
): Promise<void> {
  for (const step of steps) {
    await db.getRepository(CampaignStep).update(
      { campaignId, number: step.number },
      {
        opensAt: step.opensAt ? new Date(step.opensAt) : null,
        deadline: step.deadline ? new Date(step.deadline) : null,
      },
    );
  }
}
