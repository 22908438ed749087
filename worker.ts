/**
 * The worker process: runs campaign and unit workflows and their activities.
 * Stops cleanly on SIGINT/SIGTERM (the Temporal runtime handles the signals).
 */
import 'reflect-metadata';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createMailTransport } from './src/activities/mail/mail-transport.js';
import { loadConfig } from './src/config.js';
import { createDataSource } from './src/db/data-source.js';
import { registerSearchAttributes } from './src/temporal/register-search-attributes.js';
import { createCampaignWorker } from './src/worker/create-worker.js';
import { createWorkerActivities } from './src/worker/worker-activities.js';

async function main(): Promise<void> {
  const config = loadConfig();

  const clientConnection = await Connection.connect({ address: config.temporalAddress });
  try {
    const added = await registerSearchAttributes(clientConnection, config.temporalNamespace);
    if (added.length > 0) console.log(`worker: registered search attributes ${added.join(', ')}`);
  } finally {
    await clientConnection.close();
  }

  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  const transport = createMailTransport(config.smtpUrl);
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  try {
    const worker = await createCampaignWorker({
      connection,
      namespace: config.temporalNamespace,
      taskQueue: config.temporalTaskQueue,
      activities: createWorkerActivities(dataSource, transport, config),
      maxCachedWorkflows: config.workerMaxCachedWorkflows,
    });
    console.log(
      `worker: polling task queue "${config.temporalTaskQueue}" on ${config.temporalAddress} (namespace ${config.temporalNamespace})`,
    );
    await worker.run();
  } finally {
    await connection.close();
    transport.close();
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => {
  console.error('worker: failed:', err);
  process.exit(1);
});
