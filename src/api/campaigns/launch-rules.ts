/**
 * When a campaign's plan may be launched: pure, no I/O. Every problem is listed so the secretariat
 * fixes them all at once.
 *
 * A plan is launchable when:
 * 1. it has at least one step;
 * 2. every step ends somehow: it has a deadline, or it starts after another step (like step 11,
 *    "after the announcement"), whose completion the workflow waits for;
 * 3. a step's window opens before its deadline;
 * 4. "starts after step N" names an earlier step of the plan;
 * 5. exactly one step is the units' self-assessment (kind self_assessment) and it has a deadline,
 *    and no other unit-facing kind (appraisal_round_1, explanation) appears twice: the unit
 *    workflows take their windows from these steps;
 * 6. at least one unit takes part;
 * 7. every participating unit's group has an index set with criteria in the campaign;
 * 8. no participating unit has a code reserved for the campaign's own workflows (batch-N,
 *    notifications), whose workflow ID its own would take;
 * 9. no criterion of its index sets is appraised by an inactive agency (merged or dissolved): it
 *    would get no reminder and nobody could score it; re-point the criteria first.
 *
 * Deadlines already past do not stop a launch (replaying a past year's plan, such as the 2021
 * seed, is allowed); they come back as warnings that say what the campaign rules will do: a step
 * the units act in closes as it opens, a step its actor completes opens overdue.
 */
import { closesAtDeadline } from '../../domain/campaign-rules/index.js';
import type { StepActor, StepKind } from '../../domain/words.js';
import { reservedUnitCode } from '../../contracts/workflow-ids.js';
import { formatLocalDateTime } from '../../domain/local-time.js';

export interface LaunchStep {
  number: number;
  kind: StepKind;
  actor: StepActor;
  opensAt: Date | null;
  deadline: Date | null;
  startsAfterStep: number | null;
}

export interface LaunchPlan {
  timeZone: string;
  steps: LaunchStep[];
  /** Participating units. */
  units: { code: string; group: string }[];
  /** Index sets of the campaign with their number of criteria. */
  indexSets: { group: string; criteria: number }[];
  /** Inactive agencies the index sets still name, with those criteria ("group/code"). */
  inactiveAgencies?: { code: string; mergedInto: string | null; criteria: string[] }[];
}

export interface LaunchProblem {
  /** The step concerned, when there is one. */
  step?: number;
  message: string;
}

export function launchProblems(plan: LaunchPlan): LaunchProblem[] {
  const problems: LaunchProblem[] = [];
  const at = (d: Date) => formatLocalDateTime(d, plan.timeZone);
  const numbers = new Set(plan.steps.map((s) => s.number));
  if (plan.steps.length === 0) problems.push({ message: 'Kế hoạch chưa có bước nào.' });
  for (const step of [...plan.steps].sort((a, b) => a.number - b.number)) {
    if (!step.deadline && step.startsAfterStep === null) {
      problems.push({
        step: step.number,
        message: `Bước ${step.number} không có hạn và cũng không bắt đầu sau bước nào: hãy nhập hạn (closesOn hoặc deadline) hoặc bước bắt đầu sau (startsAfterStep).`,
      });
    }
    if (step.opensAt && step.deadline && step.opensAt.getTime() >= step.deadline.getTime()) {
      problems.push({
        step: step.number,
        message: `Bước ${step.number} mở (${at(step.opensAt)}) sau hạn của chính bước đó (${at(step.deadline)}).`,
      });
    }
    if (step.startsAfterStep !== null) {
      if (!numbers.has(step.startsAfterStep) || step.startsAfterStep >= step.number) {
        problems.push({
          step: step.number,
          message: `Bước ${step.number} bắt đầu sau bước ${step.startsAfterStep}, nhưng đó không phải là một bước trước nó trong kế hoạch.`,
        });
      }
    }
  }
  const ofKind = (kind: StepKind) => plan.steps.filter((s) => s.kind === kind);
  const selfAssessment = ofKind('self_assessment');
  if (plan.steps.length > 0 && selfAssessment.length === 0) {
    problems.push({
      message:
        'Kế hoạch không có bước tự đánh giá (kind self_assessment): đơn vị sẽ không có thời gian để nộp bản tự đánh giá.',
    });
  }
  for (const kind of ['self_assessment', 'appraisal_round_1', 'explanation'] as const) {
    const steps = ofKind(kind);
    if (steps.length > 1) {
      problems.push({
        message: `Các bước ${steps.map((s) => s.number).join(', ')} đều thuộc loại ${kind}; kế hoạch chỉ được có một bước loại này.`,
      });
    }
  }
  const [own] = selfAssessment;
  if (own && selfAssessment.length === 1 && !own.deadline) {
    problems.push({
      step: own.number,
      message: `Bước tự đánh giá (bước ${own.number}) chưa có hạn.`,
    });
  }
  if (plan.units.length === 0) {
    problems.push({
      message: 'Chưa có đơn vị nào tham gia: hãy thêm đơn vị tham gia trước khi triển khai.',
    });
  }
  const setGroups = new Set(plan.indexSets.filter((s) => s.criteria > 0).map((s) => s.group));
  const missing = new Map<string, string[]>();
  for (const unit of plan.units) {
    if (!setGroups.has(unit.group))
      missing.set(unit.group, [...(missing.get(unit.group) ?? []), unit.code]);
  }
  const reserved = plan.units.filter((unit) => reservedUnitCode(unit.code)).map((u) => u.code);
  if (reserved.length > 0) {
    problems.push({
      message: `Các đơn vị ${reserved.join(', ')} có mã dành riêng cho các quy trình của chiến dịch (batch-N, notifications): hãy đổi sang mã khác (PATCH /units/{code}) trước khi triển khai.`,
    });
  }
  for (const agency of plan.inactiveAgencies ?? []) {
    const shown =
      agency.criteria.slice(0, 5).join(', ') +
      (agency.criteria.length > 5 ? `, … (${agency.criteria.length})` : '');
    problems.push({
      message: `Cơ quan thẩm định ${agency.code} không còn hoạt động${agency.mergedInto ? ` (đã hợp nhất vào ${agency.mergedInto})` : ''} nhưng bộ chỉ số vẫn giao cho cơ quan này các tiêu chí ${shown}: hãy giao lại các tiêu chí đó (PATCH /agencies/${agency.code} với mergedInto chuyển các tiêu chí của chiến dịch chưa triển khai sang cơ quan mới).`,
    });
  }
  for (const [group, codes] of missing) {
    const shown = codes.slice(0, 5).join(', ') + (codes.length > 5 ? `, … (${codes.length})` : '');
    problems.push({
      message: `Các đơn vị nhóm «${group}» (${shown}) tham gia nhưng chiến dịch chưa có bộ chỉ số cho nhóm này: hãy nhập bộ chỉ số.`,
    });
  }
  return problems;
}

const ACTOR_NAMES: Record<StepActor, string> = {
  secretariat: 'Tổ thư ký',
  units: 'các đơn vị',
  appraisers: 'các cơ quan thẩm định',
  council: 'Hội đồng thẩm định',
  chairman: 'Chủ tịch UBND tỉnh',
};

/** Deadlines already past at `now`: not a problem, but worth saying what will happen. */
export function launchWarnings(plan: LaunchPlan, now: Date): string[] {
  return plan.steps
    .filter((s) => s.deadline && s.deadline.getTime() < now.getTime())
    .sort((a, b) => a.number - b.number)
    .map((s) => {
      const past = `Bước ${s.number}: hạn ${formatLocalDateTime(s.deadline!, plan.timeZone)} đã qua;`;
      return closesAtDeadline(s)
        ? `${past} bước sẽ đóng ngay khi mở.`
        : `${past} bước sẽ mở trong tình trạng quá hạn và vẫn mở cho đến khi ${ACTOR_NAMES[s.actor]} hoàn thành.`;
    });
}
