/**
 * A model test of the one authority (issue 12): random sequences of API actions (open, close,
 * amend, extend, draft, submit, request and give explanations, compute results, the council's
 * approval, the Chairman's decision) at random moments of the 2021 plan, through the real API,
 * PostgreSQL and workflows on a time-skipping server whose clock the API decides with. After
 * every action, what the API reports (the campaign's state, each unit's state, what a submit
 * would get) equals what the workflows answer to their queries.
 *
 * Each sequence runs on a campaign of its own whose plan starts the day after the server's clock
 * (the 2021 plan's days, moved; the clock only goes forward), in years without calendar data so no
 * reminder mail is planned. fast-check shrinks a failing sequence to a short readable one and
 * prints it with its seed (MODEL_SEED=… replays it; MODEL_RUNS=… runs more or fewer).
 */
import 'reflect-metadata';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import { appraiseRoundOne, fillDraft, fullSurveyScores } from '../support/plan-2021-scoring.js';
import {
  type RulesCampaign,
  type RulesWorld,
  settled,
  startRulesWorld,
  timeSkippingLocksReleased,
  workflowQueries,
} from '../support/rules-world.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const UNITS = ['SNV', 'STP'] as const;
type UnitCode = (typeof UNITS)[number];
/** 60 in `npm test`; `npm run test:deep` (CI too) runs 300. */
const RUNS = Number(process.env.MODEL_RUNS ?? 60);

type Action =
  | { kind: 'open' | 'close'; step: number }
  | { kind: 'amend'; step: number; days: number }
  | { kind: 'extend'; unit: UnitCode; step: 3 | 6; days: number }
  | { kind: 'draft' | 'submit' | 'request' | 'explain'; unit: UnitCode }
  | { kind: 'results' | 'approve' | 'decide' };

/** An action on day `day` of the plan (01/11 is day 0) at `hour` local time. */
interface Move {
  day: number;
  hour: number;
  action: Action;
}

const unit = fc.constantFrom(...UNITS);
const step = fc.integer({ min: 1, max: 11 });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constantFrom('open' as const, 'close' as const), step }),
  fc.record({ kind: fc.constant('amend' as const), step, days: fc.integer({ min: -3, max: 6 }) }),
  fc.record({
    kind: fc.constant('extend' as const),
    unit,
    step: fc.constantFrom(3 as const, 6 as const),
    days: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constantFrom(
      'draft' as const,
      'submit' as const,
      'request' as const,
      'explain' as const,
    ),
    unit,
  }),
  fc.record({ kind: fc.constantFrom('results' as const, 'approve' as const, 'decide' as const) }),
);
/** Days 18 (the day after the launch) to 125 (early March), mornings and afternoons. */
const move: fc.Arbitrary<Move> = fc.record({
  day: fc.integer({ min: 18, max: 125 }),
  hour: fc.constantFrom(9, 15),
  action,
});
/** The campaign as the plan means it to go, for sequences to wander from. */
const planned: Move[] = [
  { day: 35, hour: 9, action: { kind: 'submit', unit: 'SNV' } },
  { day: 45, hour: 9, action: { kind: 'submit', unit: 'STP' } },
  { day: 70, hour: 9, action: { kind: 'request', unit: 'STP' } },
  { day: 78, hour: 9, action: { kind: 'explain', unit: 'STP' } },
  { day: 100, hour: 9, action: { kind: 'results' } },
  { day: 107, hour: 9, action: { kind: 'approve' } },
  { day: 118, hour: 15, action: { kind: 'decide' } },
];
const sequence: fc.Arbitrary<Move[]> = fc
  .oneof(
    { weight: 3, arbitrary: fc.array(move, { minLength: 1, maxLength: 7 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.subarray(planned, { minLength: 4 }), fc.array(move, { maxLength: 4 }))
        .map(([kept, extra]) => [...kept, ...extra]),
    },
  )
  .map((moves) => [...moves].sort((a, b) => a.day - b.day || a.hour - b.hour));

const describeMove = (m: Move) => `day ${m.day} ${m.hour}h: ${JSON.stringify(m.action)}`;

/** One world (a time-skipping server, the API, a worker) running sequences one after another. */
class ModelRunner {
  private appraisers = new Map<string, string>();
  readonly timing = { seed: 0, launch: 0, at: 0, act: 0, check: 0, runs: 0, actions: 0 };
  readonly statuses = new Map<number, number>();
  private runsInWorld = 0;

  constructor(public world: RulesWorld) {}

  /**
   * A fresh world every RUNS_PER_WORLD sequences: each moves the clock about four months, and the
   * Java time-skipping server times out workflows ten years after their start and then stops
   * skipping time (seen: env.sleep never answered once the clock passed the first campaign's
   * tenth year).
   */
  private async freshWorldIfOld(): Promise<void> {
    if (this.runsInWorld < RUNS_PER_WORLD) return;
    await this.world.close();
    this.world = await startRulesWorld({ clockStart: CLOCK_START, ownDatabase: true });
    this.appraisers = new Map();
    this.runsInWorld = 0;
  }

  /** A campaign of the 2021 plan whose day 0 is the day after the server's clock. */
  async freshCampaign(): Promise<{ campaign: RulesCampaign; day0: DateTime }> {
    const now = DateTime.fromMillis(this.world.clock.now().getTime(), { zone: ZONE });
    const day0 = now.plus({ days: 1 }).startOf('day');
    const shift = day0.diff(DateTime.fromISO('2021-11-01', { zone: ZONE }), 'days').days;
    const moved = (date: string | null) =>
      date &&
      DateTime.fromISO(date, { zone: ZONE })
        .plus({ days: Math.round(shift) })
        .toISODate()!;
    const campaign = await this.world.campaign({
      units: UNITS,
      plan: {
        steps: VINH_LONG_2021.steps.map((s) => ({
          ...s,
          start: moved(s.start),
          end: moved(s.end),
        })),
      },
    });
    return { campaign, day0 };
  }

  /** Does the action through the API; returns the HTTP status. */
  async perform(campaign: RulesCampaign, a: Action): Promise<number> {
    const base = `/campaigns/${campaign.code}`;
    const stepDeadline = async (n: number) => {
      const steps = await this.world.as('secretariat', 'GET', `${base}/steps`);
      return steps.body.find((s: any) => s.number === n)?.deadline as string | null;
    };
    switch (a.kind) {
      case 'open':
      case 'close':
        return (await this.world.as('secretariat', 'POST', `${base}/steps/${a.step}/${a.kind}`, {}))
          .status;
      case 'amend': {
        const deadline = await stepDeadline(a.step);
        if (!deadline) return 0;
        const to = new Date(Date.parse(deadline) + a.days * 86_400_000).toISOString();
        return (
          await this.world.as('secretariat', 'POST', `${base}/steps/${a.step}/deadline`, {
            deadline: to,
            reason: 'Điều chỉnh kế hoạch',
          })
        ).status;
      }
      case 'extend': {
        const deadline = await stepDeadline(a.step);
        const to = new Date(Date.parse(deadline!) + a.days * 86_400_000).toISOString();
        return (
          await this.world.as('secretariat', 'POST', `${base}/units/${a.unit}/extensions`, {
            stepNumber: a.step,
            deadline: to,
            reason: 'Đơn vị báo cáo khó khăn',
          })
        ).status;
      }
      case 'draft':
        return (
          await fillDraft(
            this.world.api,
            campaign.code,
            a.unit,
            await this.world.token(`unit:${a.unit}`),
          )
        ).status;
      case 'submit': {
        const draft = await fillDraft(
          this.world.api,
          campaign.code,
          a.unit,
          await this.world.token(`unit:${a.unit}`),
        );
        if (draft.status !== 200) return draft.status;
        return (
          await this.world.as(
            `unit:${a.unit}`,
            'POST',
            `${base}/units/${a.unit}/self-assessment/submit`,
          )
        ).status;
      }
      case 'request':
        return (
          await this.world.as(
            'secretariat',
            'POST',
            `${base}/units/${a.unit}/explanation-requests`,
            {
              criteria: ['1.1.1'],
              reason: 'Thiếu tài liệu kiểm chứng',
            },
          )
        ).status;
      case 'explain':
        return (
          await this.world.as(`unit:${a.unit}`, 'POST', `${base}/units/${a.unit}/explanation`, {
            text: 'Đơn vị bổ sung tài liệu kiểm chứng.',
          })
        ).status;
      case 'results': {
        for (const agency of VINH_LONG_2021.agencies) {
          if (!this.appraisers.has(agency.code)) {
            this.appraisers.set(agency.code, await this.world.token(`agency:${agency.code}`));
          }
        }
        for (const code of UNITS) {
          await appraiseRoundOne(this.world.api, campaign.code, code, (agency) =>
            this.appraisers.get(agency)!,
          ).catch(
            () => undefined, // a unit that did not submit has nothing to appraise
          );
        }
        await this.world.as('secretariat', 'POST', `${base}/survey-scores/import`, {
          scores: fullSurveyScores(UNITS),
        });
        await this.world.as('secretariat', 'POST', `${base}/appraisals/fix`);
        return (await this.world.as('secretariat', 'POST', `${base}/results/compute`)).status;
      }
      case 'approve':
        return (
          await this.world.as('council', 'POST', `${base}/council-approval`, { note: 'Thông qua' })
        ).status;
      case 'decide':
        return (
          await this.world.as('secretariat', 'POST', `${base}/chairman-decision`, {
            number: '456/QĐ-UBND',
            date: '2022-02-28',
          })
        ).status;
    }
  }

  /** What the API reports and what the workflows answer, side by side (null when they agree). */
  async disagreement(campaign: RulesCampaign): Promise<string | null> {
    const base = `/campaigns/${campaign.code}`;
    const queries = workflowQueries(this.world, await campaign.workflowId());
    const stepsOf = (state: any) => ({
      currentStep: state.currentStep,
      steps: state.steps.map((s: any) => [s.number, s.status, s.deadline, s.closedBy, s.overdue]),
    });
    const unitOf = (state: any) => ({
      status: state.status,
      selfAssessment: state.selfAssessment,
      explanation: {
        deadline: state.explanation.deadline,
        requestedAt: state.explanation.request?.requestedAt ?? null,
        criteria: state.explanation.request?.criteria ?? null,
        submittedAt: state.explanation.submittedAt,
      },
      finishedAt: state.finishedAt,
    });
    const [api, workflow, ...units] = await Promise.all([
      this.world.as('secretariat', 'GET', `${base}/state`),
      queries.campaign(),
      ...UNITS.map((code) =>
        Promise.all([
          this.world.as('secretariat', 'GET', `${base}/units/${code}/state`),
          this.world.as('secretariat', 'GET', `${base}/units/${code}/self-assessment`),
          queries.unit(code),
        ]),
      ),
    ]);
    const sides: unknown[][] = [[stepsOf(api.body), stepsOf(workflow)]];
    for (const [apiUnit, sheet, workflowUnit] of units as [any, any, any][]) {
      sides.push([unitOf(apiUnit.body), unitOf(workflowUnit)]);
      // What a submit would get: the deadline it is judged by, and the status it would move.
      sides.push([
        { deadline: sheet.body.window.deadline, status: sheet.body.participationStatus },
        { deadline: workflowUnit.selfAssessment.deadline, status: workflowUnit.status },
      ]);
    }
    const differing = sides.filter(([a, b]) => JSON.stringify(a) !== JSON.stringify(b));
    return differing.length === 0 ? null : JSON.stringify(differing, null, 1);
  }

  /** One sequence on a campaign of its own; throws, naming the move, when the sides disagree. */
  async run(moves: Move[]): Promise<void> {
    const trace = (what: string) => {
      if (process.env.MODEL_TRACE) console.log(`[model ${this.timing.runs}] ${what}`);
    };
    /** Fails with a name instead of waiting forever (the test's own timeout says nothing). */
    const within = async <T>(what: string, work: Promise<T>): Promise<T> => {
      let timer: NodeJS.Timeout | undefined;
      try {
        return await Promise.race([
          work,
          new Promise<T>((_, reject) => {
            timer = setTimeout(
              () =>
                reject(
                  new Error(`${what} did not answer in 60 s; worker ${this.world.workerStatus()}`),
                ),
              60_000,
            );
          }),
        ]);
      } finally {
        clearTimeout(timer);
      }
    };
    await this.freshWorldIfOld();
    this.runsInWorld++;
    const t0 = Date.now();
    this.timing.runs++;
    const { campaign, day0 } = await this.freshCampaign();
    const at = (day: number, hour: number) =>
      this.world.at(day0.plus({ days: day, hours: hour }).toJSDate());
    const t1 = Date.now();
    trace('launch');
    await within('moving the clock to the launch', at(17, 9));
    const launch = await within(
      'the launch',
      this.world.as('secretariat', 'POST', `/campaigns/${campaign.code}/launch`),
    );
    expect(launch.status, JSON.stringify(launch.body)).toBe(200);
    const t2 = Date.now();
    this.timing.seed += t1 - t0;
    this.timing.launch += t2 - t1;
    for (const [i, m] of moves.entries()) {
      const t3 = Date.now();
      trace(`at ${describeMove(m)}`);
      await within(`moving the clock to ${describeMove(m)}`, at(m.day, m.hour));
      trace('act');
      const t4 = Date.now();
      const status = await within(describeMove(m), this.perform(campaign, m.action));
      const t5 = Date.now();
      this.timing.at += t4 - t3;
      this.timing.act += t5 - t4;
      this.timing.actions++;
      this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
      expect(status, describeMove(m)).toBeLessThan(500);
      const last = await settled(
        () => this.disagreement(campaign),
        (d) => d === null,
        30_000,
      );
      this.timing.check += Date.now() - t5;
      if (last !== null) {
        throw new Error(
          `After ${describeMove(m)} (move ${i + 1} of ${moves.length}) the API and the workflows disagree (API first): ${String(last)}`,
        );
      }
    }
  }
}

/** Worlds running side by side (each its own server and clock): the waits are mostly I/O. */
const WORLDS = Number(process.env.MODEL_WORLDS ?? 3);
/** Sequences per world before a fresh one (see ModelRunner.freshWorldIfOld): about 5 years. */
const RUNS_PER_WORLD = Number(process.env.MODEL_RUNS_PER_WORLD ?? 15);
/** A year without calendar data: no reminder is planned, so none is mailed. */
const CLOCK_START = new Date('2031-01-01T00:00:00+07:00');

describe('the API and the workflows agree after every action (model test)', () => {
  const runners: ModelRunner[] = [];

  beforeAll(async () => {
    for (let i = 0; i < WORLDS; i++) {
      runners.push(
        new ModelRunner(await startRulesWorld({ clockStart: CLOCK_START, ownDatabase: true })),
      );
    }
  }, 300_000);

  afterAll(async () => {
    for (const runner of runners) await runner.world.close();
  });

  it(
    `holds for ${RUNS} random sequences`,
    async () => {
      const seed = process.env.MODEL_SEED ? Number(process.env.MODEL_SEED) : Date.now() % 2 ** 31;
      // Each world takes its share of the runs, with a seed of its own (printed on failure).
      const results = await Promise.allSettled(
        runners.map((runner, i) =>
          fc.assert(
            fc.asyncProperty(sequence, (moves) => runner.run(moves)),
            {
              numRuns: Math.ceil(RUNS / runners.length),
              seed: seed + i,
              endOnFailure: false,
            },
          ),
        ),
      );
      const total = (key: keyof ModelRunner['timing']) =>
        runners.reduce((sum, r) => sum + r.timing[key], 0);
      const statuses = new Map<number, number>();
      for (const runner of runners) {
        for (const [status, n] of runner.statuses)
          statuses.set(status, (statuses.get(status) ?? 0) + n);
      }
      // What the runs did, so a reader can see the model reached the interesting cases.
      console.log(
        `model: time-skipping locks given back ${timeSkippingLocksReleased()}; ${total('runs')} sequences in ${runners.length} worlds (seeds ${seed}…${seed + runners.length - 1}), ${total('actions')} actions; answers ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ms seeding ${total('seed')}, launching ${total('launch')}, moving the clock ${total('at')}, acting ${total('act')}, comparing ${total('check')}`,
      );
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed.length > 0) throw failed[0]!.reason;
      expect(total('runs')).toBeGreaterThanOrEqual(RUNS);
    },
    60 * 60_000,
  );
});
