/**
 * The bench's worker, in its own process so that its memory is measured apart from the driver's:
 * the service's worker (createCampaignWorker, the service's default settings) with the real
 * PostgreSQL and mail activities, on a pre-built bundle of bench/bench-workflows.ts.
 *
 * Protocol over the IPC channel (child_process.fork):
 * - child → parent `{ type: 'ready' }` once the worker polls;
 * - parent → child `{ type: 'shutdown' }`;
 * - child → parent `{ type: 'done', maxRssKiB }` (process.resourceUsage().maxRSS), then it exits.
 * When the parent goes away the worker shuts down too.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { freePort } from '../scripts/launcher/ports.js';
import { createMailTransport } from '../src/activities/mail/mail-transport.js';
import { DEFAULTS, loadConfig } from '../src/config.js';
import { createDataSource } from '../src/db/data-source.js';
import { createCampaignWorker } from '../src/worker/create-worker.js';
import { createWorkerActivities } from '../src/worker/worker-activities.js';
import { taskFlowSummary } from './task-flow.js';

export interface BenchWorkerOptions {
  temporalAddress: string;
  databaseUrl: string;
  taskQueue: string;
  /** File holding the workflow bundle's code (built once by the driver). */
  bundlePath: string;
  /** The driver's SMTP sink, for reminders and escalations. */
  smtpUrl: string;
}

export type BenchWorkerMessage =
  { type: 'ready' } | { type: 'done'; maxRssKiB: number } | { type: 'error'; message: string };

function send(message: BenchWorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

async function main(): Promise<void> {
  const raw = process.env.BENCH_WORKER_OPTIONS;
  if (!raw || !process.send) throw new Error('worker-process: start me through the bench driver');
  const options = JSON.parse(raw) as BenchWorkerOptions;
  // BENCH_WORKER_METRICS=on: the SDK's metrics on a loopback port, summarised at the end.
  const metricsPort = process.env.BENCH_WORKER_METRICS === 'on' ? await freePort() : null;
  Runtime.install({
    logger: new DefaultLogger('WARN'),
    ...(metricsPort && {
      telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${metricsPort}` } } },
    }),
  });

  const dataSource = createDataSource(options.databaseUrl);
  await dataSource.initialize();
  const transport = createMailTransport(options.smtpUrl);
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  try {
    const worker = await createCampaignWorker({
      connection,
      namespace: 'default',
      taskQueue: options.taskQueue,
      // The service's defaults, as `npm run start:worker` runs it (WORKER_MAX_CACHED_WORKFLOWS applies).
      activities: createWorkerActivities(dataSource, transport, DEFAULTS),
      maxCachedWorkflows: loadConfig().workerMaxCachedWorkflows,
      workflowBundle: { code: readFileSync(options.bundlePath, 'utf8') },
    });
    const stop = () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
    };
    process.on('message', (message: { type?: string }) => {
      if (message.type === 'shutdown') stop();
    });
    process.on('disconnect', stop);
    if (process.env.BENCH_MEMORY_LOG) {
      // Where the worker's memory is: this (activity) thread's V8 heap, buffers, and the rest
      // (the workflow thread's heap and the Rust core).
      const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
      setInterval(() => {
        const m = process.memoryUsage();
        console.error(
          `memory: rss ${mib(m.rss)} MiB, main heap ${mib(m.heapUsed)}/${mib(m.heapTotal)} MiB, external ${mib(m.external)} MiB, array buffers ${mib(m.arrayBuffers)} MiB`,
        );
      }, 10_000).unref();
    }
    const running = worker.run();
    await send({ type: 'ready' });
    await running;
    if (metricsPort) {
      // A diagnostic: its failure must not fail the run it describes.
      try {
        const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
        console.error(`task flow: ${taskFlowSummary(await metrics.text())}`);
      } catch (err) {
        console.error(`task flow: the worker's metrics could not be read (${String(err)})`);
      }
    }
  } finally {
    await connection.close();
    transport.close();
    await dataSource.destroy();
  }
  await send({ type: 'done', maxRssKiB: process.resourceUsage().maxRSS });
}

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    await send({
      type: 'error',
      message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
    console.error('worker-process: failed:', err);
    process.exit(1);
  },
);
