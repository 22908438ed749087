/**
 * What a test of the 2021 Vĩnh Long plan on timers needs: the plan seeded under a code of its
 * own (optionally fewer units), a time-skipping server of its own whose clock starts on
 * 31/10/2021, and a worker with the real activities. `close()` undoes it all.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createDataSource } from '../../src/db/data-source.js';
import { Campaign } from '../../src/entities/index.js';
import { seedCampaignPlan } from '../../src/seed/seed.js';
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import { createTestWorker } from './temporal.js';
import { startTimeSkippingServer } from './time-skipping-server.js';
import './provided.js';

/** A local (UTC+7) wall-clock time in the plan's zone, as an instant. */
export const local = (stamp: string) => new Date(`${stamp}+07:00`);

export interface Plan2021World {
  env: TestWorkflowEnvironment;
  db: DataSource;
  campaignId: string;
  code: string;
  taskQueue: string;
  close(): Promise<void>;
}

export async function startPlan2021World(options: {
  /** Prefix of the campaign code (a random suffix keeps runs apart). */
  codePrefix: string;
  taskQueue: string;
  /** Only these units take part (default: all 25). */
  units?: readonly string[];
  /** The worker's SMTP transport (default: the run's MailDev). */
  transport?: Transporter;
}): Promise<Plan2021World> {
  const db = createDataSource(inject('databaseUrl'));
  await db.initialize();
  const code = `${options.codePrefix}-${randomUUID().slice(0, 8)}`;
  const { units } = options;
  const { campaignId } = await seedCampaignPlan(db, {
    ...VINH_LONG_2021,
    campaign: { ...VINH_LONG_2021.campaign, code },
    ...(units && { units: VINH_LONG_2021.units.filter((u) => units.includes(u.code)) }),
  });
  const server = await startTimeSkippingServer({ clockStart: local('2021-10-31T00:00:00') });
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  try {
    worker = await createTestWorker(server.env, db, {
      taskQueue: options.taskQueue,
      ...(options.transport && { transport: options.transport }),
    });
    running = worker.run();
  } catch (err) {
    await server.teardown();
    throw err;
  }
  return {
    env: server.env,
    db,
    campaignId,
    code,
    taskQueue: options.taskQueue,
    async close() {
      worker?.shutdown();
      await running;
      await server.teardown();
      await db.getRepository(Campaign).delete({ code });
      await db.destroy();
    },
  };
}
