import {
  type ChildWorkflowHandle,
  condition,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CampaignRecordActivities } from '../../activities/campaign-records.js';
import { formatLocalDateTime } from '../../domain/local-time.js';
import type {
  CampaignState,
  CampaignWorkflowInput,
  StepPlanEntry,
  StepState,
} from '../../contracts/campaign.js';
import { CAMPAIGN_YEAR, CURRENT_STEP } from '../../contracts/search-attributes.js';
import {
  amendDeadlineSignal,
  campaignEventSignal,
  campaignStateQuery,
  chairmanDecisionSignal,
  closeStepSignal,
  campaignEndedSignal,
  councilApprovalSignal,
  notificationPlanChangedSignal,
  openStepSignal,
} from '../../contracts/signals.js';
import { notificationsWorkflow } from '../notifications.workflow.js';
import { NOTIFICATIONS_PATCH } from '../versions.js';
import type { CampaignEvent } from '../../contracts/unit.js';
import type { UnitBatchInput } from '../../contracts/batch.js';
import { unitBatchWorkflow } from '../unit-batch.workflow.js';
import { unitTimelineFromPlan } from '../unit-timeline.js';
import { waitUntil } from '../waiting.js';
import { batchWorkflowId, notificationsWorkflowId } from '../../contracts/workflow-ids.js';

const records = proxyActivities<CampaignRecordActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

const DEFAULT_BATCH_SIZE = 500;

/** Steps whose dates the unit workflows act on (round 1's end closes late self-assessments). */
const UNIT_FACING_KINDS = new Set<StepState['kind']>([
  'self_assessment',
  'explanation',
  'appraisal_round_1',
]);

/** Steps whose window simply ends at the deadline; others wait for their actor to complete them. */
const closesAtDeadline = (step: StepPlanEntry) =>
  step.actor === undefined || step.actor === 'units';

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
  const batchSize = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const timeline = unitTimelineFromPlan(input.steps);
  const batches: ChildWorkflowHandle<typeof unitBatchWorkflow>[] = await Promise.all(
    Array.from({ length: Math.ceil(unitCount / batchSize) }, (_, i) =>
      startChild(unitBatchWorkflow, {
        workflowId: batchWorkflowId(workflowId, i),
        args: [
          {
            campaignId: input.campaignId,
            campaignWorkflowId: workflowId,
            year: input.year,
            timeZone: input.timeZone,
            latePolicy: input.latePolicy ?? 'accept',
            timeline,
            offset: i * batchSize,
            limit: batchSize,
            ...(input.batchHistoryLimit ? { historyLimit: input.batchHistoryLimit } : {}),
          } satisfies UnitBatchInput,
        ],
        // Starting or signalling a chunk of units can queue behind thousands of unit tasks on a
        // busy worker; the default 10 s would time the task out and replay the batch again.
        workflowTaskTimeout: '1 minute',
        typedSearchAttributes: [{ key: CAMPAIGN_YEAR, value: input.year }],
      }),
    ),
  );
  // Reminders, escalations and digests (campaigns started before the patch have none).
  const notifications = patched(NOTIFICATIONS_PATCH)
    ? await startChild(notificationsWorkflow, {
        workflowId: notificationsWorkflowId(workflowId),
        args: [
          {
            campaignId: input.campaignId,
            timeZone: input.timeZone,
            after: new Date().toISOString(),
          },
        ],
        typedSearchAttributes: [{ key: CAMPAIGN_YEAR, value: input.year }],
      })
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
  const relay = async () => {
    for (;;) {
      await condition(() => relayQueue.length > 0 || stepsDone);
      if (relayQueue.length === 0) return;
      const event = relayQueue.shift()!;
      // A batch that already ended has nothing left to hear.
      await Promise.all(
        batches.map((b) => b.signal(campaignEventSignal, event).catch(() => undefined)),
      );
    }
  };
  const relaying = relay();
  const notifyPlanChanges = async () => {
    if (!notifications) return;
    for (let seen = 0; ;) {
      await condition(() => planChanges !== seen || stepsDone);
      if (planChanges === seen) return;
      seen = planChanges;
      // A notifications workflow that failed must not hold the campaign back (the UI shows it).
      await notifications.signal(notificationPlanChangedSignal).catch(() => undefined);
    }
  };
  const notifying = notifyPlanChanges();

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
