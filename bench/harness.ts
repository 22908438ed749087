/**
 * What the benches share: settings, formatting, bounded waits, clean-up scopes, the throw-away
 * database, the generated plan, the worker in its own process, the time-skipping server with the
 * plan's clock, and the way a bench's main runs (clean-up on failure and on Ctrl-C).
 *
 * Used by campaign-scale.ts (issue 4) and reminder-wave.ts (issue 5). See bench/README.md.
 */
import 'reflect-metadata';
import { type ChildProcess, fork } from 'node:child_process';
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
import { bundleWorkflowCode } from '@temporalio/worker';
import pg from 'pg';
import { WORKER_ENV, WORKER_NODE_FLAGS } from '../src/worker/worker-memory.js';
import { workflowBundleOptions } from '../src/worker/workflow-bundle-options.js';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '../src/db/data-source.js';
import {
  AGENCIES,
  CAMPAIGN,
  INDEX_SETS,
  STEPS,
  type SeedPlan,
  type SeedUnit,
} from '../src/seed/vinh-long-2021.js';
import { startEmbeddedPostgres } from '../scripts/launcher/embedded-postgres.js';
import { freePort } from '../scripts/launcher/ports.js';
import { startTimeSkippingServer } from '../test/support/time-skipping-server.js';
import { baselineUnitCode } from './baseline-workflows.js';
import { type SmtpSink, startSmtpSink } from './smtp-sink.js';
import type { BenchWorkerMessage, BenchWorkerOptions } from './worker-process.js';

// ------------------------------------------------------------------------------------------------
// Settings and the plan's clock
// ------------------------------------------------------------------------------------------------

/** A positive integer from the environment, or `fallback` when unset. */
export const envInt = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};

export const TZ_OFFSET = '+07:00'; // Asia/Ho_Chi_Minh: the plan's local times
/** An instant from a local stamp of the plan, e.g. local('2021-12-15T08:00:00'). */
export const local = (stamp: string) => new Date(`${stamp}${TZ_OFFSET}`);
/** Where the time-skipping server's clock starts: before the 2021 plan's first day. */
export const PLAN_CLOCK_START = local('2021-10-31T00:00:00');

// ------------------------------------------------------------------------------------------------
// Small tools: formatting, timeouts, bounded concurrency, clean-up
// ------------------------------------------------------------------------------------------------

export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const mib = (kib: number) => `${int(kib / 1024)} MiB`;
export const say = (line: string) => console.log(line);
export const errorText = (err: unknown): string =>
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

/** How a target reads next to its figure. */
export function mark(met: boolean): string {
  return met ? 'met' : 'NOT MET';
}

export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** Resolves or rejects as `promise` does, or rejects once `ms` have passed. */
export async function within<T>(
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
export class Deadline {
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

export async function forEachLimit<T>(
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

export type Cleanup = () => Promise<void> | void;

/** Clean-ups that must run even when a run fails, times out or the bench is interrupted. */
export class Scope {
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
export class Stopwatch {
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

export async function startDatabase(scope: Scope): Promise<{ url: string; where: string }> {
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
        // A closed pool's connections may still be on their way out; FORCE would cut them off
        // ("terminating connection due to administrator command" in the log). Give them a moment.
        for (let i = 0; i < 20; i++) {
          const { rows } = await client.query<{ n: number }>(
            'SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (!rows[0]?.n) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
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

/** startDatabase, then a data source on it (closed with `scope`) with the migrations applied. */
export async function startMigratedDatabase(
  scope: Scope,
): Promise<{ url: string; where: string; db: DataSource }> {
  const database = await within(120_000, 'PostgreSQL', startDatabase(scope));
  const db = createDataSource(database.url);
  await db.initialize();
  scope.add('data source', () => db.destroy());
  await migrate(db);
  return { ...database, db };
}

/** The 2021 plan's steps and index sets, with `n` generated department units U00001…. */
export function generatedPlan(n: number, code: string): SeedPlan {
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
// The workflow bundle, built once per bench and handed to each worker process
// ------------------------------------------------------------------------------------------------

/** A logger for bundleWorkflowCode that shows only warnings and errors. */
export const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => say(`bench: bundler: ${message}`),
  error: (message: string) => say(`bench: bundler: ${message}`),
};

/** Bundles the compiled bench-workflows.js into a file (removed with `scope`); returns its path. */
export async function buildWorkflowBundle(scope: Scope): Promise<string> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'par-bench-'));
  scope.add('bundle folder', () => rmSync(workDir, { recursive: true, force: true }));
  const entry = fileURLToPath(new URL('./bench-workflows.js', import.meta.url));
  if (!existsSync(entry)) throw new Error(`bench: ${entry} is missing; build with npm run bench`);
  const bundle = await within(
    180_000,
    'the workflow bundle',
    bundleWorkflowCode({ ...workflowBundleOptions(entry), logger: quietLogger }),
  );
  const bundlePath = path.join(workDir, 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle.code);
  return bundlePath;
}

// ------------------------------------------------------------------------------------------------
// The worker, in a child process
// ------------------------------------------------------------------------------------------------

export interface WorkerProcess {
  /** Rejects when the process ends before it was asked to. */
  died: Promise<never>;
  /** Stops it and returns its peak RSS in KiB. */
  stop(): Promise<number>;
  /** Its peak RSS so far (VmHWM), while it runs. */
  peakSoFarKiB(): number | null;
  /** Its RSS now (VmRSS). */
  rssKiB(): number | null;
  kill(): void;
}

const WORKER_SCRIPT = fileURLToPath(new URL('./worker-process.js', import.meta.url));
/** Lines of worker output passed through per worker process; the rest are counted. */
const WORKER_LOG_LINES = 40;
// eslint-disable-next-line no-control-regex
const ANSI_COLOUR = /\x1b\[[0-9;]*m/g;

function procStatusKiB(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
const vmHwmKiB = (pid: number) => procStatusKiB(pid, 'VmHWM');

export async function startWorker(
  label: string,
  options: BenchWorkerOptions,
  scope: Scope,
): Promise<WorkerProcess> {
  const child: ChildProcess = fork(WORKER_SCRIPT, [], {
    // Started as the service starts its worker (npm run start:worker).
    // BENCH_WORKER_NODE_FLAGS adds flags NODE_OPTIONS refuses, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`.
    execArgv: [
      ...WORKER_NODE_FLAGS,
      ...(process.env.BENCH_WORKER_NODE_FLAGS ?? '').split(' ').filter(Boolean),
    ],
    env: { ...WORKER_ENV, ...process.env, BENCH_WORKER_OPTIONS: JSON.stringify(options) },
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
    rssKiB: () => procStatusKiB(child.pid!, 'VmRSS'),
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
// The time-skipping server, its clock, and one run on a fresh server with a fresh worker
// ------------------------------------------------------------------------------------------------

/** What every run of a bench shares: the database and the pre-built workflow bundle. */
export interface Shared {
  databaseUrl: string;
  bundlePath: string;
  /** Limit for one run, from server start to figures (BENCH_RUN_TIMEOUT_S). */
  runTimeoutMs: number;
}

/** The time-skipping server's clock, driven through its test service. */
export interface PlanClock {
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

export async function connectToTestServer(address: string, retries: boolean): Promise<Connection> {
  // The test service is switched on the way TestWorkflowEnvironment does it (an SDK-internal option).
  const options: InternalConnectionOptions = {
    address,
    channelArgs: TEST_SERVER_CHANNEL,
    ...(retries ? {} : { interceptors: [] }),
    [InternalConnectionOptionsSymbol]: { supportsTestService: true },
  };
  return Connection.connect(options);
}

export function planClock(connection: Connection): PlanClock {
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

/** What a run's body gets from withServerAndWorker. */
export interface RunContext {
  client: Client;
  clock: PlanClock;
  deadline: Deadline;
  worker: WorkerProcess;
  /** What the worker mailed (reminders, escalations, digests). */
  mail: SmtpSink;
  /** The run's laps; on failure the bench prints how far it got. */
  watch: Stopwatch;
}

/** What one run needs on a fresh time-skipping server with a fresh worker process. */
export async function withServerAndWorker<T>(
  label: string,
  shared: Shared,
  taskQueue: string,
  body: (ctx: RunContext) => Promise<T>,
): Promise<T> {
  const scope = new Scope();
  try {
    const deadline = new Deadline(shared.runTimeoutMs);
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

// ------------------------------------------------------------------------------------------------
// A bench's main: clean-up on Ctrl-C, exit status
// ------------------------------------------------------------------------------------------------

/**
 * Runs a bench's `main` and exits with the status it returns (1 when it throws). SIGINT and
 * SIGTERM close every open Scope (servers, workers, databases) and exit with 130. The bench
 * handles those signals itself: it installs the Temporal Runtime with `shutdownSignals: []`.
 */
export function runBench(main: () => Promise<number>): void {
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
}
