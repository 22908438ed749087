import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { inject } from 'vitest';
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

/** A worker on the test server with the workflows bundled once per run. */
export async function createTestWorker(
  env: TestWorkflowEnvironment,
  activities: Record<string, (...args: never[]) => Promise<unknown>> = {},
): Promise<Worker> {
  return createCampaignWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue: TASK_QUEUE,
    activities,
    workflowBundle: { code: inject('workflowBundleCode') },
  });
}
