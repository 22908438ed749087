/**
 * Done-when of issue 15: a 2026 campaign copied from the 2021 plan, its dates running into 2027,
 * through all its steps on the real API, worker and workflows of a time-skipping server (clock
 * from 26/10/2026), with a database of its own and the run's MailDev.
 *
 * - 2026 and 2027 are loaded AS DATA (PUT and a JSON file, the days of the built-in files): the
 *   list says origin 'data' for both, and the test checks every day against those rows only.
 * - The copy with the default rules puts every opening and deadline on a working day and names
 *   each move; step 8 (07–11/02, all of it inside Tết Đinh Mùi 2027) ends up closed before it
 *   opens, which the copy says, and the secretariat moves it before Tết as the warning asks.
 * - Launched without a calendar warning; SNV submits on time, SCT late, STP never; the agency STP
 *   scores late; the secretariat closes steps 2, 5 and 8 late; the council approves late; the
 *   Chairman announces; the commendation step closes and the campaign workflow completes.
 * - Every reminder, escalation and digest is in the log at 08:00 Asia/Ho_Chi_Minh on a working
 *   day of the loaded calendar, its wave ran at that instant on the workflows' clock (the wave
 *   activity's time in the Temporal history), MailDev received it once, and sends fall in 2026
 *   and in 2027.
 */
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { notificationsWorkflowId } from '../../src/contracts/workflow-ids.js';
import { BusinessCalendar } from '../../src/domain/calendar/business-calendar.js';
import type { CalendarYear } from '../../src/domain/calendar/calendar-data.js';
import { VIETNAM_2026 } from '../../src/domain/calendar/vietnam-2026.js';
import { VIETNAM_2027 } from '../../src/domain/calendar/vietnam-2027.js';
import { formatLocalDateTime } from '../../src/domain/local-time.js';
import { localDateOf, localTimeOf } from '../../src/domain/reminders/local-clock.js';
import { SEND_KINDS } from '../../src/domain/reminders/planned-send.js';
import { Campaign, Notification } from '../../src/entities/index.js';
import { upload } from '../support/api-fixtures.js';
import { fillDraft, fullSurveyScores } from '../support/plan-2021-scoring.js';
import {
  local,
  type RulesCampaign,
  type RulesWorld,
  settled,
  startRulesWorld,
  timeSkippingLocksReleased,
} from '../support/rules-world.js';
import '../support/provided.js';

type History = temporal.api.history.v1.IHistory;

interface MailDevMessage {
  headers: Record<string, string>;
  subject: string;
}

const ZONE = 'Asia/Ho_Chi_Minh';
/** SNV submits on time, SCT late (after its escalation), STP never. */
const UNITS = ['SNV', 'SCT', 'STP'];
const PLANNED_KINDS: readonly string[] = SEND_KINDS;
const startedAt = Date.now();

let world: RulesWorld;
let source: RulesCampaign;
/** The 2026 copy. */
let copy: { id: string; code: string };
/** The working-day calendar as the API holds 2026 and 2027 (data rows), nothing else. */
let loaded: BusinessCalendar;

const base = () => `/campaigns/${copy.id}`;
const dmy = (iso: string) => iso.split('-').reverse().join('/');
const isoOf = (dmyDate: string) => dmyDate.split('/').reverse().join('-');

/** Moves the clock to a local instant and asserts what the secretariat does there. */
async function secretariat(stamp: string, path: string, body: unknown = {}, status = 202) {
  await world.at(local(stamp));
  const res = await world.as('secretariat', 'POST', `${base()}${path}`, body);
  expect(res.status, `${stamp} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
  return res;
}

/** An agency enters 0 for every round-1 score it still owes (as its progress page lists them). */
async function agencyScores(agency: string): Promise<number> {
  const progress = await world.as(
    `agency:${agency}`,
    'GET',
    `${base()}/appraisals/progress?round=1`,
  );
  expect(progress.status, JSON.stringify(progress.body)).toBe(200);
  let entered = 0;
  for (const unit of progress.body.units as { unitCode: string; missing: string[] }[]) {
    if (unit.missing.length === 0) continue;
    const saved = await world.as(
      `agency:${agency}`,
      'PUT',
      `${base()}/units/${unit.unitCode}/appraisals/rounds/1`,
      { items: unit.missing.map((criterionCode) => ({ criterionCode, score: 0 })) },
    );
    expect(saved.status, `${agency}/${unit.unitCode}: ${JSON.stringify(saved.body)}`).toBe(200);
    entered += unit.missing.length;
  }
  return entered;
}

async function unitSubmits(unitCode: string) {
  const token = await world.token(`unit:${unitCode}`);
  const draft = await fillDraft(world.api, copy.code, unitCode, token);
  expect(draft.status, JSON.stringify(draft.body)).toBe(200);
  const submitted = await world.as(
    `unit:${unitCode}`,
    'POST',
    `${base()}/units/${unitCode}/self-assessment/submit`,
  );
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
}

async function stepStatus(number: number): Promise<string> {
  const res = await world.as('secretariat', 'GET', `${base()}/state`);
  return res.body.steps?.find((s: { number: number }) => s.number === number)?.status;
}

/** The copy's notification log. */
const logRows = () =>
  world.api.dataSource.getRepository(Notification).find({ where: { campaignId: copy.id } });

/** "dd/MM/yyyy HH:mm kind recipient step-N" of the log's rows of these kinds, in time order. */
function lines(rows: Notification[], kinds: readonly string[]): string[] {
  return rows
    .filter((row) => kinds.includes(row.kind))
    .sort(
      (a, b) =>
        a.scheduledFor.getTime() - b.scheduledFor.getTime() ||
        (a.businessKey < b.businessKey ? -1 : 1),
    )
    .map((row) => {
      const [, recipient, step] = row.businessKey.split('/');
      return `${formatLocalDateTime(row.scheduledFor, ZONE)} ${row.kind} ${recipient} ${step}`;
    });
}

interface WaveRun {
  after: number;
  upTo: number;
  /** When the wave's activity was scheduled and when it completed, on the workflows' clock. */
  scheduledAt: number;
  completedAt: number | null;
}

const msOf = (time: { seconds?: unknown; nanos?: number | null }) =>
  Number(time.seconds) * 1000 + Math.floor((time.nanos ?? 0) / 1e6);

/** The notifications workflow's waves as its histories (every run) record them. */
async function wavesRun(): Promise<WaveRun[]> {
  const campaign = await world.api.dataSource
    .getRepository(Campaign)
    .findOneByOrFail({ id: copy.id });
  const workflowId = notificationsWorkflowId(campaign.workflowId!);
  const waves: WaveRun[] = [];
  let runId: string | undefined;
  for (let runs = 0; runs < 50; runs++) {
    const history: History = await world.env.client.workflow
      .getHandle(workflowId, runId)
      .fetchHistory();
    const byEventId = new Map<string, WaveRun>();
    for (const event of history.events ?? []) {
      const scheduled = event.activityTaskScheduledEventAttributes;
      if (scheduled?.activityType?.name === 'sendNotificationWave') {
        const input = defaultPayloadConverter.fromPayload<{ after: string; upTo: string }>(
          scheduled.input!.payloads![0]!,
        );
        const wave = {
          after: Date.parse(input.after),
          upTo: Date.parse(input.upTo),
          scheduledAt: msOf(event.eventTime!),
          completedAt: null,
        };
        waves.push(wave);
        byEventId.set(String(event.eventId), wave);
      }
      const completed = event.activityTaskCompletedEventAttributes;
      const wave = completed && byEventId.get(String(completed.scheduledEventId));
      if (wave) wave.completedAt = msOf(event.eventTime!);
    }
    const previous =
      history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    if (!previous) break;
    runId = previous;
  }
  return waves;
}

beforeAll(async () => {
  world = await startRulesWorld({ clockStart: local('2026-10-26T08:00:00'), ownDatabase: true });
  source = await world.campaign({ units: UNITS });
}, 120_000);

afterAll(() => world?.close());

describe('a 2026 campaign copied from 2021, run into 2027 on the calendar as data', () => {
  it('loads 2026 (PUT) and 2027 (a JSON file) as data: the list says origin data for both', async () => {
    await world.at(local('2026-10-26T09:00:00'));
    const put = await world.as(
      'secretariat',
      'PUT',
      '/calendar-years/2026',
      JSON.parse(JSON.stringify(VIETNAM_2026)),
    );
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ year: 2026, origin: 'data', replaced: 'built-in' });
    const imported = await upload(world.api, '/calendar-years/import', {
      token: await world.token('secretariat'),
      file: { name: 'lich-2027.json', content: JSON.stringify(VIETNAM_2027) },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ year: 2027, origin: 'data', format: 'json' });

    const list = await world.as('secretariat', 'GET', '/calendar-years');
    expect(list.status).toBe(200);
    const of = (year: number) => list.body.find((y: { year: number }) => y.year === year);
    for (const year of [2026, 2027]) {
      expect(of(year), String(year)).toMatchObject({ origin: 'data', builtIn: true });
      expect(of(year).updatedAt).not.toBeNull();
    }
    // The test's own calendar: the two years as the API holds them, and nothing outside them
    // (a date in another year throws).
    const years: CalendarYear[] = [];
    for (const year of [2026, 2027]) {
      const one = await world.as('secretariat', 'GET', `/calendar-years/${year}`);
      expect(one.body.origin).toBe('data');
      years.push(one.body.data as CalendarYear);
    }
    loaded = new BusinessCalendar(years);
    const rows = await world.api.dataSource.query('SELECT year FROM calendar_years ORDER BY year');
    expect(rows.map((r: { year: number }) => Number(r.year))).toEqual([2026, 2027]);
  });

  it('copies 2021 to 2026: every date on a working day, each move named, step 8 out of Tết', async () => {
    const res = await world.as('secretariat', 'POST', `/campaigns/${source.id}/copy`, {
      year: 2026,
      code: `vinhlong-2026-${source.code.slice(-6)}`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    copy = { id: res.body.id, code: res.body.code };
    expect(res.body.workingDays.rules).toEqual({ deadlines: 'previous', openings: 'next' });
    const move = (
      step: number,
      date: string,
      from: string,
      to: string,
      reason: string,
      rule = date === 'deadline' ? 'previous' : 'next',
    ) => ({ step, date, rule, yearShiftOn: from, chosenOn: to, reason });
    const TET_2027 = 'Tết Nguyên đán Đinh Mùi (dự kiến)';
    expect(
      res.body.workingDays.moves.map((m: Record<string, unknown>) => ({
        step: m.step,
        date: m.date,
        rule: m.rule,
        yearShiftOn: m.yearShiftOn,
        chosenOn: m.chosenOn,
        reason: m.reason,
      })),
    ).toEqual([
      // 01/11/2026, 27/12/2026, 03/01, 17/01 and 24/01/2027 are Sundays.
      move(1, 'opensAt', '01/11/2026', '02/11/2026', 'Chủ nhật'),
      move(2, 'opensAt', '01/11/2026', '02/11/2026', 'Chủ nhật'),
      move(4, 'opensAt', '27/12/2026', '28/12/2026', 'Chủ nhật'),
      move(5, 'opensAt', '03/01/2027', '04/01/2027', 'Chủ nhật'),
      move(6, 'opensAt', '17/01/2027', '18/01/2027', 'Chủ nhật'),
      move(7, 'opensAt', '24/01/2027', '25/01/2027', 'Chủ nhật'),
      // Step 8's whole window (07–11/02/2027) is inside Tết Đinh Mùi (05–11/02/2027).
      move(8, 'opensAt', '07/02/2027', '12/02/2027', TET_2027),
      move(8, 'deadline', '11/02/2027', '04/02/2027', TET_2027),
      move(10, 'deadline', '28/02/2027', '26/02/2027', 'Chủ nhật'),
    ]);
    expect(res.body.workingDays.warnings).toEqual([
      expect.stringMatching(
        /^Bước 8: sau khi dời sang ngày làm việc, ngày mở \(12\/02\/2027\) không còn trước hạn \(04\/02\/2027\)/,
      ),
    ]);
    // As the warning asks: the round-2 summary before Tết, after round 2 (ends 28/01).
    const patched = await world.as('secretariat', 'PATCH', `${base()}/steps/8`, {
      opensOn: '2027-01-29',
      closesOn: '2027-02-04',
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);

    const steps = await world.as('secretariat', 'GET', `${base()}/steps`);
    expect(steps.status).toBe(200);
    const dated = (steps.body as { number: number; opensOn: string; closesOn: string }[]).filter(
      (s) => s.closesOn,
    );
    expect(dated.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const step of dated) {
      for (const day of [step.opensOn, step.closesOn]) {
        const iso = isoOf(day);
        expect(loaded.isWorkingDay(iso), `step ${step.number}: ${day}`).toBe(true);
        // Neither in Tết Bính Ngọ 2026 (14–22/02/2026) nor Tết Đinh Mùi 2027 (05–11/02/2027).
        expect(iso >= '2026-02-14' && iso <= '2026-02-22', `${step.number}: ${day}`).toBe(false);
        expect(iso >= '2027-02-05' && iso <= '2027-02-11', `${step.number}: ${day}`).toBe(false);
      }
    }
    expect(dated.map((s) => `${s.number}: ${s.opensOn}–${s.closesOn}`)).toEqual([
      '1: 02/11/2026–30/11/2026',
      '2: 02/11/2026–30/11/2026',
      '3: 01/12/2026–24/12/2026',
      '4: 28/12/2026–31/12/2026',
      '5: 04/01/2027–14/01/2027',
      '6: 18/01/2027–21/01/2027',
      '7: 25/01/2027–28/01/2027',
      '8: 29/01/2027–04/02/2027',
      '9: 15/02/2027–17/02/2027',
      '10: 18/02/2027–26/02/2027',
    ]);
  });

  it('launches without a calendar warning', async () => {
    const launch = await world.as('secretariat', 'POST', `${base()}/launch`);
    expect(launch.status, JSON.stringify(launch.body)).toBe(200);
    expect(launch.body.warnings).toEqual([]);
    expect(launch.body.workflowStarted).toBe(true);
    // The plan as forecast at launch (as if nobody acted): both years from data, every send at
    // 08:00 on a working day of the loaded calendar.
    const forecast = await world.as('secretariat', 'GET', `${base()}/notifications/forecast`);
    expect(forecast.status, JSON.stringify(forecast.body)).toBe(200);
    expect(forecast.body).toMatchObject({ weekdaysOnlyYears: [], warnings: [] });
    const sends = forecast.body.items as { sendAt: string; businessKey: string }[];
    expect(sends.length).toBe(forecast.body.total);
    for (const send of sends) {
      const at = new Date(send.sendAt);
      expect(localTimeOf(at, ZONE), send.businessKey).toBe('08:00');
      expect(loaded.isWorkingDay(localDateOf(at, ZONE)), send.businessKey).toBe(true);
    }
    expect([
      ...new Set(sends.map((s) => localDateOf(new Date(s.sendAt), ZONE).slice(0, 4))),
    ]).toEqual(['2026', '2027']);
  });

  it('runs every step to the end: some act, some do not; the workflow completes', async () => {
    await secretariat('2026-11-20T09:00:00', '/steps/1/close');
    // Step 2 closed late (deadline 30/11): escalated on Tue 01/12.
    await world.at(local('2026-12-02T09:00:00'));
    await secretariat('2026-12-02T09:00:00', '/steps/2/close');
    await unitSubmits('SNV');
    // SCT submits after its escalation (Fri 25/12), within the late intake (to 31/12).
    await world.at(local('2026-12-28T09:00:00'));
    await unitSubmits('SCT');
    // Every agency but STP scores round 1 before its end (Thu 31/12).
    await world.at(local('2026-12-29T09:00:00'));
    const agencies = ['SNV', 'VPUBND', 'STC', 'STTTT', 'SKHCN'];
    for (const agency of agencies) await agencyScores(agency);
    // STP after its escalation (Mon 04/01/2027: 01/01 Tết Dương lịch, 02–03/01 weekend).
    await world.at(local('2027-01-06T09:00:00'));
    expect(await agencyScores('STP')).toBeGreaterThan(0);
    await secretariat('2027-01-06T09:00:00', '/steps/4/close');
    const surveys = await world.as('secretariat', 'POST', `${base()}/survey-scores/import`, {
      scores: fullSurveyScores(UNITS),
    });
    expect(surveys.status, JSON.stringify(surveys.body)).toBe(200);
    // Step 5 past its deadline (Thu 14/01): escalated Fri 15/01, closed Mon 18/01.
    await secretariat('2027-01-18T09:00:00', '/steps/5/close');
    await secretariat('2027-01-27T09:00:00', '/steps/7/close');
    // Step 8 (deadline Thu 04/02) is escalated after Tết, Fri 12/02, then completed.
    await world.at(local('2027-02-12T09:00:00'));
    expect((await world.as('secretariat', 'POST', `${base()}/appraisals/fix`)).status).toBe(200);
    await secretariat('2027-02-12T09:00:00', '/steps/8/close');
    const computed = await world.as('secretariat', 'POST', `${base()}/results/compute`);
    expect(computed.status, JSON.stringify(computed.body)).toBe(200);
    // The council approves the day after its deadline (Wed 17/02), after its escalation.
    await world.at(local('2027-02-18T10:00:00'));
    const approval = await world.as('council', 'POST', `${base()}/council-approval`, {
      note: 'Hội đồng thẩm định thông qua kết quả.',
    });
    expect(approval.status, JSON.stringify(approval.body)).toBe(202);
    await settled(
      () => stepStatus(10),
      (s) => s === 'open',
    );
    await secretariat('2027-02-24T10:00:00', '/chairman-decision', {
      number: '123/QĐ-UBND',
      date: '2027-02-24',
    });
    expect(
      await settled(
        () => stepStatus(11),
        (s) => s === 'open',
      ),
    ).toBe('open');
    await secretariat('2027-02-25T10:00:00', '/steps/11/close');

    const completed = await settled(
      () => world.api.dataSource.getRepository(Campaign).findOneByOrFail({ id: copy.id }),
      (c) => c.status === 'completed',
      30_000,
    );
    expect(completed.status).toBe('completed');
    const result = await world.env.client.workflow.getHandle(completed.workflowId!).result();
    expect(result.steps.map((s: { status: string }) => s.status)).toEqual(Array(11).fill('closed'));
    // A month on, nothing more is planned for the campaign.
    await world.at(local('2027-03-31T09:00:00'));
  }, 240_000);

  it('sent every reminder, escalation and digest once, at 08:00 on a working day of the loaded calendar', async () => {
    const rows = await logRows();
    const planned = rows.filter((row) => PLANNED_KINDS.includes(row.kind));
    // Besides the plan's sends, only the announcement's mails (sent on the Chairman's decision):
    // no mail about a year without data, no report of failed deliveries.
    const others = rows.filter((row) => !PLANNED_KINDS.includes(row.kind));
    expect(others.map((row) => `${row.kind} ${row.status}`)).toEqual(
      UNITS.map(() => 'results sent'),
    );
    expect(planned.length).toBeGreaterThan(20);
    for (const row of planned) {
      const date = localDateOf(row.scheduledFor, ZONE);
      const what = `${row.businessKey} ${formatLocalDateTime(row.scheduledFor, ZONE)}`;
      expect(row.status, what).toBe('sent');
      expect(localTimeOf(row.scheduledFor, ZONE), what).toBe('08:00');
      expect(loaded.isWorkingDay(date), what).toBe(true);
      expect(row.sentAt, what).not.toBeNull();
    }
    const years = new Set(planned.map((row) => localDateOf(row.scheduledFor, ZONE).slice(0, 4)));
    expect([...years].sort()).toEqual(['2026', '2027']);

    // Sent when planned: each row's wave ran at its 08:00 on the workflows' clock.
    const waves = await wavesRun();
    for (const row of planned) {
      const at = row.scheduledFor.getTime();
      const wave = waves.filter((w) => w.after < at && at <= w.upTo);
      const what = `${row.businessKey} ${formatLocalDateTime(row.scheduledFor, ZONE)}`;
      expect(wave, what).toHaveLength(1);
      expect(wave[0]!.upTo, what).toBe(at);
      expect(wave[0]!.scheduledAt - at, what).toBeGreaterThanOrEqual(0);
      expect(wave[0]!.scheduledAt - at, what).toBeLessThan(60_000);
      // Handed to SMTP within that minute of the workflows' clock.
      expect(wave[0]!.completedAt, what).not.toBeNull();
      expect(wave[0]!.completedAt! - at, what).toBeLessThan(60_000);
    }
    // Every wave, also one whose sends were all dropped (their step completed), at 08:00 on a
    // working day.
    for (const wave of waves) {
      const date = localDateOf(new Date(wave.upTo), ZONE);
      expect(localTimeOf(new Date(wave.upTo), ZONE), dmy(date)).toBe('08:00');
      expect(loaded.isWorkingDay(date), dmy(date)).toBe(true);
      expect(localDateOf(new Date(wave.scheduledAt), ZONE), dmy(date)).toBe(date);
    }

    // Each exactly once at the SMTP server: one message per key of the log, no other.
    const all = (await (await fetch(`${inject('mailApiUrl')}/email`)).json()) as MailDevMessage[];
    const keys = all
      .map((m) => m.headers['x-par-business-key'])
      .filter((key): key is string => key?.startsWith(`${copy.id}/`) ?? false);
    expect(keys.length).toBe(new Set(keys).size);
    expect([...keys].sort()).toEqual(rows.map((r) => r.businessKey).sort());

    // The escalations, by hand from the calendar: a day off after a deadline waits for the
    // next working day (01/01/2027; Tết Đinh Mùi 05–11/02/2027).
    const escalations = [
      'escalation',
      'appraisal_escalation',
      'council_escalation',
      'secretariat_escalation',
    ];
    expect(lines(planned, escalations)).toEqual([
      '01/12/2026 08:00 secretariat_escalation secretariat-head step-2',
      '25/12/2026 08:00 escalation unit-head:SCT step-3',
      '25/12/2026 08:00 escalation unit-head:STP step-3',
      '04/01/2027 08:00 appraisal_escalation agency:STP step-4',
      '15/01/2027 08:00 secretariat_escalation secretariat-head step-5',
      '12/02/2027 08:00 secretariat_escalation secretariat-head step-8',
      '18/02/2027 08:00 council_escalation council step-9',
    ]);
    console.info(
      `campaign-2026-into-2027: ${planned.length} planned mails in ${waves.length} waves, ` +
        `${Math.round((Date.now() - startedAt) / 1000)} s, ` +
        `${timeSkippingLocksReleased()} time-skipping locks released`,
    );
  }, 60_000);
});
