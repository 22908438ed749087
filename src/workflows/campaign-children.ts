/**
 * What every version of the campaign workflow does around its plan: it starts the unit batches and
 * the notifications workflow, relays to the batches the events units must hear, and tells the
 * notifications workflow when the plan changed. One definition, so the current workflow and the
 * one campaigns launched before the rules run on (legacy/campaign-v4.ts) send the same commands.
 */
import {
  type ChildWorkflowHandle,
  condition,
  proxyActivities,
  startChild,
} from '@temporalio/workflow';
import type { CampaignRecordActivities } from '../activities/campaign-records.js';
import type { UnitBatchInput } from '../contracts/batch.js';
import type { CampaignWorkflowInput } from '../contracts/campaign.js';
import { CAMPAIGN_YEAR } from '../contracts/search-attributes.js';
import { campaignEventSignal, notificationPlanChangedSignal } from '../contracts/signals.js';
import type { CampaignEvent } from '../contracts/unit.js';
import { batchWorkflowId, notificationsWorkflowId } from '../contracts/workflow-ids.js';
import type { StepKind } from '../domain/words.js';
import { notificationsWorkflow } from './notifications.workflow.js';
import { unitBatchWorkflow } from './unit-batch.workflow.js';
import { unitTimelineFromPlan } from './unit-timeline.js';

export const campaignRecords = proxyActivities<CampaignRecordActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

const DEFAULT_BATCH_SIZE = 500;

/** Steps whose changes the unit workflows must hear (round 1's end closes late intake). */
export const UNIT_FACING_KINDS = new Set<StepKind | undefined>([
  'self_assessment',
  'explanation',
  'appraisal_round_1',
]);

export type BatchHandle = ChildWorkflowHandle<typeof unitBatchWorkflow>;
export type NotificationsHandle = ChildWorkflowHandle<typeof notificationsWorkflow>;

/** One batch workflow per slice of `unitCount` units, each starting one child per unit. */
export function startUnitBatches(
  input: CampaignWorkflowInput,
  workflowId: string,
  unitCount: number,
  options: { campaignRules?: boolean } = {},
): Promise<BatchHandle[]> {
  const batchSize = input.batchSize ?? DEFAULT_BATCH_SIZE;
  return Promise.all(
    Array.from({ length: Math.ceil(unitCount / batchSize) }, (_, i) =>
      startBatch(input, workflowId, i, {
        offset: i * batchSize,
        limit: batchSize,
        ...(options.campaignRules && { campaignRules: true }),
      }),
    ),
  );
}

/**
 * A batch of its own for units that joined after launch (an amending decision), numbered after
 * the campaign's other batches: it starts them from their facts in PostgreSQL and relays the
 * campaign's later events to them like any batch.
 */
export function startJoinedBatch(
  input: CampaignWorkflowInput,
  workflowId: string,
  index: number,
  unitCodes: string[],
): Promise<BatchHandle> {
  return startBatch(input, workflowId, index, {
    offset: 0,
    limit: unitCodes.length,
    unitCodes,
    campaignRules: true,
  });
}

function startBatch(
  input: CampaignWorkflowInput,
  workflowId: string,
  index: number,
  slice: Pick<UnitBatchInput, 'offset' | 'limit' | 'unitCodes' | 'campaignRules'>,
): Promise<BatchHandle> {
  return startChild(unitBatchWorkflow, {
    workflowId: batchWorkflowId(workflowId, index),
    args: [
      {
        campaignId: input.campaignId,
        campaignWorkflowId: workflowId,
        year: input.year,
        timeZone: input.timeZone,
        latePolicy: input.latePolicy ?? 'accept',
        timeline: unitTimelineFromPlan(input.steps),
        offset: slice.offset,
        limit: slice.limit,
        ...(slice.unitCodes && { unitCodes: slice.unitCodes }),
        ...(slice.campaignRules && { campaignRules: true }),
        ...(input.batchHistoryLimit ? { historyLimit: input.batchHistoryLimit } : {}),
      } satisfies UnitBatchInput,
    ],
    // Starting or signalling a chunk of units can queue behind thousands of unit tasks on a
    // busy worker; the default 10 s would time the task out and replay the batch again.
    workflowTaskTimeout: '1 minute',
    typedSearchAttributes: [{ key: CAMPAIGN_YEAR, value: input.year }],
  });
}

/** The campaign's reminders, escalations and digests, planned from now on. */
export function startNotifications(
  input: CampaignWorkflowInput,
  workflowId: string,
): Promise<NotificationsHandle> {
  return startChild(notificationsWorkflow, {
    workflowId: notificationsWorkflowId(workflowId),
    args: [
      { campaignId: input.campaignId, timeZone: input.timeZone, after: new Date().toISOString() },
    ],
    typedSearchAttributes: [{ key: CAMPAIGN_YEAR, value: input.year }],
  });
}

/** Relays queued events to every batch, in order, until `done()` and the queue is empty. */
export async function relayToBatches(
  batches: readonly BatchHandle[],
  queue: CampaignEvent[],
  done: () => boolean,
): Promise<void> {
  for (;;) {
    await condition(() => queue.length > 0 || done());
    if (queue.length === 0) return;
    const event = queue.shift()!;
    // A batch that already ended has nothing left to hear.
    await Promise.all(
      batches.map((b) => b.signal(campaignEventSignal, event).catch(() => undefined)),
    );
  }
}

/** Tells the notifications workflow to re-plan whenever `changes()` moves, until `done()`. */
export async function notifyPlanChanges(
  notifications: NotificationsHandle | null,
  changes: () => number,
  done: () => boolean,
): Promise<void> {
  if (!notifications) return;
  for (let seen = 0; ;) {
    await condition(() => changes() !== seen || done());
    if (changes() === seen) return;
    seen = changes();
    // A notifications workflow that failed must not hold the campaign back (the UI shows it).
    await notifications.signal(notificationPlanChangedSignal).catch(() => undefined);
  }
}
