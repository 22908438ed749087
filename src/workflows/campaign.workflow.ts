import {
  condition,
  defineQuery,
  defineSignal,
  setHandler,
  sleep,
  upsertSearchAttributes,
  setCurrentDetails,
} from '@temporalio/workflow';
import { formatLocalDateTime } from '../domain/local-time.js';
import type { CampaignState, CampaignWorkflowInput, StepState } from './campaign.types.js';
import { CAMPAIGN_YEAR, CURRENT_STEP } from './search-attributes.js';

export const campaignStateQuery = defineQuery<CampaignState>('campaignState');
/** The secretariat closes a step before its deadline (or a step that has none). */
export const closeStepSignal = defineSignal<[{ step: number }]>('closeStep');

/**
 * Runs the step plan: each step opens at its window (a timer) and closes at its deadline (a
 * timer) or when the secretariat closes it. Deadlines arrive as UTC instants computed outside
 * workflow code, so the worker's time zone never matters.
 */
export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignState> {
  const state: CampaignState = {
    campaignId: input.campaignId,
    year: input.year,
    currentStep: null,
    steps: input.steps.map((s): StepState => ({
      number: s.number,
      titleVi: s.titleVi,
      status: 'pending',
      opensAt: s.opensAt,
      deadline: s.deadline,
      openedAt: null,
      closedAt: null,
      closedBy: null,
    })),
  };
  const closeRequested = new Set<number>();

  setHandler(campaignStateQuery, () => state);
  setHandler(closeStepSignal, ({ step }) => {
    closeRequested.add(step);
  });
  upsertSearchAttributes([{ key: CAMPAIGN_YEAR, value: input.year }]);

  const at = (iso: string) => formatLocalDateTime(new Date(iso), input.timeZone);

  for (const step of state.steps) {
    if (step.opensAt) {
      const untilOpen = Date.parse(step.opensAt) - Date.now();
      if (untilOpen > 0) {
        setCurrentDetails(`Chờ mở bước ${step.number} (${step.titleVi}) lúc ${at(step.opensAt)}`);
        await sleep(untilOpen, { summary: `Mở bước ${step.number} lúc ${at(step.opensAt)}` });
      }
    }
    step.status = 'open';
    step.openedAt = new Date().toISOString();
    state.currentStep = step.number;
    upsertSearchAttributes([{ key: CURRENT_STEP, value: step.number }]);

    const closedEarly = () => closeRequested.has(step.number);
    if (step.deadline) {
      setCurrentDetails(`Bước ${step.number} (${step.titleVi}) đang mở, hạn ${at(step.deadline)}`);
      const untilDeadline = Math.max(0, Date.parse(step.deadline) - Date.now());
      const early = await condition(closedEarly, untilDeadline, {
        summary: `Hạn bước ${step.number}: ${at(step.deadline)}`,
      });
      step.closedBy = early ? 'secretariat' : 'deadline';
    } else {
      setCurrentDetails(`Bước ${step.number} (${step.titleVi}) đang mở, chờ Tổ thư ký hoàn thành`);
      await condition(closedEarly);
      step.closedBy = 'secretariat';
    }
    step.status = 'closed';
    step.closedAt = new Date().toISOString();
  }
  setCurrentDetails('Đã hoàn thành mọi bước của kế hoạch');
  return state;
}
