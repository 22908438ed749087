/**
 * Scale benchmark of issue 4: a campaign of N units through all 11 steps of the 2021 plan on the
 * time-skipping server, against a bare baseline of the same tree of empty workflows.
 *
 *   npm run bench              # N = 30, 500, 5000
 *   npm run bench -- 30 500    # chosen sizes
 *
 * Per N it prints one line (wall time, baseline, ratio, worker peak RSS, events per workflow), the
 * issue's targets next to the figures, and details. It never asserts the targets: it prints them.
 * See bench/README.md for what is measured and how.
 */
import 'reflect-metadata';
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import {
  type InternalConnectionOptions,
  InternalConnectionOptionsSymbol,
} from '@temporalio/client/lib/connection.js';
import { msToTs, tsToMs } from '@temporalio/common/lib/time.js';
import { bundleWorkflowCode, DefaultLogger, Runtime } from '@temporalio/worker';
import pg from 'pg';
import { buildCampaignWorkflowInput } from '../src/api/campaigns/campaign-workflow-input.js';
import { createDataSource, migrate } from '../src/db/data-source.js';
import { Campaign, CampaignStep, Participation } from '../src/entities/index.js';
import { seedCampaignPlan } from '../src/seed/seed.js';
import {
  AGENCIES,
  CAMPAIGN,
  INDEX_SETS,
  STEPS,
  type SeedPlan,
  type SeedUnit,
} from '../src/seed/vinh-long-2021.js';
import type { CampaignState } from '../src/workflows/campaign.types.js';
import {
  campaignStateQuery,
  campaignWorkflow,
  chairmanDecisionSignal,
  closeStepSignal,
  councilApprovalSignal,
  selfAssessmentSubmittedSignal,
  type unitWorkflow,
} from '../src/workflows/index.js';
import type { UnitState } from '../src/workflows/unit.types.js';
import { campaignWorkflowId, unitWorkflowId } from '../src/workflows/workflow-ids.js';
import { startEmbeddedPostgres } from '../scripts/launcher/embedded-postgres.js';
import { freePort } from '../scripts/launcher/ports.js';
import { startTimeSkippingServer } from '../test/support/time-skipping-server.js';
import { baselineCampaignWorkflow, baselineUnitCode } from './baseline-workflows.js';
import { type SmtpSink, startSmtpSink } from './smtp-sink.js';
import type { BenchWorkerMessage, BenchWorkerOptions } from './worker-process.js';

// ------------------------------------------------------------------------------------------------
// Settings
// ------------------------------------------------------------------------------------------------

const envInt = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};

/** Units per batch workflow; the campaign workflow's default is 500. */
const BATCH_SIZE = envInt('BENCH_BATCH_SIZE', 500);
/** Client calls (signals, results) in flight at once. */
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 50);
/** Limit for one run (the campaign, or the baseline) of one N, from server start to figures. */
const RUN_TIMEOUT_MS = envInt('BENCH_RUN_TIMEOUT_S', 900) * 1000;
/** Unit workflows whose history is read for the events figure. */
const UNIT_SAMPLE = envInt('BENCH_UNIT_SAMPLE', 50);

const TARGETS = {
  units: 5000,
  wallSeconds: 300,
  rssMiB: 1024,
  ratio: 3,
};

const TZ_OFFSET = '+07:00'; // Asia/Ho_Chi_Minh: the plan's local times
const local = (stamp: string) => new Date(`${stamp}${TZ_OFFSET}`);
const PLAN_CLOCK_START = local('2021-10-31T00:00:00');

// ------------------------------------------------------------------------------------------------
// Small tools: formatting, timeouts, bounded concurrency, clean-up
// ------------------------------------------------------------------------------------------------

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (kib: number) => `${int(kib / 1024)} MiB`;
const say = (line: string) => console.log(line);
const errorText = (err: unknown): string =>
  err instanceof Error
    ? [
        err.message,
        err.cause instanceof Error && !err.message.includes(err.cause.message)
          ? `(cause: ${err.cause.message})`
          : '',
      ]
        .join(' ')
        .trim()
    : String(err);

class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** Resolves or rejects as `promise` does, or rejects once `ms` have passed. */
async function within<T>(
  ms: number,
  what: string,
  promise: Promise<T>,
  message = `timed out after ${secs(ms)} waiting for ${what}`,
): Promise<T> {
  promise.catch(() => undefined); // a late rejection after a timeout is not unhandled
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(message)), Math.max(ms, 0));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A run's deadline: every wait inside the run gets the time that is left. */
class Deadline {
  private readonly at: number;
  private readonly extra: Promise<never>[] = [];

  constructor(private readonly ms: number) {
    this.at = Date.now() + ms;
  }

  /** Also fail every wait as soon as `failure` rejects (e.g. the worker process died). */
  failWith(failure: Promise<never>): void {
    failure.catch(() => undefined);
    this.extra.push(failure);
  }

  wait<T>(what: string, promise: Promise<T>): Promise<T> {
    return within(
      this.at - Date.now(),
      what,
      Promise.race([promise, ...this.extra]),
      `the run's limit of ${secs(this.ms)} (BENCH_RUN_TIMEOUT_S) was reached waiting for ${what}`,
    );
  }
}

async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index]!, index);
    }
  });
  await Promise.all(lanes);
}

type Cleanup = () => Promise<void> | void;

/** Clean-ups that must run even when a run fails, times out or the bench is interrupted. */
class Scope {
  private static readonly open = new Set<Scope>();
  private readonly steps: { what: string; run: Cleanup }[] = [];

  constructor() {
    Scope.open.add(this);
  }

  add(what: string, run: Cleanup): void {
    this.steps.push({ what, run });
  }

  async close(): Promise<void> {
    Scope.open.delete(this);
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await within(30_000, `clean-up: ${step.what}`, Promise.resolve().then(step.run));
      } catch (err) {
        say(`  clean-up of ${step.what} failed: ${errorText(err)}`);
      }
    }
  }

  static async closeAll(): Promise<void> {
    for (const scope of [...Scope.open].reverse()) await scope.close();
  }
}

/** Wall-clock laps of a run. */
class Stopwatch {
  private started = performance.now();
  private last = this.started;
  readonly laps: { label: string; ms: number }[] = [];

  /** Starts timing now (laps before are dropped). */
  begin(): void {
    this.started = this.last = performance.now();
    this.laps.length = 0;
  }

  get elapsedMs(): number {
    return performance.now() - this.started;
  }

  lap(label: string): void {
    const now = performance.now();
    this.laps.push({ label, ms: now - this.last });
    this.last = now;
  }

  get totalMs(): number {
    return this.last - this.started;
  }

  describe(): string {
    return this.laps.map((l) => `${l.label} ${secs(l.ms)}`).join(', ');
  }
}

// ------------------------------------------------------------------------------------------------
// PostgreSQL: a throw-away database on DATABASE_URL's server, else an embedded PostgreSQL
// ------------------------------------------------------------------------------------------------

async function startDatabase(scope: Scope): Promise<{ url: string; where: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `par_bench_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    scope.add(`database ${name}`, async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    });
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return { url: url.toString(), where: `throw-away database ${name} on DATABASE_URL's server` };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'par-bench-pg-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as "postgres", which must enter it
  scope.add('embedded PostgreSQL folder', () => rmSync(dir, { recursive: true, force: true }));
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    database: 'par_bench',
    persistent: false,
  });
  scope.add('embedded PostgreSQL', () => embedded.stop());
  return { url: embedded.url, where: 'embedded PostgreSQL (set DATABASE_URL to use a server)' };
}

/** The 2021 plan's steps and index sets, with `n` generated department units U00001…. */
function generatedPlan(n: number, code: string): SeedPlan {
  const units: SeedUnit[] = Array.from({ length: n }, (_, i) => {
    const unitCode = baselineUnitCode(i);
    return {
      code: unitCode,
      name: `Đơn vị thử tải ${unitCode}`,
      group: 'department',
      focalEmail: `cchc.${unitCode.toLowerCase()}@example.vn`,
      headEmail: `giamdoc.${unitCode.toLowerCase()}@example.vn`,
    };
  });
  return {
    campaign: { ...CAMPAIGN, code, name: `${CAMPAIGN.name} (bench, ${n} đơn vị)` },
    steps: STEPS,
    agencies: AGENCIES,
    indexSets: INDEX_SETS,
    units,
  };
}

// ------------------------------------------------------------------------------------------------
// The worker, in a child process
// ------------------------------------------------------------------------------------------------

interface WorkerProcess {
  /** Rejects when the process ends before it was asked to. */
  died: Promise<never>;
  /** Stops it and returns its peak RSS in KiB. */
  stop(): Promise<number>;
  /** Its peak RSS so far (VmHWM), while it runs. */
  peakSoFarKiB(): number | null;
  kill(): void;
}

const WORKER_SCRIPT = fileURLToPath(new URL('./worker-process.js', import.meta.url));
/** Lines of worker output passed through per worker process; the rest are counted. */
const WORKER_LOG_LINES = 40;
// eslint-disable-next-line no-control-regex
const ANSI_COLOUR = /\x1b\[[0-9;]*m/g;

function vmHwmKiB(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

async function startWorker(
  label: string,
  options: BenchWorkerOptions,
  scope: Scope,
): Promise<WorkerProcess> {
  const child: ChildProcess = fork(WORKER_SCRIPT, [], {
    env: { ...process.env, BENCH_WORKER_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let shown = 0;
  let hidden = 0;
  const passThrough = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').replace(ANSI_COLOUR, '').split('\n')) {
      // The test server does not advertise this capability; the SDK warns on every start.
      if (line.trim() === '' || line.includes('activity_failure_include_heartbeat')) continue;
      if (shown < WORKER_LOG_LINES) {
        shown++;
        say(`  [worker ${label}] ${line.length > 400 ? `${line.slice(0, 400)}…` : line}`);
      } else hidden++;
    }
  };
  child.stdout?.on('data', passThrough);
  child.stderr?.on('data', passThrough);

  let stopping = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  // Rejects when the process ends before it was asked to stop; pends forever after that.
  const died = exited.then((code): Promise<never> =>
    stopping
      ? new Promise<never>(() => undefined)
      : Promise.reject(
          new Error(`the worker process exited (code ${code}) while the run was going on`),
        ),
  );
  died.catch(() => undefined);
  const messages: BenchWorkerMessage[] = [];
  const waiters: (() => void)[] = [];
  child.on('message', (message: BenchWorkerMessage) => {
    messages.push(message);
    for (const wake of waiters.splice(0)) wake();
  });
  const nextMessage = async (type: BenchWorkerMessage['type']): Promise<BenchWorkerMessage> => {
    for (;;) {
      const found = messages.find((m) => m.type === type || m.type === 'error');
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  scope.add(`worker process ${label}`, async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await within(10_000, 'worker exit', exited).catch(kill);
  });

  const ready = await within(
    60_000,
    `the worker (${label}) to start`,
    Promise.race([nextMessage('ready'), died]),
  );
  if (ready.type === 'error') throw new Error(`the worker failed to start: ${ready.message}`);

  return {
    died,
    kill,
    peakSoFarKiB: () => vmHwmKiB(child.pid!),
    async stop() {
      stopping = true;
      const hwm = vmHwmKiB(child.pid!);
      child.send({ type: 'shutdown' });
      try {
        const done = await within(60_000, `the worker (${label}) to stop`, nextMessage('done'));
        await within(10_000, 'worker exit', exited);
        if (hidden > 0) say(`  [worker ${label}] … ${int(hidden)} more lines not shown`);
        if (done.type === 'error') throw new Error(`the worker failed: ${done.message}`);
        return Math.max(done.type === 'done' ? done.maxRssKiB : 0, hwm ?? 0);
      } catch (err) {
        kill();
        throw err;
      }
    },
  };
}

// ------------------------------------------------------------------------------------------------
// Runs
// ------------------------------------------------------------------------------------------------

interface Shared {
  databaseUrl: string;
  bundlePath: string;
}

interface RunFigures {
  wallMs: number;
  laps: string;
  rssKiB: number;
  events: { root: number; batchMax: number; unitMean: number; unitMax: number; units: number };
  check: string;
}

/** The time-skipping server's clock, driven through its test service. */
interface PlanClock {
  now(): Promise<number>;
  /** Lets the server skip `ms` ahead (at once when idle; timers fire on the way). */
  sleep(ms: number): Promise<void>;
  /** Runs `wait` with time skipping unlocked, as TestWorkflowEnvironment's client does for results. */
  unlocked<T>(wait: () => Promise<T>): Promise<T>;
}

/**
 * gRPC channel settings the Java test server accepts. The SDK's Connection pings every 30 s; the
 * test server (grpc-java's default: no pings more often than every 5 minutes) answers a long call
 * that pings with GOAWAY "too_many_pings", and the SDK's retry then sends the call again. For
 * UnlockTimeSkippingWithSleep that means a second full sleep: the plan's clock overshoots and
 * the driver hangs. So: pings every 10 minutes, and no retries on the clock's connection.
 */
const TEST_SERVER_CHANNEL = {
  'grpc.keepalive_time_ms': 600_000,
  'grpc.keepalive_permit_without_calls': 0,
};

async function connectToTestServer(address: string, retries: boolean): Promise<Connection> {
  // The test service is switched on the way TestWorkflowEnvironment does it (an SDK-internal option).
  const options: InternalConnectionOptions = {
    address,
    channelArgs: TEST_SERVER_CHANNEL,
    ...(retries ? {} : { interceptors: [] }),
    [InternalConnectionOptionsSymbol]: { supportsTestService: true },
  };
  return Connection.connect(options);
}

function planClock(connection: Connection): PlanClock {
  const testService = connection.testService!;
  return {
    async now() {
      const { time } = await testService.getCurrentTime({});
      return tsToMs(time);
    },
    async sleep(ms) {
      await testService.unlockTimeSkippingWithSleep({ duration: msToTs(Math.max(0, ms)) });
    },
    async unlocked(wait) {
      await testService.unlockTimeSkipping({});
      try {
        return await wait();
      } finally {
        await testService.lockTimeSkipping({});
      }
    },
  };
}

/** What one run needs on a fresh time-skipping server with a fresh worker process. */
async function withServerAndWorker<T>(
  label: string,
  shared: Shared,
  taskQueue: string,
  body: (ctx: {
    client: Client;
    clock: PlanClock;
    deadline: Deadline;
    worker: WorkerProcess;
    /** What the worker mailed (reminders, escalations, digests). */
    mail: SmtpSink;
    /** The run's laps; on failure the bench prints how far it got. */
    watch: Stopwatch;
  }) => Promise<T>,
): Promise<T> {
  const scope = new Scope();
  try {
    const deadline = new Deadline(RUN_TIMEOUT_MS);
    const server = await deadline.wait(
      'the time-skipping server to start',
      // Registers the project's search attributes too.
      startTimeSkippingServer({ clockStart: PLAN_CLOCK_START }),
    );
    scope.add('time-skipping server', () => server.teardown());
    const { env } = server;
    const mail = await startSmtpSink();
    scope.add('SMTP sink', () => mail.close());
    const worker = await startWorker(
      label,
      {
        temporalAddress: env.address,
        databaseUrl: shared.databaseUrl,
        taskQueue,
        bundlePath: shared.bundlePath,
        smtpUrl: mail.url,
      },
      scope,
    );
    deadline.failWith(worker.died);
    const connection = await connectToTestServer(env.address, true);
    scope.add('client connection', () => connection.close());
    const clockConnection = await connectToTestServer(env.address, false);
    scope.add('clock connection', () => clockConnection.close());
    const client = new Client({ connection, namespace: 'default' });
    const watch = new Stopwatch();
    try {
      return await body({
        client,
        clock: planClock(clockConnection),
        deadline,
        worker,
        mail,
        watch,
      });
    } catch (err) {
      const peak = worker.peakSoFarKiB();
      throw new Error(
        `${errorText(err)}\n  reached in ${secs(watch.elapsedMs)}: ${watch.describe() || 'nothing'}` +
          (peak ? `; worker peak RSS so far ${mib(peak)}` : ''),
        { cause: err },
      );
    }
  } finally {
    await scope.close();
  }
}

async function historyLength(client: Client, workflowId: string): Promise<number> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return history.events?.length ?? 0;
}

async function eventsOf(
  client: Client,
  deadline: Deadline,
  rootId: string,
  batchIds: string[],
  unitIds: string[],
): Promise<RunFigures['events']> {
  const step = Math.max(1, Math.floor(unitIds.length / UNIT_SAMPLE));
  const sample = unitIds.filter((_, i) => i % step === 0).slice(0, UNIT_SAMPLE);
  const [root, batches, units] = await deadline.wait(
    'workflow histories',
    Promise.all([
      historyLength(client, rootId),
      Promise.all(batchIds.map((id) => historyLength(client, id))),
      (async () => {
        const lengths: number[] = [];
        await forEachLimit(
          sample,
          10,
          async (id) => void lengths.push(await historyLength(client, id)),
        );
        return lengths;
      })(),
    ]),
  );
  return {
    root,
    batchMax: Math.max(0, ...batches),
    unitMean: units.length ? units.reduce((a, b) => a + b, 0) / units.length : 0,
    unitMax: Math.max(0, ...units),
    units: units.length,
  };
}

/** The bare baseline: the same tree of empty workflows, start → root result → all unit results. */
async function runBaseline(n: number, shared: Shared): Promise<RunFigures> {
  const taskQueue = `bench-baseline-${n}`;
  return withServerAndWorker(`baseline N=${n}`, shared, taskQueue, async (ctx) => {
    const { client, deadline } = ctx;
    const workflowId = `par-bench-baseline-${n}`;
    const unitIds = Array.from({ length: n }, (_, i) => `${workflowId}-${baselineUnitCode(i)}`);
    const { watch } = ctx;
    watch.begin();
    const handle = await client.workflow.start(baselineCampaignWorkflow, {
      workflowId,
      taskQueue,
      args: [{ units: n, batchSize: BATCH_SIZE }],
    });
    const count = await deadline.wait('the baseline result', handle.result());
    watch.lap('root result');
    await deadline.wait(
      'the baseline unit results',
      forEachLimit(unitIds, CONCURRENCY, (id) => client.workflow.getHandle(id).result()),
    );
    watch.lap('unit results');
    const rssKiB = await ctx.worker.stop();
    const batchIds = Array.from(
      { length: Math.ceil(n / BATCH_SIZE) },
      (_, i) => `${workflowId}-batch-${i + 1}`,
    );
    return {
      wallMs: watch.totalMs,
      laps: watch.describe(),
      rssKiB,
      events: await eventsOf(client, deadline, workflowId, batchIds, unitIds),
      check: count === n ? `${int(count)} empty children completed` : `MISMATCH: ${count} of ${n}`,
    };
  });
}

/** The campaign: seeded in PostgreSQL, driven through all 11 steps, all units on time. */
async function runCampaign(
  n: number,
  shared: Shared,
  db: ReturnType<typeof createDataSource>,
): Promise<RunFigures & { seedMs: number }> {
  const code = `bench-${n}-2021-${randomUUID().slice(0, 6)}`;
  const seedStarted = performance.now();
  const { campaignId } = await within(
    RUN_TIMEOUT_MS,
    'seeding',
    seedCampaignPlan(db, generatedPlan(n, code)),
  );
  const seedMs = performance.now() - seedStarted;
  const campaign = await db.getRepository(Campaign).findOneByOrFail({ id: campaignId });
  const steps = await db.getRepository(CampaignStep).findBy({ campaignId });
  const input = { ...buildCampaignWorkflowInput(campaign, steps), batchSize: BATCH_SIZE };
  const workflowId = campaignWorkflowId(code, campaign.year);
  const unitCodes = Array.from({ length: n }, (_, i) => baselineUnitCode(i));
  const unitIds = unitCodes.map((c) => unitWorkflowId(workflowId, c));
  const taskQueue = `bench-campaign-${n}`;

  const figures = await withServerAndWorker(`campaign N=${n}`, shared, taskQueue, async (ctx) => {
    const { client, clock, deadline } = ctx;
    const advanceTo = async (stamp: string) => {
      const target = local(stamp).getTime();
      const now = await deadline.wait('the server time', clock.now());
      if (target > now) await deadline.wait(`time to reach ${stamp}`, clock.sleep(target - now));
    };
    /** Signals a unit, retrying while its workflow has not started yet. */
    const signalUnit = async (id: string, submittedAt: string) => {
      const handle = client.workflow.getHandle(id);
      for (let attempt = 0; ; attempt++) {
        try {
          await handle.signal(selfAssessmentSubmittedSignal, { submittedAt, version: 1 });
          return;
        } catch (err) {
          if ((err as Error).name !== 'WorkflowNotFoundError' || attempt >= 120) throw err;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    };

    const { watch } = ctx;
    watch.begin();
    const handle = await client.workflow.start(campaignWorkflow, {
      workflowId,
      taskQueue,
      args: [input],
    });
    // November: steps 1 and 2 open; the secretariat completes both.
    await advanceTo('2021-11-10T09:00:00');
    const november = await deadline.wait('a query', handle.query(campaignStateQuery));
    if (november.units !== n)
      throw new Error(`the campaign counts ${november.units} units, not ${n}`);
    await handle.signal(closeStepSignal, { step: 1 });
    await handle.signal(closeStepSignal, { step: 2 });
    watch.lap('start → 10/11');

    // Self-assessment (01–24/12): every unit submits on 15/12.
    await advanceTo('2021-12-15T10:00:00');
    watch.lap('→ 15/12');
    const submittedAt = local('2021-12-15T10:00:00').toISOString();
    await deadline.wait(
      'the self-assessment signals',
      forEachLimit(unitIds, CONCURRENCY, (id) => signalUnit(id, submittedAt)),
    );
    watch.lap(`${int(n)} signals`);

    // The secretariat closes rounds 1 and 2 and their aggregations; council; Chairman; step 11.
    await advanceTo('2021-12-30T16:00:00');
    await handle.signal(closeStepSignal, { step: 4 });
    watch.lap('→ 30/12');
    await advanceTo('2022-01-10T09:00:00');
    await handle.signal(closeStepSignal, { step: 5 });
    watch.lap('→ 10/01');
    await advanceTo('2022-01-28T16:00:00');
    await handle.signal(closeStepSignal, { step: 7 });
    watch.lap('→ 28/01');
    await advanceTo('2022-02-11T16:00:00');
    await handle.signal(closeStepSignal, { step: 8 });
    await advanceTo('2022-02-16T10:00:00');
    await handle.signal(councilApprovalSignal, {
      approvedAt: local('2022-02-16T10:00:00').toISOString(),
      note: 'Hội đồng thẩm định thông qua kết quả (bench)',
    });
    await advanceTo('2022-02-28T15:00:00');
    watch.lap('→ 28/02');
    await handle.signal(chairmanDecisionSignal, { number: '456/QĐ-UBND', date: '2022-02-28' });
    await advanceTo('2022-03-10T09:00:00');
    await handle.signal(closeStepSignal, { step: 11 });
    watch.lap('→ 10/03');
    const result: CampaignState = await deadline.wait(
      'the campaign result',
      clock.unlocked(() => handle.result()),
    );
    watch.lap('campaign result');
    const units: UnitState[] = [];
    await deadline.wait(
      'the unit results',
      forEachLimit(unitIds, CONCURRENCY, async (id) => {
        units.push(await client.workflow.getHandle<typeof unitWorkflow>(id).result());
      }),
    );
    watch.lap('unit results');
    const rssKiB = await ctx.worker.stop();

    const expected = ['secretariat', 'secretariat', 'deadline', 'secretariat', 'secretariat'];
    expected.push('deadline', 'secretariat', 'secretariat', 'council', 'chairman', 'secretariat');
    const stepsOk = result.steps.filter(
      (s, i) => s.status === 'closed' && s.closedBy === expected[i],
    ).length;
    const onTime = units.filter(
      (u) => u.status === 'completed' && u.selfAssessment.submittedAt && !u.selfAssessment.late,
    ).length;
    const stored = await db
      .getRepository(Participation)
      .createQueryBuilder('p')
      .select('p.status', 'status')
      .addSelect('COUNT(*)::int', 'count')
      .where('p.campaignId = :campaignId', { campaignId })
      .groupBy('p.status')
      .getRawMany<{ status: string; count: number }>();
    const check = [
      `${stepsOk}/11 steps closed as planned`,
      `${int(onTime)}/${int(n)} units completed, submitted on time`,
      `PostgreSQL participations: ${stored.map((r) => `${int(r.count)} ${r.status}`).join(', ')}`,
      `mail: ${int(ctx.mail.received())} messages received, ${int(ctx.mail.duplicates())} duplicates`,
    ].join('; ');
    return {
      wallMs: watch.totalMs,
      laps: watch.describe(),
      rssKiB,
      events: await eventsOf(client, deadline, workflowId, result.batches ?? [], unitIds),
      check,
    };
  });
  return { ...figures, seedMs };
}

// ------------------------------------------------------------------------------------------------
// Main
// ------------------------------------------------------------------------------------------------

function parseSizes(argv: string[]): number[] {
  if (argv.length === 0) return [30, 500, 5000];
  return argv.map((arg) => {
    const n = Number(arg.replace(/[,_]/g, ''));
    if (!Number.isInteger(n) || n < 1 || n > 99_999) {
      throw new Error(`bench: "${arg}" is not a number of units (1–99,999)`);
    }
    return n;
  });
}

function mark(met: boolean): string {
  return met ? 'met' : 'NOT MET';
}

interface Outcome {
  n: number;
  campaign?: RunFigures & { seedMs: number };
  baseline?: RunFigures;
  error?: string;
}

function report(o: Outcome, details = true): void {
  const { n, campaign: c, baseline: b } = o;
  if (!c || !b) {
    say(
      `N=${n}  ${c ? `campaign ${secs(c.wallMs)}` : 'campaign FAILED'}  ${b ? `baseline ${secs(b.wallMs)}` : 'baseline FAILED'}`,
    );
    return;
  }
  const ratio = c.wallMs / b.wallMs;
  const e = c.events;
  say(
    `N=${n}  campaign ${secs(c.wallMs)}  baseline ${secs(b.wallMs)}  ratio ${ratio.toFixed(2)}  ` +
      `worker peak RSS ${mib(c.rssKiB)}  events: campaign ${int(e.root)}, batch max ${int(e.batchMax)}, ` +
      `unit mean ${int(e.unitMean)} max ${int(e.unitMax)}`,
  );
  const timeTarget =
    n >= TARGETS.units
      ? `${mark(c.wallMs < TARGETS.wallSeconds * 1000)} (${secs(c.wallMs)})`
      : `n/a below ${int(TARGETS.units)} units`;
  say(
    `  targets: ${int(TARGETS.units)} units < ${TARGETS.wallSeconds / 60} min: ${timeTarget} | ` +
      `worker RSS < 1 GiB: ${mark(c.rssKiB < TARGETS.rssMiB * 1024)} | ` +
      `≤ ${TARGETS.ratio}× baseline: ${mark(ratio <= TARGETS.ratio)}`,
  );
  if (!details) return;
  say(`  campaign: seed ${secs(c.seedMs)} (not timed in the run); ${c.laps}`);
  say(`  campaign check: ${c.check}`);
  say(
    `  baseline: ${b.laps}; worker peak RSS ${mib(b.rssKiB)}; events: root ${int(b.events.root)}, ` +
      `batch max ${int(b.events.batchMax)}, unit mean ${int(b.events.unitMean)}; ${b.check}`,
  );
}

async function main(): Promise<number> {
  const sizes = parseSizes(process.argv.slice(2));
  // The bench handles SIGINT/SIGTERM itself (clean-up), not the Temporal runtime.
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const root = new Scope();
  say(
    `bench: campaign scale, N = ${sizes.join(', ')}; batch size ${BATCH_SIZE}, client concurrency ` +
      `${CONCURRENCY}, ${os.cpus().length} CPUs, Node ${process.version}, limit ${secs(RUN_TIMEOUT_MS)} per run`,
  );
  const outcomes: Outcome[] = [];
  try {
    const database = await within(120_000, 'PostgreSQL', startDatabase(root));
    const db = createDataSource(database.url);
    await db.initialize();
    root.add('data source', () => db.destroy());
    await migrate(db);
    say(`bench: ${database.where}, migrated`);

    const workDir = mkdtempSync(path.join(os.tmpdir(), 'par-bench-'));
    root.add('bundle folder', () => rmSync(workDir, { recursive: true, force: true }));
    const entry = fileURLToPath(new URL('./bench-workflows.js', import.meta.url));
    if (!existsSync(entry)) throw new Error(`bench: ${entry} is missing; build with npm run bench`);
    const bundle = await within(
      180_000,
      'the workflow bundle',
      bundleWorkflowCode({ workflowsPath: entry, logger: quietLogger }),
    );
    const bundlePath = path.join(workDir, 'workflow-bundle.js');
    writeFileSync(bundlePath, bundle.code);
    const shared: Shared = { databaseUrl: database.url, bundlePath };

    for (const n of sizes) {
      const outcome: Outcome = { n };
      outcomes.push(outcome);
      say(`bench: N=${n}: baseline…`);
      try {
        outcome.baseline = await runBaseline(n, shared);
      } catch (err) {
        say(`N=${n}  baseline FAILED: ${errorText(err)}`);
      }
      say(`bench: N=${n}: campaign…`);
      try {
        outcome.campaign = await runCampaign(n, shared, db);
      } catch (err) {
        say(`N=${n}  campaign FAILED: ${errorText(err)}`);
      }
      report(outcome);
    }
  } catch (err) {
    say(`bench: FAILED: ${errorText(err)}`);
    return 1;
  } finally {
    await root.close();
  }

  say('');
  say(`targets (issue 4, on this ${os.cpus().length}-CPU machine; printed, never asserted):`);
  for (const o of outcomes) report(o, false);
  const big = outcomes.filter((o) => o.n >= TARGETS.units && o.campaign);
  const rss = outcomes.flatMap((o) => (o.campaign ? [o.campaign.rssKiB] : []));
  const ratios = outcomes.flatMap((o) =>
    o.campaign && o.baseline
      ? [`${(o.campaign.wallMs / o.baseline.wallMs).toFixed(2)} (N=${o.n})`]
      : [],
  );
  say(
    `- ${int(TARGETS.units)} units through all steps in under ${TARGETS.wallSeconds / 60} minutes: ` +
      (big.length
        ? big
            .map(
              (o) =>
                `${secs(o.campaign!.wallMs)} (N=${o.n}) ${mark(o.campaign!.wallMs < TARGETS.wallSeconds * 1000)}`,
            )
            .join(', ')
        : `not measured (no run of ${int(TARGETS.units)} units or more completed)`),
  );
  say(
    `- worker peak RSS under 1 GiB: ` +
      (rss.length
        ? `max ${mib(Math.max(...rss))} ${mark(Math.max(...rss) < TARGETS.rssMiB * 1024)}`
        : 'not measured'),
  );
  say(
    `- at most ${TARGETS.ratio}× the bare baseline: ` +
      (ratios.length
        ? `${ratios.join(', ')} ${mark(outcomes.every((o) => !o.campaign || !o.baseline || o.campaign.wallMs / o.baseline.wallMs <= TARGETS.ratio))}`
        : 'not measured'),
  );
  return outcomes.every((o) => o.campaign && o.baseline) ? 0 : 1;
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => say(`bench: bundler: ${message}`),
  error: (message: string) => say(`bench: bundler: ${message}`),
};

let exiting = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (exiting) return;
    exiting = true;
    say(`bench: ${signal}: cleaning up`);
    void Scope.closeAll().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  async (err: unknown) => {
    say(`bench: FAILED: ${errorText(err)}`);
    await Scope.closeAll();
    process.exit(1);
  },
);
