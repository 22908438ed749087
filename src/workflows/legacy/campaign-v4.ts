import {
  condition,
  patched,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { closesAtDeadline } from '../../domain/campaign-rules/steps.js';
import { formatLocalDateTime } from '../../domain/local-time.js';
import type { CampaignState, CampaignWorkflowInput, StepState } from '../../contracts/campaign.js';
import { CAMPAIGN_YEAR, CURRENT_STEP } from '../../contracts/search-attributes.js';
import {
  amendDeadlineSignal,
  campaignStateQuery,
  chairmanDecisionSignal,
  closeStepSignal,
  campaignEndedSignal,
  councilApprovalSignal,
  openStepSignal,
} from '../../contracts/signals.js';
import type { CampaignEvent } from '../../contracts/unit.js';
import {
  UNIT_FACING_KINDS,
  campaignRecords as records,
  notifyPlanChanges,
  relayToBatches,
  startNotifications,
  startUnitBatches,
} from '../campaign-children.js';
import { NOTIFICATIONS_PATCH } from '../versions.js';
import { waitUntil } from '../waiting.js';

/**
 * The campaign workflow of campaigns launched before the campaign rules (kept so they run on and
 * replay; remove once none runs). Runs a campaign's step plan. Every step runs on its own: it opens at its window (a timer), or
 * when the secretariat opens it, or when the step it follows completes; unit-facing steps close at
 * their deadline (a timer) or early by the secretariat; steps owned by the secretariat, the
 * council or the Chairman wait for the API call that completes them and count as overdue past
 * their deadline. Units run as child workflows under batch workflows.
 * Deadlines arrive as UTC instants computed outside workflow code, so the worker's TZ never matters.
 */
export async function campaignWorkflowV4(input: CampaignWorkflowInput): Promise<CampaignState> {
  const workflowId = workflowInfo().workflowId;
  const at = (iso: string | number) => formatLocalDateTime(new Date(iso), input.timeZone);
  const plan = new Map(input.steps.map((s) => [s.number, s]));
  const state: CampaignState = {
    campaignId: input.campaignId,
    year: input.year,
    currentStep: null,
    steps: input.steps.map((s): StepState => ({
      number: s.number,
      titleVi: s.titleVi,
      kind: s.kind,
      actor: s.actor,
      status: 'pending',
      opensAt: s.opensAt,
      deadline: s.deadline,
      openedAt: null,
      closedAt: null,
      closedBy: null,
      overdue: false,
    })),
    units: 0,
    batches: [],
    councilApproval: null,
    decision: null,
  };
  const stepState = (n: number) => state.steps.find((s) => s.number === n);
  const openRequested = new Set<number>();
  const closeRequested = new Set<number>();
  /** Bumped per step on every amendment, so waiting timers re-arm. */
  const deadlineVersion = new Map<number, number>();
  const relayQueue: CampaignEvent[] = [];
  /** Bumped on every amendment: the notifications workflow re-plans. */
  let planChanges = 0;

  setHandler(campaignStateQuery, () => state);
  setHandler(openStepSignal, ({ step }) => void openRequested.add(step));
  setHandler(closeStepSignal, ({ step }) => void closeRequested.add(step));
  setHandler(amendDeadlineSignal, ({ step, deadline }) => {
    const target = stepState(step);
    if (!target || target.status === 'closed') return;
    target.deadline = deadline;
    target.overdue = false;
    planChanges++;
    deadlineVersion.set(step, (deadlineVersion.get(step) ?? 0) + 1);
    if (UNIT_FACING_KINDS.has(target.kind)) {
      relayQueue.push({ type: 'deadlineAmended', stepNumber: step, deadline });
    }
  });
  setHandler(councilApprovalSignal, (approval) => {
    state.councilApproval = approval;
  });
  setHandler(chairmanDecisionSignal, (decision) => {
    state.decision = decision;
  });
  upsertSearchAttributes([{ key: CAMPAIGN_YEAR, value: input.year }]);

  const updateCurrentStep = () => {
    const open = state.steps.filter((s) => s.status === 'open').map((s) => s.number);
    const current = open.length > 0 ? Math.max(...open) : state.currentStep;
    if (current !== state.currentStep && current !== null) {
      state.currentStep = current;
      upsertSearchAttributes([{ key: CURRENT_STEP, value: current }]);
    }
  };
  const details = () => {
    const open = state.steps.filter((s) => s.status === 'open');
    if (open.length === 0) return;
    setCurrentDetails(
      open
        .map((s) => {
          const due = s.deadline ? `hạn ${at(s.deadline)}` : 'không có hạn';
          return `Bước ${s.number} (${s.titleVi}) đang mở, ${due}${s.overdue ? ' — QUÁ HẠN' : ''}`;
        })
        .join('\n'),
    );
  };
  const record = (s: StepState) =>
    records.recordStep({
      campaignId: input.campaignId,
      stepNumber: s.number,
      status: s.status,
      openedAt: s.openedAt,
      closedAt: s.closedAt,
      closedBy: s.closedBy,
      overdue: s.overdue ?? false,
      deadline: s.deadline,
    });

  /** Whether the actor of a step it waits for has completed it through the API. */
  const completedByActor = (s: StepState): StepState['closedBy'] => {
    if (closeRequested.has(s.number)) return 'secretariat';
    if (s.kind === 'council_approval' && state.councilApproval) return 'council';
    if (s.kind === 'announcement' && state.decision) return 'chairman';
    return null;
  };

  const runStep = async (s: StepState) => {
    const planned = plan.get(s.number)!;
    if (planned.startsAfterStep) {
      const before = stepState(planned.startsAfterStep);
      await condition(() => before?.status === 'closed' || openRequested.has(s.number));
    }
    if (s.opensAt) {
      await waitUntil(
        () => openRequested.has(s.number),
        s.opensAt,
        `Mở bước ${s.number} lúc ${at(s.opensAt)}`,
      );
    }
    s.status = 'open';
    s.openedAt = new Date().toISOString();
    updateCurrentStep();
    details();
    if (s.opensAt && Date.now() < Date.parse(s.opensAt) && closesAtDeadline(planned)) {
      relayQueue.push({ type: 'stepOpened', stepNumber: s.number, at: s.openedAt });
    }
    await record(s);

    for (;;) {
      const seen = deadlineVersion.get(s.number) ?? 0;
      const amended = () => (deadlineVersion.get(s.number) ?? 0) !== seen;
      if (closesAtDeadline(planned) && s.deadline) {
        const early = await waitUntil(
          () => closeRequested.has(s.number) || amended(),
          s.deadline,
          `Hạn bước ${s.number}: ${at(s.deadline)}`,
        );
        if (amended()) continue;
        s.closedBy = early ? 'secretariat' : 'deadline';
        break;
      }
      // Owned by the secretariat, the council or the Chairman: wait for them; flag overdue.
      const done = () => completedByActor(s) !== null;
      if (s.deadline && !s.overdue) {
        const inTime = await waitUntil(
          () => done() || amended(),
          s.deadline,
          `Hạn bước ${s.number}: ${at(s.deadline)}`,
        );
        if (amended()) continue;
        if (!inTime) {
          s.overdue = true;
          details();
          await record(s);
          continue;
        }
      } else {
        await condition(() => done() || amended());
        if (amended()) continue;
      }
      s.closedBy = completedByActor(s);
      break;
    }
    s.status = 'closed';
    s.closedAt = new Date().toISOString();
    if (s.closedBy !== 'deadline' && UNIT_FACING_KINDS.has(s.kind)) {
      relayQueue.push({ type: 'stepClosed', stepNumber: s.number, at: s.closedAt });
    }
    if (s.kind === 'announcement') {
      relayQueue.push({ type: 'resultsAnnounced', at: s.closedAt });
    }
    updateCurrentStep();
    details();
    await record(s);
  };

  // Units: one batch workflow per slice, each starting one child per unit.
  const unitCount = await records.countUnits(input.campaignId);
  const batches = await startUnitBatches(input, workflowId, unitCount);
  // Reminders, escalations and digests (campaigns started before the patch have none).
  const notifications = patched(NOTIFICATIONS_PATCH)
    ? await startNotifications(input, workflowId)
    : null;
  state.units = unitCount;
  state.batches = batches.map((b) => b.workflowId);
  await records.recordCampaign({
    campaignId: input.campaignId,
    status: 'launched',
    currentStep: null,
  });

  // Relays changes the units must hear (amended deadlines, early closes, the announcement).
  let stepsDone = false;
  const relaying = relayToBatches(batches, relayQueue, () => stepsDone);
  const notifying = notifyPlanChanges(
    notifications,
    () => planChanges,
    () => stepsDone,
  );

  await Promise.all(state.steps.map(runStep));
  stepsDone = true;
  await relaying;
  await notifying;
  if (notifications) {
    await notifications.signal(campaignEndedSignal).catch(() => undefined);
    await notifications.result().catch(() => undefined);
  }
  setCurrentDetails('Đã hoàn thành mọi bước; chờ các đơn vị kết thúc');
  await Promise.all(batches.map((b) => b.result()));
  await records.recordCampaign({
    campaignId: input.campaignId,
    status: 'completed',
    currentStep: state.currentStep,
  });
  setCurrentDetails('Đã hoàn thành mọi bước của kế hoạch');
  return state;
}
