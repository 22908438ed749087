import {
  type ChildWorkflowHandle,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CampaignRecordActivities } from '../activities/campaign-records.js';
import { unitBatchWorkflowV1 } from './legacy/unit-batch-v1.js';
import { campaignEventSignal } from '../contracts/signals.js';
import type { UnitBatchInput, UnitBatchResult } from '../contracts/batch.js';
import { startUnit } from './unit-child.js';
import type { CampaignEvent } from '../contracts/unit.js';
import type { unitWorkflow } from './unit.workflow.js';
import { COMPLETION_RECORDED_BY_BATCH_PATCH, LEAN_UNITS_PATCH } from './versions.js';
import { unitWorkflowId } from '../contracts/workflow-ids.js';

export type { UnitBatchInput, UnitBatchResult } from '../contracts/batch.js';

const records = proxyActivities<CampaignRecordActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

/**
 * Units started, or signalled, per workflow task. One task sending 500 commands at once outlasted
 * the 10 s workflow task timeout on a busy worker (bench/README.md); 100 keeps each task short.
 */
export const UNITS_PER_TASK = 100;
const DEFAULT_HISTORY_LIMIT = 10_000;

async function inChunks<T>(items: readonly T[], each: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += UNITS_PER_TASK) {
    await Promise.all(items.slice(i, i + UNITS_PER_TASK).map(each));
  }
}

/**
 * Starts one child workflow per unit of its slice and relays campaign events to the units they
 * concern, until the announcement. Temporal caps pending children per workflow at 2,000, so the
 * campaign fans out through batches; a batch's history grows by two events per unit and relayed
 * event, so it continues as new past `historyLimit` (units keep running: they are abandoned
 * children, reached by workflow ID).
 */
export async function unitBatchWorkflow(input: UnitBatchInput): Promise<UnitBatchResult> {
  if (!input.continued && !patched(LEAN_UNITS_PATCH)) return unitBatchWorkflowV1(input);
  // Decided once per batch and carried across continue-as-new: its units were told at start.
  const recordsCompletion = input.continued
    ? input.continued.recordsCompletion === true
    : patched(COMPLETION_RECORDED_BY_BATCH_PATCH);

  const queue: CampaignEvent[] = [...(input.continued?.pending ?? [])];
  setHandler(campaignEventSignal, (event) => void queue.push(event));
  let eventsRelayed = input.continued?.eventsRelayed ?? 0;

  const started: ChildWorkflowHandle<typeof unitWorkflow>[] = []; // by this run
  let unitCodes = input.continued?.unitCodes;
  if (!unitCodes) {
    const units = await records.loadUnitSlice({
      campaignId: input.campaignId,
      offset: input.offset,
      limit: input.limit,
      ...(input.unitCodes && { unitCodes: input.unitCodes }),
      // Units on the campaign rules start from their facts as PostgreSQL holds them.
      ...(input.campaignRules && { snapshots: true }),
    });
    setCurrentDetails(`Khởi tạo ${units.length} đơn vị`);
    await inChunks(units, async (unit) =>
      started.push(await startUnit(input, unit, { completionRecordedByBatch: recordsCompletion })),
    );
    unitCodes = units.map((unit) => unit.code);
  }
  const codes = unitCodes;

  /**
   * Who must hear an event. Round 1's end (close or amendment) only matters to units whose
   * self-assessment is still open or missing (late intake): PostgreSQL knows which, and a unit
   * records its status in the same workflow task that decides it, so the answer is never short.
   * Early openings change nothing for a unit.
   */
  const audienceOf = async (event: CampaignEvent): Promise<string[]> => {
    if (event.type === 'stepOpened') return [];
    if (event.type !== 'resultsAnnounced' && event.stepNumber === input.timeline.lateIntakeStep) {
      return records.unitsAwaitingSelfAssessment({
        campaignId: input.campaignId,
        unitCodes: codes,
      });
    }
    return codes;
  };

  /** After each piece of work: hands the rest to a fresh run once the history is long. */
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const historyIsLong = () => {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= historyLimit;
  };
  const continueInNewRun = async () => {
    await condition(allHandlersFinished);
    return continueAsNew<typeof unitBatchWorkflow>({
      ...input,
      continued: {
        unitCodes: codes,
        pending: queue,
        eventsRelayed,
        runs: (input.continued?.runs ?? 1) + 1,
        recordsCompletion,
      },
    });
  };
  if (started.length > 0 && historyIsLong()) return continueInNewRun();

  for (;;) {
    setCurrentDetails(`Chờ sự kiện của chiến dịch để chuyển đến ${codes.length} đơn vị`);
    await condition(() => queue.length > 0);
    const event = queue.shift()!;
    if (event.type === 'resultsAnnounced' && recordsCompletion) {
      // One statement for the whole slice, before the units hear it (they do not write it).
      setCurrentDetails(`Ghi nhận hoàn thành cho ${codes.length} đơn vị`);
      await records.recordUnitsCompleted({
        campaignId: input.campaignId,
        unitCodes: codes,
        at: event.at,
      });
    }
    const audience = await audienceOf(event);
    setCurrentDetails(`Chuyển sự kiện "${event.type}" đến ${audience.length} đơn vị`);
    // A unit workflow that was terminated by hand must not stop the others from hearing.
    await inChunks(audience, (code) =>
      getExternalWorkflowHandle(unitWorkflowId(input.campaignWorkflowId, code))
        .signal(campaignEventSignal, event)
        .catch(() => undefined),
    );
    eventsRelayed++;
    if (event.type === 'resultsAnnounced') break;
    if (historyIsLong()) return continueInNewRun();
  }

  // Units started by this run report their end here, so none ends under a closed parent (the
  // Java time-skipping server stops skipping time when one does). After a continue-as-new the
  // units belong to an earlier run and a real server lets them end on their own.
  setCurrentDetails(`Chờ ${started.length} đơn vị ghi nhận công bố kết quả`);
  const byStatus: Record<string, number> = {};
  for (const result of await Promise.allSettled(started.map((unit) => unit.result()))) {
    const status = result.status === 'fulfilled' ? result.value.status : 'failed';
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }
  return { units: codes.length, byStatus, eventsRelayed };
}
