/**
 * The campaign rules, the one authority for what a campaign accepts and where it stands: pure
 * functions of PostgreSQL's facts and an instant (src/domain/campaign-rules).
 */
import { describe, expect, it } from 'vitest';
import {
  closedGates,
  currentStepOf,
  effectiveDeadline,
  explanationWindowAt,
  type GateFacts,
  nextStepChange,
  nextUnitChangeAt,
  selfAssessmentWindowAt,
  type StepFacts,
  statusesBefore,
  stepViewsAt,
  takesDrafts,
  UNIT_STATUS_MOVES,
  type UnitFacts,
  unitStatusAt,
} from '../../src/domain/campaign-rules/index.js';
import { UNIT_STATUSES } from '../../src/domain/words.js';

/** Local time in the plan's zone (UTC+7), as epoch ms. */
const t = (stamp: string) => Date.parse(`${stamp}+07:00`);
const endOf = (day: string) => t(`${day}T23:59:59`);
const startOf = (day: string) => t(`${day}T00:00:00`);

describe('effectiveDeadline', () => {
  const planned = endOf('2021-12-24');
  it('is the plan’s deadline as amended', () => {
    expect(effectiveDeadline({ planned })).toEqual({
      instant: planned,
      extended: false,
      closedEarly: false,
    });
    expect(effectiveDeadline({ planned: null })).toEqual({
      instant: null,
      extended: false,
      closedEarly: false,
    });
  });
  it('takes a later extension, never an earlier one', () => {
    expect(effectiveDeadline({ planned, extension: endOf('2021-12-28') })).toMatchObject({
      instant: endOf('2021-12-28'),
      extended: true,
    });
    expect(effectiveDeadline({ planned, extension: endOf('2021-12-20') })).toMatchObject({
      instant: planned,
      extended: false,
    });
  });
  it('is cut short by an early close, extension or not', () => {
    const closed = t('2021-12-20T10:00:00');
    expect(
      effectiveDeadline({ planned, extension: endOf('2021-12-28'), closedEarlyAt: closed }),
    ).toEqual({ instant: closed, extended: false, closedEarly: true });
    // A close after the deadline that counts changes nothing.
    expect(effectiveDeadline({ planned, closedEarlyAt: planned + 1 }).instant).toBe(planned);
  });
});

/** The 2021 plan's shape: self-assessment, round 1, an owned step, one after the announcement. */
const plan = (): StepFacts[] => [
  {
    number: 1,
    kind: 'setup',
    actor: 'secretariat',
    opensAt: startOf('2021-11-01'),
    deadline: endOf('2021-11-30'),
  },
  {
    number: 3,
    kind: 'self_assessment',
    actor: 'units',
    opensAt: startOf('2021-12-01'),
    deadline: endOf('2021-12-24'),
  },
  {
    number: 4,
    kind: 'appraisal_round_1',
    actor: 'secretariat',
    opensAt: startOf('2021-12-27'),
    deadline: endOf('2021-12-31'),
  },
  {
    number: 10,
    kind: 'announcement',
    actor: 'secretariat',
    opensAt: startOf('2022-02-18'),
    deadline: endOf('2022-02-28'),
  },
  {
    number: 11,
    kind: 'commendation',
    actor: 'secretariat',
    opensAt: null,
    deadline: null,
    startsAfterStep: 10,
  },
];
const launched = t('2021-11-18T09:00:00');
const view = (steps: StepFacts[], at: number, n: number) =>
  stepViewsAt(steps, launched, at).find((v) => v.number === n)!;

describe('stepViewsAt', () => {
  it('keeps every step pending before the launch', () => {
    expect(stepViewsAt(plan(), null, t('2021-12-10T09:00:00')).map((v) => v.status)).toEqual(
      Array(5).fill('pending'),
    );
  });

  it('opens a step at its window, never before the launch', () => {
    expect(view(plan(), t('2021-11-20T09:00:00'), 1)).toMatchObject({
      status: 'open',
      openedAt: launched, // its window opened on 01/11, the launch came later
    });
    expect(view(plan(), t('2021-11-30T09:00:00'), 3).status).toBe('pending');
    expect(view(plan(), startOf('2021-12-01'), 3)).toMatchObject({
      status: 'open',
      openedAt: startOf('2021-12-01'),
    });
  });

  it('closes a units’ step at its deadline; an owned step stays open and turns overdue', () => {
    expect(view(plan(), endOf('2021-12-24'), 3).status).toBe('open'); // on the deadline: open
    expect(view(plan(), endOf('2021-12-24') + 1, 3)).toMatchObject({
      status: 'closed',
      closedAt: endOf('2021-12-24'),
      closedBy: 'deadline',
    });
    expect(view(plan(), t('2021-12-15T09:00:00'), 1)).toMatchObject({
      status: 'open',
      overdue: true,
    });
    expect(view(plan(), t('2021-11-29T09:00:00'), 1).overdue).toBe(false);
  });

  it('takes the secretariat’s early opening, early close and completion', () => {
    const steps = plan();
    steps[1]!.openedEarlyAt = t('2021-11-25T08:00:00');
    expect(view(steps, t('2021-11-26T09:00:00'), 3)).toMatchObject({
      status: 'open',
      openedAt: t('2021-11-25T08:00:00'),
    });
    steps[1]!.completedAt = t('2021-12-20T10:00:00');
    steps[1]!.completedBy = 'secretariat';
    expect(view(steps, t('2021-12-21T09:00:00'), 3)).toMatchObject({
      status: 'closed',
      closedAt: t('2021-12-20T10:00:00'),
      closedBy: 'secretariat',
    });
    // Completed late, an owned step stays marked overdue.
    steps[0]!.completedAt = t('2021-12-02T10:00:00');
    steps[0]!.completedBy = 'secretariat';
    expect(view(steps, t('2021-12-05T09:00:00'), 1)).toMatchObject({
      status: 'closed',
      closedBy: 'secretariat',
      overdue: true,
    });
  });

  it('opens a step that starts after another once that one closes', () => {
    const steps = plan();
    expect(view(steps, t('2022-03-10T09:00:00'), 11).status).toBe('pending');
    steps[3]!.completedAt = t('2022-02-28T15:00:00');
    steps[3]!.completedBy = 'chairman';
    expect(view(steps, t('2022-02-28T15:00:00'), 11)).toMatchObject({
      status: 'open',
      openedAt: t('2022-02-28T15:00:00'),
    });
    expect(view(steps, t('2022-02-28T15:00:00'), 10)).toMatchObject({
      status: 'closed',
      closedBy: 'chairman',
    });
  });

  it('closes at once a units’ step whose deadline is past when it opens', () => {
    const late = t('2022-01-05T09:00:00');
    expect(stepViewsAt(plan(), late, late)[1]).toMatchObject({
      status: 'closed',
      openedAt: late,
      closedAt: late,
      closedBy: 'deadline',
    });
    expect(stepViewsAt(plan(), late, late)[0]).toMatchObject({ status: 'open', overdue: true });
  });

  it('names the current step: the highest open, else the highest closed', () => {
    expect(currentStepOf(stepViewsAt(plan(), launched, t('2021-12-10T09:00:00')))).toBe(3);
    expect(currentStepOf(stepViewsAt(plan(), null, t('2021-12-10T09:00:00')))).toBeNull();
  });

  it('says when and how the next step changes', () => {
    // A deadline is the window's last instant: the step is closed from the next millisecond.
    expect(nextStepChange(plan(), launched, t('2021-12-10T09:00:00'))).toEqual({
      at: endOf('2021-12-24') + 1,
      step: 3,
      what: 'closes',
    });
    expect(nextStepChange(plan(), launched, endOf('2021-12-24') + 1)).toEqual({
      at: startOf('2021-12-27'),
      step: 4,
      what: 'opens',
    });
    expect(nextStepChange(plan(), launched, t('2021-12-29T09:00:00'))).toEqual({
      at: endOf('2021-12-31') + 1,
      step: 4,
      what: 'overdue',
    });
  });
});

const unit = (overrides: Partial<UnitFacts> = {}): UnitFacts => ({
  latePolicy: 'accept',
  selfAssessment: {
    stepNumber: 3,
    opensAt: startOf('2021-12-01'),
    deadline: endOf('2021-12-24'),
  },
  roundOne: { stepNumber: 4, deadline: endOf('2021-12-31') },
  explanation: { stepNumber: 6, opensAt: startOf('2022-01-17'), deadline: endOf('2022-01-21') },
  submission: null,
  explanationRequestedAt: null,
  explanationAnsweredAt: null,
  publishedAt: null,
  ...overrides,
});

describe('selfAssessmentWindowAt', () => {
  it('is not open before its window, and takes drafts then', () => {
    const window = selfAssessmentWindowAt(unit(), t('2021-11-20T09:00:00'))!;
    expect(window).toMatchObject({ phase: 'not_open', opensAt: startOf('2021-12-01') });
    expect(takesDrafts(window)).toBe(true);
  });

  it('opens early when the secretariat opened the step', () => {
    const facts = unit();
    facts.selfAssessment!.openedEarlyAt = t('2021-11-25T08:00:00');
    expect(selfAssessmentWindowAt(facts, t('2021-11-26T09:00:00'))!.phase).toBe('on_time');
  });

  it('is on time until the deadline that counts, extension included', () => {
    expect(selfAssessmentWindowAt(unit(), endOf('2021-12-24'))!.phase).toBe('on_time');
    const facts = unit();
    facts.selfAssessment!.extension = endOf('2021-12-28');
    expect(selfAssessmentWindowAt(facts, t('2021-12-27T09:00:00'))).toMatchObject({
      phase: 'on_time',
      deadline: { instant: endOf('2021-12-28'), extended: true },
    });
  });

  it('takes late submissions until round 1 ends under "accept", none under "refuse"', () => {
    expect(selfAssessmentWindowAt(unit(), t('2021-12-26T09:00:00'))).toMatchObject({
      phase: 'late',
      acceptedUntil: endOf('2021-12-31'),
    });
    expect(selfAssessmentWindowAt(unit(), t('2022-01-02T09:00:00'))).toMatchObject({
      phase: 'closed',
      reason: 'round_one_ended',
      since: endOf('2021-12-31'),
    });
    const refusing = selfAssessmentWindowAt(
      unit({ latePolicy: 'refuse' }),
      t('2021-12-26T09:00:00'),
    )!;
    expect(refusing).toMatchObject({ phase: 'closed', reason: 'refuses_late' });
    expect(takesDrafts(refusing)).toBe(false);
  });

  it('ends late intake when round 1 is completed early, and with an early close of step 3', () => {
    const facts = unit({
      roundOne: {
        stepNumber: 4,
        deadline: endOf('2021-12-31'),
        completedAt: t('2021-12-30T16:00:00'),
      },
    });
    expect(selfAssessmentWindowAt(facts, t('2021-12-31T09:00:00'))).toMatchObject({
      phase: 'closed',
      reason: 'round_one_ended',
    });
    const closed = unit();
    closed.selfAssessment!.closedEarlyAt = t('2021-12-20T10:00:00');
    expect(selfAssessmentWindowAt(closed, t('2021-12-21T09:00:00'))).toMatchObject({
      phase: 'late',
      deadline: { instant: t('2021-12-20T10:00:00'), closedEarly: true },
    });
  });

  it('closes for good once the results are published', () => {
    const facts = unit({ publishedAt: t('2022-02-28T15:00:00') });
    expect(selfAssessmentWindowAt(facts, t('2022-03-01T09:00:00'))).toMatchObject({
      phase: 'closed',
      reason: 'results_published',
    });
  });

  it('is null without a self-assessment step', () => {
    expect(
      selfAssessmentWindowAt(unit({ selfAssessment: null }), t('2021-12-10T09:00:00')),
    ).toBeNull();
  });
});

describe('explanationWindowAt', () => {
  it('runs from the request until the deadline that counts', () => {
    expect(explanationWindowAt(unit(), t('2022-01-10T09:00:00')).phase).toBe('not_requested');
    const asked = unit({ explanationRequestedAt: t('2022-01-10T09:00:00') });
    expect(explanationWindowAt(asked, t('2022-01-20T09:00:00')).phase).toBe('open');
    expect(explanationWindowAt(asked, endOf('2022-01-21') + 1)).toMatchObject({
      phase: 'closed',
      reason: 'deadline_passed',
    });
    asked.explanation!.extension = endOf('2022-01-25');
    expect(explanationWindowAt(asked, t('2022-01-24T09:00:00')).phase).toBe('open');
  });
});

describe('unitStatusAt', () => {
  it('follows the unit through the campaign', () => {
    expect(unitStatusAt(unit(), t('2021-12-10T09:00:00'))).toBe('registered');
    expect(unitStatusAt(unit(), endOf('2021-12-24') + 1)).toBe('missing');
    const submitted = unit({ submission: { submittedAt: t('2021-12-20T09:00:00'), late: false } });
    expect(unitStatusAt(submitted, t('2022-01-05T09:00:00'))).toBe('submitted');
    // Lateness is what the API decided at the submission, whatever moved since.
    expect(
      unitStatusAt(
        unit({ submission: { submittedAt: t('2021-12-26T09:00:00'), late: true } }),
        t('2022-01-05T09:00:00'),
      ),
    ).toBe('late');
    const asked = { ...submitted, explanationRequestedAt: t('2022-01-10T09:00:00') };
    expect(unitStatusAt(asked, t('2022-01-12T09:00:00'))).toBe('explanation_requested');
    expect(unitStatusAt(asked, endOf('2022-01-21') + 1)).toBe('explanation_missing');
    const answered = { ...asked, explanationAnsweredAt: t('2022-01-20T09:00:00') };
    expect(unitStatusAt(answered, t('2022-01-25T09:00:00'))).toBe('explained');
    // Asked again after the answer.
    expect(
      unitStatusAt(
        { ...answered, explanationRequestedAt: t('2022-01-21T09:00:00') },
        t('2022-01-21T10:00:00'),
      ),
    ).toBe('explanation_requested');
    expect(
      unitStatusAt(
        { ...answered, publishedAt: t('2022-02-28T15:00:00') },
        t('2022-03-01T00:00:00'),
      ),
    ).toBe('completed');
  });

  it('says when time alone changes the status next', () => {
    expect(nextUnitChangeAt(unit(), t('2021-12-10T09:00:00'))).toBe(endOf('2021-12-24') + 1);
    expect(nextUnitChangeAt(unit(), endOf('2021-12-24') + 1)).toBeNull(); // missing: it waits
    const asked = unit({
      submission: { submittedAt: t('2021-12-20T09:00:00'), late: false },
      explanationRequestedAt: t('2022-01-10T09:00:00'),
    });
    expect(nextUnitChangeAt(asked, t('2022-01-12T09:00:00'))).toBe(endOf('2022-01-21') + 1);
  });
});

describe('unit status moves', () => {
  it('never goes back: each status may replace only the ones before it', () => {
    expect(statusesBefore('missing').sort()).toEqual(['missing', 'registered']);
    expect(statusesBefore('late').sort()).toEqual(['late', 'missing', 'registered']);
    // 'completed' takes every status; nothing takes 'completed'.
    expect(statusesBefore('completed').sort()).toEqual([...UNIT_STATUSES].sort());
    for (const to of UNIT_STATUSES) {
      if (to !== 'completed') expect(statusesBefore(to)).not.toContain('completed');
    }
    // Submitted and late do not replace each other: the first submission decided.
    expect(UNIT_STATUS_MOVES.submitted).not.toContain('late');
    expect(UNIT_STATUS_MOVES.late).not.toContain('submitted');
  });
});

describe('gates between steps', () => {
  const facts = (overrides: Partial<GateFacts> = {}): GateFacts => ({
    scoresFixed: false,
    resultsComputed: false,
    councilApproved: false,
    resultsPublished: false,
    hasCouncilStep: true,
    ...overrides,
  });
  const needs = (
    kind: Parameters<typeof closedGates>[0],
    act: Parameters<typeof closedGates>[1],
    f: GateFacts,
  ) => closedGates(kind, act, f).map((gate) => [gate.needs, gate.overridable]);

  it('keeps the council’s approval, the publication and the announcement in the plan’s order', () => {
    expect(needs('council_approval', 'council_approval', facts())).toEqual([
      ['results_computed', false],
    ]);
    expect(needs('council_approval', 'council_approval', facts({ resultsComputed: true }))).toEqual(
      [],
    );
    expect(needs('council_approval', 'close', facts())).toEqual([['council_approved', false]]);
    expect(needs('announcement', 'chairman_decision', facts())).toEqual([
      ['council_approved', false],
    ]);
    expect(needs('announcement', 'chairman_decision', facts({ hasCouncilStep: false }))).toEqual(
      [],
    );
    expect(needs('announcement', 'close', facts({ councilApproved: true }))).toEqual([
      ['results_published', false],
    ]);
    expect(needs('aggregation_round_2', 'close', facts())).toEqual([['scores_fixed', true]]);
    expect(needs('self_assessment', 'close', facts())).toEqual([]);
  });
});
