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
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Client } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { buildCampaignWorkflowInput } from '../src/api/campaigns/campaign-workflow-input.js';
import type { createDataSource } from '../src/db/data-source.js';
import { Campaign, CampaignStep, Participation } from '../src/entities/index.js';
import type { ReminderPolicyInput } from '../src/domain/reminders/reminder-policy.js';
import { seedCampaignPlan } from '../src/seed/seed.js';
import type { CampaignState } from '../src/contracts/campaign.js';
import { campaignWorkflow, type unitWorkflow } from '../src/workflows/index.js';
import {
  campaignStateQuery,
  chairmanDecisionSignal,
  closeStepSignal,
  councilApprovalSignal,
  selfAssessmentSubmittedSignal,
} from '../src/contracts/signals.js';
import type { UnitState } from '../src/contracts/unit.js';
import { campaignWorkflowId, unitWorkflowId } from '../src/contracts/workflow-ids.js';
import { baselineCampaignWorkflow, baselineUnitCode } from './baseline-workflows.js';
import {
  buildWorkflowBundle,
  type Deadline,
  envInt,
  errorText,
  forEachLimit,
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
/** Client calls (signals, results) in flight at once. */
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 50);
/** Limit for one run (the campaign, or the baseline) of one N, from server start to figures. */
const RUN_TIMEOUT_MS = envInt('BENCH_RUN_TIMEOUT_S', 900) * 1000;
/** Unit workflows whose history is read for the events figure. */
const UNIT_SAMPLE = envInt('BENCH_UNIT_SAMPLE', 50);
/**
 * `off`: the campaign's reminder policy sends nothing, so the run measures the workflow tree
 * alone (what the bare baseline compares with); default `on`, the service as it runs.
 */
const REMINDERS = process.env.BENCH_REMINDERS === 'off' ? 'off' : 'on';
/** `off`: skip the bare baseline (to profile or compare campaign runs alone; no ratio then). */
const BASELINE = process.env.BENCH_BASELINE === 'off' ? 'off' : 'on';
const SILENT_POLICY: ReminderPolicyInput = {
  daysBeforeDeadline: [],
  escalateAtMissedDeadline: false,
  overdueRepeatEveryWorkingDays: 0,
  secretariatDigests: { windowOpened: false, windowClosed: false },
  appraisalDaysBeforeOpening: [],
  appraisalDaysBeforeDeadline: [],
  councilDaysBeforeMeeting: [],
};

const TARGETS = {
  units: 5000,
  wallSeconds: 300,
  rssMiB: 1024,
  ratio: 3,
};

// ------------------------------------------------------------------------------------------------
// Runs
// ------------------------------------------------------------------------------------------------

interface RunFigures {
  wallMs: number;
  laps: string;
  rssKiB: number;
  events: { root: number; batchMax: number; unitMean: number; unitMax: number; units: number };
  check: string;
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
  if (REMINDERS === 'off') {
    await db.getRepository(Campaign).update({ id: campaignId }, { reminderPolicy: SILENT_POLICY });
  }
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
          // As the API signals after committing the submission with the participation's status.
          await handle.signal(selfAssessmentSubmittedSignal, {
            submittedAt,
            version: 1,
            recordedStatus: 'submitted',
          });
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
    // What the API commits with each submission before it signals (one statement here).
    await db
      .getRepository(Participation)
      .update({ campaignId }, { status: 'submitted', statusChangedAt: new Date(submittedAt) });
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

interface Outcome {
  n: number;
  campaign?: RunFigures & { seedMs: number };
  baseline?: RunFigures;
  error?: string;
}

function report(o: Outcome, details = true): void {
  const { n, campaign: c, baseline: b } = o;
  const baselineSkipped = BASELINE === 'off';
  if (!c || (!b && !baselineSkipped)) {
    say(
      `N=${n}  ${c ? `campaign ${secs(c.wallMs)}` : 'campaign FAILED'}  ${b ? `baseline ${secs(b.wallMs)}` : 'baseline FAILED'}`,
    );
    return;
  }
  const ratio = b ? c.wallMs / b.wallMs : null;
  const e = c.events;
  say(
    `N=${n}  campaign ${secs(c.wallMs)}  ` +
      (b && ratio !== null
        ? `baseline ${secs(b.wallMs)}  ratio ${ratio.toFixed(2)}  `
        : 'baseline skipped  ') +
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
      `≤ ${TARGETS.ratio}× baseline: ${ratio === null ? 'not measured' : mark(ratio <= TARGETS.ratio)}`,
  );
  if (!details) return;
  say(`  campaign: seed ${secs(c.seedMs)} (not timed in the run); ${c.laps}`);
  say(`  campaign check: ${c.check}`);
  if (!b) return;
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
    `bench: campaign scale, N = ${sizes.join(', ')}; reminders ${REMINDERS}; batch size ${BATCH_SIZE}, client concurrency ` +
      `${CONCURRENCY}, ${os.cpus().length} CPUs, Node ${process.version}, limit ${secs(RUN_TIMEOUT_MS)} per run`,
  );
  const outcomes: Outcome[] = [];
  try {
    const database = await startMigratedDatabase(root);
    const { db } = database;
    say(`bench: ${database.where}, migrated`);

    const bundlePath = await buildWorkflowBundle(root);
    const shared: Shared = { databaseUrl: database.url, bundlePath, runTimeoutMs: RUN_TIMEOUT_MS };

    for (const n of sizes) {
      const outcome: Outcome = { n };
      outcomes.push(outcome);
      if (BASELINE === 'on') {
        say(`bench: N=${n}: baseline…`);
        try {
          outcome.baseline = await runBaseline(n, shared);
        } catch (err) {
          say(`N=${n}  baseline FAILED: ${errorText(err)}`);
        }
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
  // A size given more than once (`-- 5000 5000 5000`): runs scatter, so the median says more.
  for (const n of new Set(outcomes.map((o) => o.n))) {
    const sorted = outcomes
      .filter((o) => o.n === n && o.campaign && o.baseline)
      .map((o) => o.campaign!.wallMs / o.baseline!.wallMs)
      .sort((a, b) => a - b);
    if (sorted.length < 2) continue;
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    say(
      `  N=${n}: median ratio ${median.toFixed(2)} of ${sorted.length} runs ` +
        `(${sorted[0]!.toFixed(2)}–${sorted.at(-1)!.toFixed(2)}) ${mark(median <= TARGETS.ratio)}`,
    );
  }
  return outcomes.every((o) => o.campaign && (o.baseline || BASELINE === 'off')) ? 0 : 1;
}

runBench(main);
