import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createMailTransport } from '../../src/activities/mail/mail-transport.js';
import { DEFAULTS } from '../../src/config.js';
import { createCampaignWorker } from '../../src/worker/create-worker.js';
import { createWorkerActivities } from '../../src/worker/worker-activities.js';
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
  options: { taskQueue?: string; transport?: Transporter } = {},
): Promise<Worker> {
  // Mail goes to the run's MailDev, with the service's default sender and mailboxes.
  const transport = options.transport ?? createMailTransport(inject('smtpUrl'));
  const worker = await createCampaignWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    activities: createWorkerActivities(dataSource, transport, DEFAULTS),
    workflowBundle: { code: inject('workflowBundleCode') },
  });
  // The pooled SMTP connections close when the worker stops running.
  const run = worker.run.bind(worker);
  worker.run = () => run().finally(() => transport.close());
  return worker;
}
