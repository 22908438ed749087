import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createCampaignRecordActivities } from '../../src/activities/campaign-records.js';
import { createCampaignWorker } from '../../src/worker/create-worker.js';
import './provided.js';

export const TASK_QUEUE = 'par-test';

/**
 * Connects to the time-skipping server started once for the run. The public
 * `createFromExistingServer` always turns time skipping off, so this calls the SDK's own factory
 * with it on (checked against @temporalio/testing 1.24).
 */
export async function connectTimeSkipping(): Promise<TestWorkflowEnvironment> {
  const factory = TestWorkflowEnvironment as unknown as {
    create(options: object): Promise<TestWorkflowEnvironment>;
  };
  return factory.create.call(TestWorkflowEnvironment, {
    server: { type: 'existing' },
    address: inject('temporalAddress'),
    namespace: 'default',
    supportsTimeSkipping: true,
  });
}

/**
 * A worker on the test server with the workflows bundled once per run and the real activities on
 * the run's PostgreSQL.
 */
export async function createTestWorker(
  env: TestWorkflowEnvironment,
  dataSource: DataSource,
  options: { taskQueue?: string } = {},
): Promise<Worker> {
  return createCampaignWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    activities: { ...createCampaignRecordActivities(dataSource) },
    workflowBundle: { code: inject('workflowBundleCode') },
  });
}
