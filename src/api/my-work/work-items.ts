/**
 * What is due for one caller (Việc của tôi), read off the running campaigns as the campaign state
 * service reads them: nothing here decides whether a window is open or when it ends. The unit's
 * windows come from the campaign rules (selfAssessmentWindowAt, explanationWindowAt, unitStatusAt:
 * the functions the self-assessment and explanation routes decide with), the steps' status and
 * lateness from their views (stepViewsAt). This file only says which of those open windows is
 * the caller's to act in, and which portal page it acts on. Pure.
 */
import {
  explanationWindowAt,
  selfAssessmentWindowAt,
  unitStatusAt,
} from '../../domain/campaign-rules/index.js';
import { campaignPages } from '../../domain/portal-pages.js';
import type { StepKind } from '../../domain/words.js';
import type { RunningCampaign } from '../campaign-state/campaign-state.service.js';
import type { Actor } from '../auth/actor.js';

export const WORK_KINDS = [
  'self_assessment',
  'explanation',
  'appraisal',
  'council_approval',
  'step',
  'aggregation',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** One thing due, before the working days and local times are added. */
export interface DueWork {
  kind: WorkKind;
  /** What to do, in Vietnamese. */
  title: string;
  campaign: RunningCampaign['campaign'];
  unitCode: string | null;
  unitName: string | null;
  stepNumber: number | null;
  stepTitle: string | null;
  /** Epoch ms; null when the step has no deadline. */
  deadline: number | null;
  /** Past its deadline (a unit's late self-assessment still accepted, an owned step overdue). */
  overdue: boolean;
  /** The portal page where it is done, under /portal. */
  link: string;
}

const AGGREGATIONS: readonly StepKind[] = ['aggregation_round_1', 'aggregation_round_2'];
const ROUNDS: Partial<Record<StepKind, string>> = {
  appraisal_round_1: 'Thẩm định, chấm điểm lần thứ nhất',
  appraisal_round_2: 'Thẩm định, chấm điểm lần thứ hai',
};

/** What is due for `actor` in one running campaign. */
export function dueWorkIn(actor: Actor, running: RunningCampaign): DueWork[] {
  const { campaign, steps, views, now } = running;
  const code = campaign.code;
  const base = { campaign, unitCode: null, unitName: null };
  const items: DueWork[] = [];
  const at = now.getTime();

  if (actor.role === 'unit' && running.unit) {
    const { facts } = running.unit.snapshot;
    const unit = { ...base, unitCode: running.unit.code, unitName: running.unit.name };
    const stepOf = (n: number | undefined) => steps.find((s) => s.number === n) ?? null;
    const sa = selfAssessmentWindowAt(facts, at);
    if (sa && (sa.phase === 'on_time' || sa.phase === 'late') && facts.submission === null) {
      const step = stepOf(facts.selfAssessment?.stepNumber);
      items.push({
        ...unit,
        kind: 'self_assessment',
        title:
          sa.phase === 'late'
            ? 'Nộp báo cáo tự đánh giá, chấm điểm (đã quá hạn, vẫn được nhận muộn)'
            : 'Nộp báo cáo tự đánh giá, chấm điểm',
        stepNumber: step?.number ?? null,
        stepTitle: step?.titleVi ?? null,
        deadline: sa.deadline.instant,
        overdue: sa.phase === 'late',
        link: campaignPages.selfAssessment(code, running.unit.code),
      });
    }
    const explanation = explanationWindowAt(facts, at);
    if (explanation.phase === 'open' && unitStatusAt(facts, at) === 'explanation_requested') {
      const step = stepOf(facts.explanation?.stepNumber);
      items.push({
        ...unit,
        kind: 'explanation',
        title: 'Giải trình các tiêu chí được yêu cầu',
        stepNumber: step?.number ?? null,
        stepTitle: step?.titleVi ?? null,
        deadline: explanation.deadline.instant,
        overdue: false,
        link: campaignPages.explanation(code, running.unit.code),
      });
    }
    return items;
  }

  steps.forEach((step, i) => {
    const view = views[i]!;
    if (view.status !== 'open') return;
    const item = {
      ...base,
      stepNumber: step.number,
      stepTitle: step.titleVi,
      deadline: step.deadline ? step.deadline.getTime() : null,
      overdue: view.overdue,
    };
    const round = ROUNDS[step.kind];
    if (actor.role === 'appraiser' && round && running.appraisesHere) {
      items.push({ ...item, kind: 'appraisal', title: round, link: campaignPages.appraisal(code) });
    }
    if (
      actor.role === 'council' &&
      step.kind === 'council_approval' &&
      campaign.councilApprovedAt === null
    ) {
      items.push({
        ...item,
        kind: 'council_approval',
        title: 'Xem xét, thông qua kết quả Chỉ số CCHC',
        link: campaignPages.council(code),
      });
    }
    if (actor.role === 'admin' || actor.role === 'secretariat') {
      if (AGGREGATIONS.includes(step.kind)) {
        items.push({
          ...item,
          kind: 'aggregation',
          title: step.titleVi,
          link: campaignPages.resultsWork(code),
        });
      } else if (step.actor === 'secretariat' || step.actor === 'chairman') {
        items.push({
          ...item,
          kind: 'step',
          title:
            step.actor === 'chairman'
              ? `${step.titleVi} (ghi nhận quyết định của Chủ tịch UBND tỉnh)`
              : step.titleVi,
          link: campaignPages.overview(code),
        });
      }
    }
  });
  return items;
}
