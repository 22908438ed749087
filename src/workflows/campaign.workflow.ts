import {
  patched,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  type CampaignState,
  type CampaignWorkflowInput,
  type ChairmanDecision,
  type CouncilApproval,
  type TitledStepFacts,
  stepStatesOf,
} from '../contracts/campaign.js';
import { CAMPAIGN_YEAR, CURRENT_STEP } from '../contracts/search-attributes.js';
import {
  amendDeadlineSignal,
  campaignEndedSignal,
  campaignStateQuery,
  chairmanDecisionSignal,
  closeStepSignal,
  councilApprovalSignal,
  openStepSignal,
  openingMovedSignal,
  stepAddedSignal,
  unitsJoinedSignal,
} from '../contracts/signals.js';
import type { CampaignEvent } from '../contracts/unit.js';
import {
  type StepChange,
  type StepView,
  currentStepOf,
  nextStepChange,
  openingMoveRefusal,
  resultsStand,
  stepViewsAt,
} from '../domain/campaign-rules/index.js';
import { formatLocalDateTime } from '../domain/local-time.js';
import {
  UNIT_FACING_KINDS,
  campaignRecords as records,
  notifyPlanChanges,
  relayToBatches,
  startJoinedBatch,
  startNotifications,
  startUnitBatches,
} from './campaign-children.js';
import { campaignWorkflowV4 } from './legacy/campaign-v4.js';
import { CAMPAIGN_RULES_PATCH, PLAN_AMENDMENTS_PATCH } from './versions.js';
import { Deliveries, waitForChange } from './waiting.js';

const iso = (ms: number) => new Date(ms).toISOString();
const instant = (at: string | undefined) => (at ? Date.parse(at) : Date.now());

/**
 * Runs a campaign's step plan on the campaign rules (src/domain/campaign-rules): it holds the
 * plan's facts (from its input, then every action the API delivers through the outbox: early
 * openings, closes and completions, amended deadlines, the council's approval, the Chairman's
 * decision), and wakes at every instant the rules say a step changes, so its query answers what
 * the API answers (stepStatesOf). It starts the units (one child per unit under batch workflows)
 * and the notifications workflow, relays to the units the changes they must hear (amended
 * deadlines, early closes, the announcement) and ends when every step is closed and every unit has
 * finished. Amendments of the plan (units joining, a step added, an opening moved) arrive the same
 * way and apply when the campaign rules' amendment checks allow them at that instant, as the API
 * decided. Instants are UTC, so the worker's time zone never matters.
 */
export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignState> {
  if (!patched(CAMPAIGN_RULES_PATCH)) return campaignWorkflowV4(input);
  const workflowId = workflowInfo().workflowId;
  const at = (ms: number) => formatLocalDateTime(new Date(ms), input.timeZone);
  const launchedAt = input.launchedAt ? Date.parse(input.launchedAt) : Date.now();
  const steps: TitledStepFacts[] = input.steps.map((s) => ({
    number: s.number,
    titleVi: s.titleVi,
    ...(s.kind && { kind: s.kind }),
    ...(s.actor && { actor: s.actor }),
    opensAt: s.opensAt ? Date.parse(s.opensAt) : null,
    deadline: s.deadline ? Date.parse(s.deadline) : null,
    startsAfterStep: s.startsAfterStep ?? null,
    openedEarlyAt: null,
    completedAt: null,
    completedBy: null,
  }));
  const stepOf = (n: number) => steps.find((s) => s.number === n);
  const deliveries = new Deliveries();
  const relayQueue: CampaignEvent[] = [];
  /** Bumped on every amendment: the notifications workflow re-plans. */
  let planChanges = 0;
  let councilApproval: CouncilApproval | null = null;
  let decision: ChairmanDecision | null = null;
  let unitCount = 0;
  let batchIds: string[] = [];
  /** Units that joined after launch, waiting for their batch to start. */
  const joining: string[][] = [];

  const viewsNow = (): StepView[] => stepViewsAt(steps, launchedAt, Date.now());
  const stateOf = (views: StepView[]): CampaignState => ({
    campaignId: input.campaignId,
    year: input.year,
    currentStep: currentStepOf(views),
    steps: stepStatesOf(steps, views),
    units: unitCount,
    batches: batchIds,
    councilApproval,
    decision,
  });
  /** Completes (or closes early) a step as the API recorded it. */
  const complete = (n: number, when: number, by: 'secretariat' | 'council' | 'chairman') => {
    const step = stepOf(n);
    if (!step || step.completedAt != null) return;
    step.completedAt = when;
    step.completedBy = by;
    if (UNIT_FACING_KINDS.has(step.kind)) {
      relayQueue.push({ type: 'stepClosed', stepNumber: n, at: iso(when) });
    }
  };

  setHandler(campaignStateQuery, () => stateOf(viewsNow()));
  setHandler(openStepSignal, ({ step, at: when, actionId }) =>
    deliveries.receive(actionId, () => {
      const target = stepOf(step);
      if (target) target.openedEarlyAt ??= instant(when);
    }),
  );
  setHandler(closeStepSignal, ({ step, at: when, by, actionId }) =>
    deliveries.receive(actionId, () => complete(step, instant(when), by ?? 'secretariat')),
  );
  setHandler(amendDeadlineSignal, ({ step, deadline, actionId }) =>
    deliveries.receive(actionId, () => {
      const target = stepOf(step);
      if (!target) return;
      target.deadline = Date.parse(deadline);
      planChanges++;
      if (UNIT_FACING_KINDS.has(target.kind)) {
        relayQueue.push({ type: 'deadlineAmended', stepNumber: step, deadline });
      }
    }),
  );
  // Amendments after launch: the rules decide as they did in the API (src/api/amendments).
  const amendmentFacts = () => ({
    steps,
    launchedAt,
    now: Date.now(),
    timeZone: input.timeZone,
  });
  setHandler(unitsJoinedSignal, ({ unitCodes, actionId }) =>
    deliveries.receive(actionId, () => {
      // Once the announcement is relayed a new batch would never hear it, nor end.
      if (resultsStand(amendmentFacts()) || !patched(PLAN_AMENDMENTS_PATCH)) return;
      joining.push(unitCodes);
      unitCount += unitCodes.length;
      planChanges++;
    }),
  );
  setHandler(stepAddedSignal, ({ step, actionId }) =>
    deliveries.receive(actionId, () => {
      if (stepOf(step.number) || !patched(PLAN_AMENDMENTS_PATCH)) return;
      steps.push({
        number: step.number,
        titleVi: step.titleVi,
        ...(step.kind && { kind: step.kind }),
        ...(step.actor && { actor: step.actor }),
        opensAt: step.opensAt ? Date.parse(step.opensAt) : null,
        deadline: step.deadline ? Date.parse(step.deadline) : null,
        startsAfterStep: step.startsAfterStep ?? null,
        openedEarlyAt: null,
        completedAt: null,
        completedBy: null,
      });
      steps.sort((a, b) => a.number - b.number);
      planChanges++;
    }),
  );
  setHandler(openingMovedSignal, ({ step, opensAt, actionId }) =>
    deliveries.receive(actionId, () => {
      const target = stepOf(step);
      const moved = Date.parse(opensAt);
      if (!target || openingMoveRefusal(amendmentFacts(), step, moved)) return;
      if (!patched(PLAN_AMENDMENTS_PATCH)) return;
      target.opensAt = moved;
      planChanges++;
    }),
  );
  setHandler(councilApprovalSignal, (approval) =>
    deliveries.receive(approval.actionId, () => {
      const { actionId, ...shown } = approval;
      councilApproval = shown;
      const step = steps.find((s) => s.kind === 'council_approval');
      if (step) complete(step.number, Date.parse(approval.approvedAt), 'council');
    }),
  );
  setHandler(chairmanDecisionSignal, (signal) =>
    deliveries.receive(signal.actionId, () => {
      const { actionId, at: when, ...shown } = signal;
      decision = shown;
      const step = steps.find((s) => s.kind === 'announcement');
      if (step) complete(step.number, instant(when), 'chairman');
    }),
  );
  upsertSearchAttributes([{ key: CAMPAIGN_YEAR, value: input.year }]);

  // Units: one batch workflow per slice, each starting one child per unit with its facts.
  unitCount = await records.countUnits(input.campaignId);
  const batches = await startUnitBatches(input, workflowId, unitCount, { campaignRules: true });
  batchIds = batches.map((b) => b.workflowId);
  const notifications = await startNotifications(input, workflowId);
  await records.recordCampaign({ campaignId: input.campaignId, status: 'launched' });

  // Relays changes the units must hear (amended deadlines, early closes, the announcement).
  let stepsDone = false;
  const relaying = relayToBatches(batches, relayQueue, () => stepsDone);
  const notifying = notifyPlanChanges(
    notifications,
    () => planChanges,
    () => stepsDone,
  );

  // The plan: wake at each change the rules foresee, or when an action arrives.
  let announced = false;
  let current: number | null = null;
  for (;;) {
    while (joining.length > 0) {
      const codes = joining.shift()!;
      setCurrentDetails(`Khởi tạo ${codes.length} đơn vị tham gia theo quyết định bổ sung`);
      // Pushed into the list the relay reads, so the new units hear every later event.
      batches.push(await startJoinedBatch(input, workflowId, batches.length, codes));
      batchIds = batches.map((b) => b.workflowId);
    }
    const views = viewsNow();
    const announcement = steps.findIndex((s) => s.kind === 'announcement');
    if (!announced && announcement >= 0 && views[announcement]!.status === 'closed') {
      announced = true;
      relayQueue.push({ type: 'resultsAnnounced', at: iso(views[announcement]!.closedAt!) });
    }
    const nowCurrent = currentStepOf(views);
    if (nowCurrent !== null && nowCurrent !== current) {
      current = nowCurrent;
      upsertSearchAttributes([{ key: CURRENT_STEP, value: current }]);
    }
    if (views.every((view) => view.status === 'closed')) break;
    setCurrentDetails(openStepsInWords(steps, views, at));
    const next = nextStepChange(steps, launchedAt, Date.now());
    await waitForChange(deliveries, next?.at ?? null, next ? changeInWords(next, at) : '');
  }
  stepsDone = true;
  await relaying;
  await notifying;
  await notifications.signal(campaignEndedSignal).catch(() => undefined);
  await notifications.result().catch(() => undefined);
  setCurrentDetails('Đã hoàn thành mọi bước; chờ các đơn vị kết thúc');
  await Promise.all(batches.map((b) => b.result()));
  await records.recordCampaign({ campaignId: input.campaignId, status: 'completed' });
  setCurrentDetails('Đã hoàn thành mọi bước của kế hoạch');
  return stateOf(viewsNow());
}

/** The open steps, their deadlines and whether they are overdue, for the Temporal UI. */
function openStepsInWords(
  steps: readonly TitledStepFacts[],
  views: readonly StepView[],
  at: (ms: number) => string,
): string {
  const open = steps.flatMap((step, i) =>
    views[i]!.status === 'open' ? [[step, views[i]!] as const] : [],
  );
  if (open.length === 0) return 'Chờ bước tiếp theo mở';
  return open
    .map(([step, view]) => {
      const due = step.deadline !== null ? `hạn ${at(step.deadline)}` : 'không có hạn';
      return `Bước ${step.number} (${step.titleVi}) đang mở, ${due}${view.overdue ? ' — QUÁ HẠN' : ''}`;
    })
    .join('\n');
}

/** The timer's summary: what happens next, and when. */
function changeInWords(change: StepChange, at: (ms: number) => string): string {
  switch (change.what) {
    case 'opens':
      return `Mở bước ${change.step} lúc ${at(change.at)}`;
    case 'closes':
      return `Hạn bước ${change.step}: ${at(change.at)}`;
    case 'overdue':
      return `Hạn bước ${change.step}: ${at(change.at - 1)} (quá hạn nếu chưa hoàn thành)`;
  }
}
