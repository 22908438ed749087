/**
 * Reminder-wave benchmark of issue 5: the 2021 plan's first reminder wave (15/12/2021 08:00, to
 * every unit that has not submitted its self-assessment) to N generated units, sent through the
 * real campaign and notifications workflows and the real activities to an SMTP sink on loopback.
 *
 *   npm run bench:reminders              # N = 5000
 *   npm run bench:reminders -- 500       # chosen sizes
 *
 * Per N it prints the messages received, the duplicates found, emails per second, the
 * notifications table's status counts, the worker's peak RSS and the target ("≥ 200 emails/s,
 * 0 duplicates": met / NOT MET). It never asserts the target: it prints it.
 * See bench/README.md for what is measured and how.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { buildCampaignWorkflowInput } from '../src/api/campaigns/campaign-workflow-input.js';
import { Campaign, CampaignStep } from '../src/entities/index.js';
import { seedCampaignPlan } from '../src/seed/seed.js';
import { campaignWorkflow } from '../src/workflows/index.js';
import { campaignStateQuery, closeStepSignal } from '../src/contracts/signals.js';
import { campaignWorkflowId } from '../src/contracts/workflow-ids.js';
import {
  buildWorkflowBundle,
  envInt,
  errorText,
  generatedPlan,
  int,
  local,
  mark,
  mib,
  runBench,
  say,
  Scope,
  secs,
  type Shared,
  startMigratedDatabase,
  withServerAndWorker,
  within,
} from './harness.js';

// ------------------------------------------------------------------------------------------------
// Settings
// ------------------------------------------------------------------------------------------------

/** Units per batch workflow; the campaign workflow's default is 500. */
const BATCH_SIZE = envInt('BENCH_BATCH_SIZE', 500);
/** Limit for one run of one N, from server start to figures. */
const RUN_TIMEOUT_MS = envInt('BENCH_RUN_TIMEOUT_S', 900) * 1000;
/** Limit for the wave itself, from the clock reaching 08:00 to every message decided and received. */
const WAVE_TIMEOUT_MS = envInt('BENCH_WAVE_TIMEOUT_S', 600) * 1000;
/** The wait gives up when neither the table nor the sink has moved for this long. */
const WAVE_STALL_MS = 120_000;
const POLL_MS = 200;

const TARGET = { emailsPerSecond: 200, duplicates: 0 };

/** The first unit reminder wave of the 2021 plan: 7 working days before the 24/12 deadline. */
const WAVE_AT = '2021-12-15T08:00:00';

// ------------------------------------------------------------------------------------------------
// One run
// ------------------------------------------------------------------------------------------------

interface WaveFigures {
  n: number;
  seedMs: number;
  laps: string;
  /** Every message the sink received, and those of the wave (distinct business keys). */
  receivedAll: number;
  receivedWave: number;
  duplicates: number;
  /** Wave messages received at the sink: first and last (ms since epoch). */
  firstMessageAt: number;
  lastMessageAt: number;
  /** The clock was let go to 08:00 at this instant (ms since epoch). */
  clockReleasedAt: number;
  /** The wave's first row claimed, and its last row decided (PostgreSQL's clock, ms since epoch). */
  firstClaimedAt: number;
  lastDecidedAt: number;
  /** Rows of the wave, and all of the campaign's rows, by status. */
  waveStatus: Record<string, number>;
  allStatus: Record<string, number>;
  rssKiB: number;
}

interface StatusRow {
  status: string;
  count: number;
  first_created_ms: number | null;
  last_updated_ms: number | null;
}

const sumOf = (counts: Record<string, number>) =>
  Object.values(counts).reduce((sum, count) => sum + count, 0);
const describeCounts = (counts: Record<string, number>) =>
  Object.keys(counts).length === 0
    ? 'none'
    : Object.entries(counts)
        .map(([status, count]) => `${int(count)} ${status}`)
        .join(', ');

/** The wave's rows in the notifications table (or all of the campaign's), by status. */
async function notificationStatus(
  db: DataSource,
  campaignId: string,
  waveOnly: boolean,
): Promise<StatusRow[]> {
  return db.query(
    `SELECT status, COUNT(*)::int AS count,
            (EXTRACT(EPOCH FROM MIN(created_at)) * 1000)::float8 AS first_created_ms,
            (EXTRACT(EPOCH FROM MAX(updated_at)) * 1000)::float8 AS last_updated_ms
     FROM notifications
     WHERE campaign_id = $1 AND ($2::boolean = false OR (kind = 'reminder' AND scheduled_for = $3))
     GROUP BY status ORDER BY status`,
    [campaignId, waveOnly, local(WAVE_AT)],
  );
}

const countsOf = (rows: StatusRow[]) =>
  Object.fromEntries(rows.map((row) => [row.status, row.count]));

async function runWave(n: number, shared: Shared, db: DataSource): Promise<WaveFigures> {
  const code = `bench-rw-${n}-2021-${randomUUID().slice(0, 6)}`;
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
  const taskQueue = `bench-reminders-${n}`;
  // A reminder of this wave: `<campaign id>/unit:<code>/step-3/reminder/…` (the keys are checked
  // against the table's at the end).
  const isWaveKey = (key: string) =>
    key.startsWith(`${campaignId}/unit:`) && key.includes('/reminder/');

  return withServerAndWorker(`reminders N=${n}`, shared, taskQueue, async (ctx) => {
    const { client, clock, deadline, mail, watch } = ctx;
    const advanceTo = async (stamp: string) => {
      const target = local(stamp).getTime();
      const now = await deadline.wait('the server time', clock.now());
      if (target > now) await deadline.wait(`time to reach ${stamp}`, clock.sleep(target - now));
    };
    const waveKeysReceived = () => {
      let count = 0;
      for (const key of mail.byKey.keys()) if (isWaveKey(key)) count++;
      return count;
    };

    watch.begin();
    const handle = await client.workflow.start(campaignWorkflow, {
      workflowId,
      taskQueue,
      args: [input],
    });
    try {
      // November: steps 1 and 2 open; the secretariat completes both (as the 2021-plan tests do).
      await advanceTo('2021-11-10T09:00:00');
      const november = await deadline.wait('a query', handle.query(campaignStateQuery));
      if (november.units !== n)
        throw new Error(`the campaign counts ${november.units} units, not ${n}`);
      await handle.signal(closeStepSignal, { step: 1 });
      await handle.signal(closeStepSignal, { step: 2 });
      watch.lap('start → 10/11');

      // Everything due before the wave (step 3 opens on 01/12, its digest) is done first.
      await advanceTo('2021-12-15T07:59:00');
      watch.lap('→ 15/12 07:59');
      const early = sumOf(countsOf(await notificationStatus(db, campaignId, true)));
      if (early > 0) throw new Error(`${int(early)} messages of the wave were sent before 08:00`);

      // The wave: the notifications workflow's timer fires at 08:00 and its activity sends.
      const clockReleasedAt = Date.now();
      await advanceTo('2021-12-15T08:00:01');
      watch.lap('→ 08:00');
      const waveStarted = performance.now();
      let last = { decided: -1, received: -1, at: performance.now() };
      let rows: StatusRow[] = [];
      for (;;) {
        rows = await deadline.wait(
          'the notifications table',
          notificationStatus(db, campaignId, true),
        );
        const decided = rows.filter((r) => r.status !== 'sending').reduce((s, r) => s + r.count, 0);
        const sent = rows.find((r) => r.status === 'sent')?.count ?? 0;
        const received = waveKeysReceived();
        if (decided >= n && received >= sent) break;
        const now = performance.now();
        if (decided !== last.decided || received !== last.received) {
          last = { decided, received, at: now };
        } else if (now - last.at > WAVE_STALL_MS) {
          throw new Error(
            `the wave stalled: nothing moved for ${secs(WAVE_STALL_MS)}; ${int(decided)} of ${int(n)} ` +
              `rows decided (${describeCounts(countsOf(rows))}), ${int(received)} received`,
          );
        }
        if (now - waveStarted > WAVE_TIMEOUT_MS) {
          throw new Error(
            `the wave's limit of ${secs(WAVE_TIMEOUT_MS)} (BENCH_WAVE_TIMEOUT_S) was reached: ` +
              `${int(decided)} of ${int(n)} rows decided (${describeCounts(countsOf(rows))}), ` +
              `${int(received)} received`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      watch.lap('wave');

      // The figures, before anything else can move.
      const arrivals = mail.arrivals.filter((a) => isWaveKey(a.key));
      const waveKeys = new Set<string>(
        (
          await db.query(
            `SELECT business_key FROM notifications
             WHERE campaign_id = $1 AND kind = 'reminder' AND scheduled_for = $2`,
            [campaignId, local(WAVE_AT)],
          )
        ).map((r: { business_key: string }) => r.business_key),
      );
      if (arrivals.length === 0) {
        throw new Error(
          `no message of the wave reached the sink (${describeCounts(countsOf(rows))} in the table)`,
        );
      }
      const strangers = arrivals.filter((a) => !waveKeys.has(a.key)).length;
      if (strangers > 0) {
        throw new Error(
          `${int(strangers)} reminders reached the sink that the table does not hold`,
        );
      }
      const decidedRows = rows.filter((r) => r.status !== 'sending');
      const figures = {
        n,
        seedMs,
        receivedAll: mail.received(),
        receivedWave: waveKeysReceived(),
        duplicates: mail.duplicates(),
        firstMessageAt: Math.min(...arrivals.map((a) => a.at)),
        lastMessageAt: Math.max(...arrivals.map((a) => a.at)),
        clockReleasedAt,
        firstClaimedAt: Math.min(...rows.map((r) => r.first_created_ms ?? Infinity)),
        lastDecidedAt: Math.max(...decidedRows.map((r) => r.last_updated_ms ?? -Infinity)),
        waveStatus: countsOf(rows),
        allStatus: countsOf(await notificationStatus(db, campaignId, false)),
      };
      await deadline.wait('the campaign to terminate', handle.terminate('bench: wave measured'));
      watch.lap('terminate');
      const rssKiB = await ctx.worker.stop();
      return { ...figures, laps: watch.describe(), rssKiB };
    } catch (err) {
      // The server goes away with the run anyway; this ends the campaign's tree first.
      await within(30_000, 'termination', handle.terminate('bench: run failed')).catch(
        () => undefined,
      );
      throw err;
    }
  });
}

// ------------------------------------------------------------------------------------------------
// Main
// ------------------------------------------------------------------------------------------------

function parseSizes(argv: string[]): number[] {
  if (argv.length === 0) return [5000];
  return argv.map((arg) => {
    const n = Number(arg.replace(/[,_]/g, ''));
    if (!Number.isInteger(n) || n < 1 || n > 99_999) {
      throw new Error(`bench: "${arg}" is not a number of units (1–99,999)`);
    }
    return n;
  });
}

const perSecond = (count: number, ms: number) => (ms > 0 ? (count * 1000) / ms : Infinity);
const rate = (perS: number) => (Number.isFinite(perS) ? `${int(perS)} emails/s` : '∞ emails/s');

/** The slower of the two rates: sink (first → last message) and first message → last row decided. */
function rates(f: WaveFigures) {
  const sinkMs = f.lastMessageAt - f.firstMessageAt;
  const waveMs = Math.max(f.lastDecidedAt, f.lastMessageAt) - f.firstMessageAt;
  const sink = perSecond(f.receivedWave, sinkMs);
  const wave = perSecond(f.receivedWave, waveMs);
  return { sinkMs, waveMs, sink, wave, slower: Math.min(sink, wave) };
}

function targetLine(f: WaveFigures): string {
  const r = rates(f);
  const met =
    r.slower >= TARGET.emailsPerSecond &&
    f.duplicates <= TARGET.duplicates &&
    f.receivedWave === f.n;
  return (
    `≥ ${TARGET.emailsPerSecond} emails/s, ${TARGET.duplicates} duplicates: ${mark(met)} ` +
    `(${rate(r.slower)}, ${int(f.duplicates)} duplicates, ${int(f.receivedWave)}/${int(f.n)} received)`
  );
}

function report(f: WaveFigures): void {
  const r = rates(f);
  say(
    `N=${f.n}  reminder wave: ${int(f.receivedWave)} messages received, ${int(f.duplicates)} duplicates  ` +
      `${rate(r.sink)} at the sink (first → last message ${secs(r.sinkMs)})  ` +
      `${rate(r.wave)} first message → last row decided (${secs(r.waveMs)})  ` +
      `worker peak RSS ${mib(f.rssKiB)}`,
  );
  say(`  target: ${targetLine(f)}`);
  say(
    `  wave: clock let go to 08:00 → first row claimed ${secs(f.firstClaimedAt - f.clockReleasedAt)}, ` +
      `→ first message ${secs(f.firstMessageAt - f.clockReleasedAt)}, → last row decided ` +
      `${secs(f.lastDecidedAt - f.clockReleasedAt)} (${rate(perSecond(f.receivedWave, f.lastDecidedAt - f.clockReleasedAt))} overall)`,
  );
  say(
    `  notifications table: the wave's ${int(sumOf(f.waveStatus))} rows: ${describeCounts(f.waveStatus)}; ` +
      `the campaign's ${int(sumOf(f.allStatus))} rows: ${describeCounts(f.allStatus)}; ` +
      `sink: ${int(f.receivedAll)} messages in all`,
  );
  say(`  run: seed ${secs(f.seedMs)} (not timed in the run); ${f.laps}`);
}

async function main(): Promise<number> {
  const sizes = parseSizes(process.argv.slice(2));
  // The bench handles SIGINT/SIGTERM itself (clean-up), not the Temporal runtime.
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const root = new Scope();
  say(
    `bench: reminder wave of 15/12/2021 08:00, N = ${sizes.join(', ')}; batch size ${BATCH_SIZE}, ` +
      `${os.cpus().length} CPUs, Node ${process.version}, limit ${secs(RUN_TIMEOUT_MS)} per run, ` +
      `${secs(WAVE_TIMEOUT_MS)} for the wave`,
  );
  const outcomes: { n: number; figures?: WaveFigures }[] = [];
  try {
    const database = await startMigratedDatabase(root);
    say(`bench: ${database.where}, migrated`);
    const bundlePath = await buildWorkflowBundle(root);
    const shared: Shared = { databaseUrl: database.url, bundlePath, runTimeoutMs: RUN_TIMEOUT_MS };

    for (const n of sizes) {
      const outcome: (typeof outcomes)[number] = { n };
      outcomes.push(outcome);
      say(`bench: N=${n}: campaign to 15/12/2021 08:00 and its reminder wave…`);
      try {
        outcome.figures = await runWave(n, shared, database.db);
        report(outcome.figures);
      } catch (err) {
        say(`N=${n}  reminder wave FAILED: ${errorText(err)}`);
      }
    }
  } catch (err) {
    say(`bench: FAILED: ${errorText(err)}`);
    return 1;
  } finally {
    await root.close();
  }

  say('');
  say(`target (issue 5, on this ${os.cpus().length}-CPU machine; printed, never asserted):`);
  for (const o of outcomes) {
    say(`- N=${o.n}: ${o.figures ? targetLine(o.figures) : 'not measured (the run failed)'}`);
  }
  return outcomes.every((o) => o.figures) ? 0 : 1;
}

runBench(main);
