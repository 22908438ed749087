/**
 * Planning reminders, escalations and digests for a campaign's windows. Pure: no I/O, no clock
 * (the caller drops sends already in the past), no dependence on the process's time zone.
 *
 * Rules:
 * - Every send is at the policy's sendTime (08:00) local time on a working day of the calendar.
 * - A reminder before a deadline lands on the n-th working day before the deadline's day (or n
 *   calendar days before, moved back to the previous working day when that is a day off). It is
 *   never at or after the deadline (it then moves to the previous working day), and never before
 *   the window opens (it is then dropped: the unit cannot act yet).
 * - "Right after" an instant means the first working day whose sendTime is after it: a deadline at
 *   23:59:59 on Friday 24/12/2021 is followed by Monday 27/12/2021 08:00. The escalation and the
 *   window-closed digest go out then.
 * - Overdue reminders repeat every N working days counted from the escalation's day, while their
 *   send time is before `overdueUntil` (end of late intake or of an extension).
 */
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { addCalendarDays } from '../calendar/local-date.js';
import { formatLocalDateTime } from '../local-time.js';
import { assertTimeZone, atLocalTime, localDateOf, toInstant } from './local-clock.js';
import type {
  ActorEscalationKind,
  DigestSendKind,
  PlannedSend,
  SendAudience,
  SendKind,
  StepSendKind,
  UnitSendKind,
} from './planned-send.js';
import { sortPlannedSends } from './planned-send.js';
import {
  resolveReminderPolicy,
  type ReminderPolicy,
  type ReminderPolicyInput,
} from './reminder-policy.js';
import type { LatePolicy } from '../words.js';

/** A window as the unit workflows know it (UnitWindow fits): instants as ISO strings or Dates. */
export interface ReminderWindow {
  stepNumber: number;
  opensAt?: string | Date | null;
  deadline: string | Date;
}

interface PlanContext {
  timeZone: string;
  calendar: BusinessCalendar;
  /** A full policy, or fields to change in the default one. */
  policy?: ReminderPolicyInput;
}

export interface PlanUnitRemindersInput extends PlanContext {
  window: ReminderWindow;
  /**
   * Until when a late submission is still taken (late intake, e.g. the end of appraisal round 1,
   * or an extension's end). Overdue reminders are planned before it; none when null or absent.
   */
  overdueUntil?: string | Date | null;
}

interface Resolved {
  timeZone: string;
  calendar: BusinessCalendar;
  policy: ReminderPolicy;
}

function resolve(input: PlanContext): Resolved {
  assertTimeZone(input.timeZone);
  return {
    timeZone: input.timeZone,
    calendar: input.calendar,
    policy: resolveReminderPolicy(input.policy),
  };
}

function makeSend<K extends SendKind>(
  ctx: Resolved,
  fields: {
    kind: K;
    audience: SendAudience;
    stepNumber: number;
    deadline: Date;
    localDate: string;
    key: string;
    daysBefore?: number;
    anchor?: 'deadline' | 'opening';
    repeat?: number;
    movedFrom?: string;
    /** Escalations of the other actors copy the head of the secretariat too. */
    copySecretariat?: boolean;
  },
): PlannedSend<K> {
  const sendAt = atLocalTime(fields.localDate, ctx.policy.sendTime, ctx.timeZone);
  const { deadline, copySecretariat, ...rest } = fields;
  return {
    ...rest,
    copySecretariat: copySecretariat ?? fields.audience === 'unit_head',
    deadline: deadline.toISOString(),
    sendAt: sendAt.toISOString(),
    localTime: ctx.policy.sendTime,
    localDateTime: formatLocalDateTime(sendAt, ctx.timeZone),
  };
}

/** The first working day whose send time is after `instant`. */
function firstSendDayAfter(ctx: Resolved, instant: Date): string {
  let date = ctx.calendar.nextWorkingDayOnOrAfter(localDateOf(instant, ctx.timeZone));
  if (atLocalTime(date, ctx.policy.sendTime, ctx.timeZone) <= instant) {
    date = ctx.calendar.nextWorkingDayAfter(date);
  }
  return date;
}

/** The first working day whose send time is at or after `instant`. */
function firstSendDayFrom(ctx: Resolved, instant: Date): string {
  let date = ctx.calendar.nextWorkingDayOnOrAfter(localDateOf(instant, ctx.timeZone));
  if (atLocalTime(date, ctx.policy.sendTime, ctx.timeZone) < instant) {
    date = ctx.calendar.nextWorkingDayAfter(date);
  }
  return date;
}

interface BeforeOptions {
  anchorDate: string;
  days: readonly number[];
  countIn: ReminderPolicy['countDaysIn'];
  /** No send at or after this instant. */
  notAtOrAfter: Date;
  /** No send before this instant (dropped), when given. */
  notBefore: Date | null;
}

/** Days before an anchor day, each on a working day; ordered and without repeated days. */
function daysBefore(
  ctx: Resolved,
  options: BeforeOptions,
): { days: number; localDate: string; movedFrom?: string }[] {
  const out: { days: number; localDate: string; movedFrom?: string }[] = [];
  const used = new Set<string>();
  for (const days of [...options.days].sort((a, b) => b - a)) {
    const first =
      options.countIn === 'working_days'
        ? ctx.calendar.subtractWorkingDays(options.anchorDate, days)
        : addCalendarDays(options.anchorDate, -days);
    let date = ctx.calendar.previousWorkingDayOnOrBefore(first);
    if (atLocalTime(date, ctx.policy.sendTime, ctx.timeZone) >= options.notAtOrAfter) {
      date = ctx.calendar.previousWorkingDayBefore(date);
    }
    const at = atLocalTime(date, ctx.policy.sendTime, ctx.timeZone);
    if (options.notBefore && at < options.notBefore) continue;
    if (used.has(date)) continue;
    used.add(date);
    out.push({ days, localDate: date, ...(date !== first && { movedFrom: first }) });
  }
  return out;
}

const dayTag = (policy: ReminderPolicy, days: number): string =>
  `${policy.countDaysIn === 'working_days' ? 'wd' : 'cd'}-${days}`;

/** Guard against a runaway loop (a repeat every day for years). */
const MAX_REPEATS = 500;

/**
 * Reminders, the escalation and overdue reminders for one unit-facing window (self-assessment,
 * explanation, or a unit's extension of one), as if the unit never acts: the workflow skips what
 * no longer applies when the time comes (the unit has submitted).
 */
export function planUnitReminders(input: PlanUnitRemindersInput): PlannedSend<UnitSendKind>[] {
  const ctx = resolve(input);
  const { policy } = ctx;
  const { stepNumber } = input.window;
  const deadline = toInstant(input.window.deadline, 'deadline');
  const opensAt = input.window.opensAt ? toInstant(input.window.opensAt, 'opensAt') : null;
  const deadlineKey = deadline.toISOString();
  const sends: PlannedSend<UnitSendKind>[] = [];

  for (const reminder of daysBefore(ctx, {
    anchorDate: localDateOf(deadline, ctx.timeZone),
    days: policy.daysBeforeDeadline,
    countIn: policy.countDaysIn,
    notAtOrAfter: deadline,
    notBefore: opensAt,
  })) {
    sends.push(
      makeSend(ctx, {
        kind: 'reminder',
        audience: 'unit',
        stepNumber,
        deadline,
        localDate: reminder.localDate,
        daysBefore: reminder.days,
        anchor: 'deadline',
        ...(reminder.movedFrom !== undefined && { movedFrom: reminder.movedFrom }),
        key: `step-${stepNumber}/reminder/${dayTag(policy, reminder.days)}/${deadlineKey}`,
      }),
    );
  }

  const escalationDay = firstSendDayAfter(ctx, deadline);
  if (policy.escalateAtMissedDeadline) {
    sends.push(
      makeSend(ctx, {
        kind: 'escalation',
        audience: 'unit_head',
        stepNumber,
        deadline,
        localDate: escalationDay,
        key: `step-${stepNumber}/escalation/${deadlineKey}`,
      }),
    );
  }

  const until = input.overdueUntil ? toInstant(input.overdueUntil, 'overdueUntil') : null;
  const every = policy.overdueRepeatEveryWorkingDays;
  if (until && every > 0) {
    let date = escalationDay;
    for (let repeat = 1; repeat <= MAX_REPEATS; repeat++) {
      date = ctx.calendar.addWorkingDays(date, every);
      if (atLocalTime(date, policy.sendTime, ctx.timeZone) >= until) break;
      sends.push(
        makeSend(ctx, {
          kind: 'overdue_reminder',
          audience: 'unit',
          stepNumber,
          deadline,
          localDate: date,
          repeat,
          key: `step-${stepNumber}/overdue_reminder/n-${repeat}/${deadlineKey}`,
        }),
      );
    }
  }
  return sortPlannedSends(sends);
}

/**
 * To each unit's focal point when a unit-facing window opens: on the first working day whose send
 * time is at or after the opening, while the window is still open. A window without an opening
 * (it opens at the launch or after another step) gets none: its opening is not in the plan.
 */
export function planWindowOpened(input: PlanDigestsInput): PlannedSend<UnitSendKind>[] {
  const ctx = resolve(input);
  const { stepNumber } = input.window;
  const deadline = toInstant(input.window.deadline, 'deadline');
  const opensAt = input.window.opensAt ? toInstant(input.window.opensAt, 'opensAt') : null;
  if (!opensAt || !ctx.policy.unitWindowOpened) return [];
  const localDate = firstSendDayFrom(ctx, opensAt);
  if (atLocalTime(localDate, ctx.policy.sendTime, ctx.timeZone) >= deadline) return [];
  return [
    makeSend(ctx, {
      kind: 'window_opened',
      audience: 'unit',
      stepNumber,
      deadline,
      localDate,
      anchor: 'opening',
      key: `step-${stepNumber}/window_opened/${opensAt.toISOString()}`,
    }),
  ];
}

/**
 * The escalation of an actor other than the units at its step's missed deadline: right after it
 * (the first working day's send time after the deadline), the head of the secretariat in copy.
 * Whether it still goes is decided at send time (still-due.ts): not when the actor finished.
 */
export function planActorEscalation(
  input: PlanStepRemindersInput & { kind: ActorEscalationKind },
): PlannedSend<ActorEscalationKind>[] {
  const ctx = resolve(input);
  if (!ctx.policy.escalateAtMissedDeadline) return [];
  const deadline = toInstant(input.step.deadline, 'deadline');
  const audience: SendAudience =
    input.kind === 'appraisal_escalation'
      ? 'appraisers'
      : input.kind === 'council_escalation'
        ? 'council'
        : 'secretariat_head';
  return [
    makeSend(ctx, {
      kind: input.kind,
      audience,
      stepNumber: input.step.stepNumber,
      deadline,
      localDate: firstSendDayAfter(ctx, deadline),
      copySecretariat: audience !== 'secretariat_head',
      key: `step-${input.step.stepNumber}/${input.kind}/${deadline.toISOString()}`,
    }),
  ];
}

export interface PlanDigestsInput extends PlanContext {
  window: ReminderWindow;
}

/**
 * Digests to the secretariat for one unit-facing window: when it opens (the first working day's
 * send time at or after the opening) and when it closes (right after the deadline).
 */
export function planSecretariatDigests(input: PlanDigestsInput): PlannedSend<DigestSendKind>[] {
  const ctx = resolve(input);
  const { stepNumber } = input.window;
  const deadline = toInstant(input.window.deadline, 'deadline');
  const opensAt = input.window.opensAt ? toInstant(input.window.opensAt, 'opensAt') : null;
  const sends: PlannedSend<DigestSendKind>[] = [];
  if (opensAt && ctx.policy.secretariatDigests.windowOpened) {
    const localDate = firstSendDayFrom(ctx, opensAt);
    if (atLocalTime(localDate, ctx.policy.sendTime, ctx.timeZone) < deadline) {
      sends.push(
        makeSend(ctx, {
          kind: 'digest_window_opened',
          audience: 'secretariat',
          stepNumber,
          deadline,
          localDate,
          key: `step-${stepNumber}/digest_window_opened/${opensAt.toISOString()}`,
        }),
      );
    }
  }
  if (ctx.policy.secretariatDigests.windowClosed) {
    sends.push(
      makeSend(ctx, {
        kind: 'digest_window_closed',
        audience: 'secretariat',
        stepNumber,
        deadline,
        localDate: firstSendDayAfter(ctx, deadline),
        key: `step-${stepNumber}/digest_window_closed/${deadline.toISOString()}`,
      }),
    );
  }
  return sends;
}

export interface PlanStepRemindersInput extends PlanContext {
  /** The appraisal round's or the council meeting's step window. */
  step: ReminderWindow;
}

function stepReminders(
  ctx: Resolved,
  step: ReminderWindow,
  kind: StepSendKind,
  audience: SendAudience,
  beforeOpening: readonly number[],
  beforeDeadline: readonly number[],
): PlannedSend<StepSendKind>[] {
  const deadline = toInstant(step.deadline, 'deadline');
  const opensAt = step.opensAt ? toInstant(step.opensAt, 'opensAt') : null;
  const sends: PlannedSend<StepSendKind>[] = [];
  const used = new Set<string>();
  const anchors: { anchor: 'opening' | 'deadline'; at: Date; days: readonly number[] }[] = [];
  if (opensAt) anchors.push({ anchor: 'opening', at: opensAt, days: beforeOpening });
  anchors.push({ anchor: 'deadline', at: deadline, days: beforeDeadline });
  for (const { anchor, at, days } of anchors) {
    for (const reminder of daysBefore(ctx, {
      anchorDate: localDateOf(at, ctx.timeZone),
      days,
      countIn: 'working_days',
      notAtOrAfter: deadline,
      // Reminders of the deadline come once the step is open; those of the opening come before.
      notBefore: anchor === 'deadline' ? opensAt : null,
    })) {
      if (used.has(reminder.localDate)) continue;
      used.add(reminder.localDate);
      const tag = `${anchor === 'opening' ? 'opening-' : ''}wd-${reminder.days}`;
      sends.push(
        makeSend(ctx, {
          kind,
          audience,
          stepNumber: step.stepNumber,
          deadline,
          localDate: reminder.localDate,
          daysBefore: reminder.days,
          anchor,
          ...(reminder.movedFrom !== undefined && { movedFrom: reminder.movedFrom }),
          key: `step-${step.stepNumber}/${kind}/${tag}/${at.toISOString()}`,
        }),
      );
    }
  }
  return sortPlannedSends(sends);
}

/**
 * Reminders to the appraising agencies of a round: working days before it opens (default 1) and
 * before its deadline (default 3 and 1, only once it is open).
 */
export function planAppraisalReminders(input: PlanStepRemindersInput): PlannedSend<StepSendKind>[] {
  const ctx = resolve(input);
  return stepReminders(
    ctx,
    input.step,
    'appraisal_reminder',
    'appraisers',
    ctx.policy.appraisalDaysBeforeOpening,
    ctx.policy.appraisalDaysBeforeDeadline,
  );
}

/**
 * Reminders to the council before its meeting: working days before the step opens (default 3 and
 * 1); a step without an opening counts back from its deadline.
 */
export function planCouncilReminders(input: PlanStepRemindersInput): PlannedSend<StepSendKind>[] {
  const ctx = resolve(input);
  const { opensAt } = input.step;
  return opensAt
    ? stepReminders(
        ctx,
        input.step,
        'council_reminder',
        'council',
        ctx.policy.councilDaysBeforeMeeting,
        [],
      )
    : stepReminders(
        ctx,
        input.step,
        'council_reminder',
        'council',
        [],
        ctx.policy.councilDaysBeforeMeeting,
      );
}

/** A plan step as the campaign workflow holds it (StepPlanEntry fits). */
export interface ReminderPlanStep {
  number: number;
  kind?: string;
  /** Who acts in it (StepActor); the secretariat's own steps are escalated to its head. */
  actor?: string;
  opensAt: string | null;
  deadline: string | null;
}

export interface PlanCampaignSendsInput extends PlanContext {
  steps: readonly ReminderPlanStep[];
  /** The campaign's late policy: 'accept' keeps self-assessments open until round 1 ends. */
  latePolicy: LatePolicy;
  /**
   * Per step number: until when overdue reminders run. Default: for the self-assessment step under
   * 'accept', the first appraisal round's deadline (when late intake ends); otherwise none.
   */
  overdueUntil?: Readonly<Record<number, string | Date | null>>;
}

const UNIT_FACING = new Set(['self_assessment', 'explanation']);
const APPRAISAL = new Set(['appraisal_round_1', 'appraisal_round_2']);
/** Steps whose actor has an escalation of its own (the agencies, the council), not the secretariat's. */
const OWN_ESCALATION = new Set([...UNIT_FACING, ...APPRAISAL, 'council_approval']);

/**
 * Everything the plan would send, as the same unit would receive it if it never acted, plus the
 * digests, the appraisers' and council's reminders, and every actor's escalation as if none
 * finished in time: the forecast. Ordered by time, then key.
 */
export function planCampaignSends(input: PlanCampaignSendsInput): PlannedSend[] {
  const roundOne = input.steps.find((step) => step.kind === 'appraisal_round_1');
  const sends: PlannedSend[] = [];
  for (const step of input.steps) {
    if (!step.deadline || !step.kind) continue;
    const window: ReminderWindow = {
      stepNumber: step.number,
      opensAt: step.opensAt,
      deadline: step.deadline,
    };
    const context = { timeZone: input.timeZone, calendar: input.calendar, policy: input.policy };
    if (UNIT_FACING.has(step.kind)) {
      let overdueUntil = input.overdueUntil?.[step.number];
      if (overdueUntil === undefined) {
        overdueUntil =
          step.kind === 'self_assessment' && input.latePolicy === 'accept'
            ? (roundOne?.deadline ?? null)
            : null;
      }
      sends.push(...planUnitReminders({ ...context, window, overdueUntil }));
      sends.push(...planWindowOpened({ ...context, window }));
      sends.push(...planSecretariatDigests({ ...context, window }));
    } else if (APPRAISAL.has(step.kind)) {
      sends.push(...planAppraisalReminders({ ...context, step: window }));
      sends.push(
        ...planActorEscalation({ ...context, step: window, kind: 'appraisal_escalation' }),
      );
    } else if (step.kind === 'council_approval') {
      sends.push(...planCouncilReminders({ ...context, step: window }));
      sends.push(...planActorEscalation({ ...context, step: window, kind: 'council_escalation' }));
    }
    if (step.actor === 'secretariat' && !OWN_ESCALATION.has(step.kind)) {
      sends.push(
        ...planActorEscalation({ ...context, step: window, kind: 'secretariat_escalation' }),
      );
    }
  }
  return sortPlannedSends(sends);
}
