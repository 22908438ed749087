/**
 * What an amending decision (quyết định sửa đổi, bổ sung kế hoạch) may change in a launched
 * campaign, and when: a unit joins or leaves, a step is added, a pending step's opening moves.
 * The API refuses with these rules before it records anything, and the campaign and unit
 * workflows apply an amendment only when the same rules allow it at the instant they receive it,
 * so the two never disagree. Pure; instants are epoch milliseconds.
 *
 * - Units join or leave until the results are published (the announcement step closes, or every
 *   step is closed in a plan without one): after that the ranking stands. A unit joins once and
 *   leaves once (the caller checks the participations PostgreSQL holds).
 * - A step is added at the end of the plan (the next number), of a kind the units' workflows do
 *   not act on (they started with their windows) and that the plan does not have yet ('other'
 *   any number of times); it opens no earlier than now and closes after it opens.
 * - An opening moves only while the step is pending, to an instant after now and before the
 *   step's deadline.
 */
import { formatLocalDateTime } from '../local-time.js';
import type { StepActor, StepKind } from '../words.js';
import { type StepFacts, closesAtDeadline, stepViewsAt } from './steps.js';

export const PLAN_AMENDMENT_KINDS = [
  'unit_joins',
  'unit_leaves',
  'step_added',
  'opening_moved',
] as const;
export type PlanAmendmentKind = (typeof PLAN_AMENDMENT_KINDS)[number];

/** Steps the unit workflows hold in their own timeline: they cannot be added after launch. */
const UNIT_WINDOW_KINDS = new Set<StepKind>([
  'self_assessment',
  'explanation',
  'appraisal_round_1',
]);

/** Why an amendment is refused: 409 for the campaign's or step's state, 422 for the dates. */
export interface AmendmentRefusal {
  status: 409 | 422;
  message: string;
}

export interface AmendmentFacts {
  steps: readonly StepFacts[];
  launchedAt: number | null;
  now: number;
  timeZone: string;
}

const refuse = (status: 409 | 422, message: string): AmendmentRefusal => ({ status, message });

/** Whether the results are published: the announcement closed (or every step, without one). */
export function resultsStand(facts: AmendmentFacts): boolean {
  const views = stepViewsAt(facts.steps, facts.launchedAt, facts.now);
  const announcement = facts.steps.findIndex((s) => s.kind === 'announcement');
  if (announcement >= 0) return views[announcement]!.status === 'closed';
  return views.every((v) => v.status === 'closed');
}

/** A unit joining or leaving: refused once the results are published. */
export function unitChangeRefusal(
  facts: AmendmentFacts,
  kind: 'unit_joins' | 'unit_leaves',
): AmendmentRefusal | null {
  if (!resultsStand(facts)) return null;
  const what = kind === 'unit_joins' ? 'bổ sung đơn vị vào' : 'rút đơn vị khỏi';
  return refuse(
    409,
    `Không thể ${what} chiến dịch: kết quả đã được công bố (bước công bố kết quả đã đóng), danh sách đơn vị được xếp hạng không còn thay đổi.`,
  );
}

/** The step an amendment adds, as the plan holds it. */
export interface AddedStep {
  titleVi: string;
  kind: StepKind;
  actor: StepActor;
  opensAt: number;
  deadline: number | null;
}

/** The number a step added now gets: the next after the plan's last. */
export const nextStepNumber = (steps: readonly Pick<StepFacts, 'number'>[]): number =>
  Math.max(0, ...steps.map((s) => s.number)) + 1;

export function stepAdditionRefusal(
  facts: AmendmentFacts,
  step: AddedStep,
): AmendmentRefusal | null {
  const at = (ms: number) => formatLocalDateTime(new Date(ms), facts.timeZone);
  if (resultsStand(facts)) {
    return refuse(409, 'Không thể bổ sung bước: kết quả đã được công bố, kế hoạch đã kết thúc.');
  }
  if (UNIT_WINDOW_KINDS.has(step.kind)) {
    return refuse(
      422,
      `Không thể bổ sung bước loại «${step.kind}» sau khi triển khai: quy trình của từng đơn vị đã bắt đầu với các cửa sổ tự đánh giá, giải trình và thẩm định vòng 1 của kế hoạch; hãy điều chỉnh hạn hoặc thời điểm mở của bước đó.`,
    );
  }
  if (step.kind !== 'other' && facts.steps.some((s) => s.kind === step.kind)) {
    const existing = facts.steps.find((s) => s.kind === step.kind)!;
    return refuse(
      422,
      `Kế hoạch đã có bước loại «${step.kind}» (bước ${existing.number}); bước bổ sung phải có loại chưa có trong kế hoạch, hoặc loại «other».`,
    );
  }
  if (step.opensAt < facts.now) {
    return refuse(
      422,
      `Bước bổ sung không thể mở trong quá khứ: thời điểm mở ${at(step.opensAt)} đã qua (hiện tại là ${at(facts.now)}).`,
    );
  }
  if (step.deadline === null && closesAtDeadline(step)) {
    return refuse(
      422,
      'Bước bổ sung do các đơn vị thực hiện (hoặc không có chủ thể) phải có hạn: bước đó chỉ đóng khi đến hạn.',
    );
  }
  if (step.deadline !== null && step.deadline <= step.opensAt) {
    return refuse(
      422,
      `Hạn của bước bổ sung (${at(step.deadline)}) phải sau thời điểm mở (${at(step.opensAt)}).`,
    );
  }
  return null;
}

export function openingMoveRefusal(
  facts: AmendmentFacts,
  stepNumber: number,
  opensAt: number,
): AmendmentRefusal | null {
  const at = (ms: number) => formatLocalDateTime(new Date(ms), facts.timeZone);
  const i = facts.steps.findIndex((s) => s.number === stepNumber);
  if (i < 0) return refuse(409, `Kế hoạch không có bước ${stepNumber}.`);
  const step = facts.steps[i]!;
  const view = stepViewsAt(facts.steps, facts.launchedAt, facts.now)[i]!;
  if (view.status !== 'pending') {
    return refuse(
      409,
      `Không thể dời thời điểm mở của bước ${stepNumber}: bước đã mở${view.openedAt !== null ? ` lúc ${at(view.openedAt)}` : ''}${view.status === 'closed' ? ' và đã đóng' : ''}; chỉ dời được thời điểm mở của bước chưa mở.`,
    );
  }
  if (opensAt <= facts.now) {
    return refuse(
      422,
      `Thời điểm mở mới ${at(opensAt)} đã qua (hiện tại là ${at(facts.now)}): chỉ dời sang một thời điểm sau hiện tại.`,
    );
  }
  if (step.deadline !== null && opensAt >= step.deadline) {
    return refuse(
      422,
      `Thời điểm mở mới ${at(opensAt)} phải trước hạn của bước ${stepNumber} (${at(step.deadline)}); nếu cần, điều chỉnh hạn trước (POST /campaigns/{id}/steps/${stepNumber}/deadline).`,
    );
  }
  return null;
}
