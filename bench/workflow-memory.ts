/**
 * What one open, cached workflow costs the worker in memory: N workflows are started and left
 * waiting (the worker keeps them all in its cache), and the worker's RSS is read before and after.
 * Kinds: `idle` (a workflow that only waits: the SDK's own cost) and `unit` (the service's unit
 * workflow waiting for its self-assessment, then again after the signal, as it waits for the
 * announcement). Usage: `npm run bench:memory -- [N]` (default 2,000).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { unitWorkflow } from '../src/workflows/index.js';
import { selfAssessmentSubmittedSignal } from '../src/contracts/signals.js';
import type { UnitWorkflowInput } from '../src/contracts/unit.js';
import {
  buildWorkflowBundle,
  forEachLimit,
  int,
  local,
  runBench,
  say,
  Scope,
  type Shared,
  startMigratedDatabase,
  withServerAndWorker,
} from './harness.js';
import { idleProbeWorkflow, probeParentWorkflow } from './probe-workflows.js';

const WARM_UP = 200;
const CONCURRENCY = 50;

function unitInput(code: string): UnitWorkflowInput {
  return {
    campaignId: randomUUID(),
    campaignWorkflowId: 'par-probe',
    year: 2021,
    timeZone: 'Asia/Ho_Chi_Minh',
    latePolicy: 'accept',
    unit: { code, participationId: randomUUID() },
    timeline: {
      selfAssessment: {
        stepNumber: 3,
        opensAt: local('2021-12-01T00:00:00').toISOString(),
        deadline: local('2021-12-24T17:00:00').toISOString(),
      },
      lateIntakeEnds: local('2021-12-30T17:00:00').toISOString(),
      lateIntakeStep: 4,
      explanation: {
        stepNumber: 6,
        opensAt: local('2022-01-10T00:00:00').toISOString(),
        deadline: local('2022-01-20T17:00:00').toISOString(),
      },
    },
    completionRecordedByBatch: true,
  };
}

type Kind = 'idle' | 'unit' | 'children';

async function probe(kind: Kind, n: number, shared: Shared): Promise<void> {
  await withServerAndWorker(`${kind} probe`, shared, `probe-${kind}`, async (ctx) => {
    const { client, clock, worker } = ctx;
    const start = async (i: number) => {
      const workflowId = `probe-${kind}-${i}`;
      if (kind === 'idle') {
        await client.workflow.start(idleProbeWorkflow, { workflowId, taskQueue: `probe-${kind}` });
      } else {
        await client.workflow.start(unitWorkflow, {
          workflowId,
          taskQueue: `probe-${kind}`,
          args: [unitInput(`P${String(i).padStart(5, '0')}`)],
        });
      }
    };
    // Settled: a sample of the workflows (the last one included) has completed its newest task.
    const settle = async (ids: string[], minTasks: number) => {
      await clock.sleep(1000);
      const sample = ids.filter(
        (_, i) => i % Math.ceil(ids.length / 20) === 0 || i === ids.length - 1,
      );
      for (const id of sample) {
        for (;;) {
          const history = await client.workflow.getHandle(id).fetchHistory();
          const done = (history.events ?? []).filter((e) => e.workflowTaskCompletedEventAttributes);
          if (done.length >= minTasks) break;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      await new Promise((r) => setTimeout(r, 2000));
    };
    const rss = () => worker.rssKiB() ?? Number.NaN;

    await forEachLimit(
      Array.from({ length: WARM_UP }, (_, i) => i),
      CONCURRENCY,
      start,
    );
    await settle(
      Array.from({ length: WARM_UP }, (_, i) => `probe-${kind}-${i}`),
      1,
    );
    const before = rss();
    const ids = Array.from({ length: n }, (_, i) => WARM_UP + i);
    if (kind === 'children') {
      // Children of 10 parents, as a campaign's units are children of its batches.
      await forEachLimit(
        Array.from({ length: 10 }, (_, i) => i),
        10,
        async (i) => {
          await client.workflow.start(probeParentWorkflow, {
            workflowId: `probe-parent-${i}`,
            taskQueue: `probe-${kind}`,
            args: [Math.ceil(n / 10)],
          });
        },
      );
    } else {
      await forEachLimit(ids, CONCURRENCY, start);
    }
    const openIds =
      kind === 'children'
        ? Array.from({ length: 10 }, (_, p) =>
            Array.from({ length: Math.ceil(n / 10) }, (_, k) => `probe-parent-${p}-${k}`),
          ).flat()
        : ids.map((i) => `probe-${kind}-${i}`);
    await settle(openIds, 1);
    const after = rss();
    say(
      `${kind}: ${int(n)} open workflows: worker RSS ${int(before / 1024)} → ${int(after / 1024)} MiB, ` +
        `${int((after - before) / n)} KiB per workflow`,
    );
    if (kind === 'unit') {
      await forEachLimit(ids, CONCURRENCY, (i) =>
        client.workflow.getHandle(`probe-unit-${i}`).signal(selfAssessmentSubmittedSignal, {
          submittedAt: local('2021-11-15T10:00:00').toISOString(),
          version: 1,
          recordedStatus: 'submitted',
        }),
      );
      await settle(
        ids.map((i) => `probe-unit-${i}`),
        2,
      );
      const submitted = rss();
      say(
        `unit after its self-assessment signal: worker RSS ${int(submitted / 1024)} MiB, ` +
          `${int((submitted - before) / n)} KiB per workflow`,
      );
    }
    say(`  worker peak RSS ${int((worker.peakSoFarKiB() ?? 0) / 1024)} MiB`);
  });
}

async function main(): Promise<number> {
  const n = Number(process.argv[2] ?? 2000);
  if (!Number.isInteger(n) || n < 1) throw new Error('usage: workflow-memory [N]');
  say(`bench: workflow memory, N = ${int(n)}; ${os.cpus().length} CPUs, Node ${process.version}`);
  const root = new Scope();
  try {
    const database = await startMigratedDatabase(root);
    const bundlePath = await buildWorkflowBundle(root);
    const shared: Shared = { databaseUrl: database.url, bundlePath, runTimeoutMs: 900_000 };
    const kinds = (process.env.BENCH_PROBE_KINDS ?? 'idle,unit,children').split(',') as Kind[];
    for (const kind of kinds) await probe(kind, n, shared);
    return 0;
  } finally {
    await root.close();
  }
}

runBench(main);
