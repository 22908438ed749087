import {
  type ChildWorkflowHandle,
  condition,
  ParentClosePolicy,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  startChild,
} from '@temporalio/workflow';
import type { CampaignRecordActivities } from '../activities/campaign-records.js';
import type { LatePolicy } from './campaign.types.js';
import { CAMPAIGN_YEAR, UNIT_CODE, UNIT_STATUS } from './search-attributes.js';
import { campaignEventSignal } from './signals.js';
import type { CampaignEvent, UnitState, UnitTimeline, UnitWorkflowInput } from './unit.types.js';
import { unitWorkflow } from './unit.workflow.js';
import { unitWorkflowId } from './workflow-ids.js';

const records = proxyActivities<CampaignRecordActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

export interface UnitBatchInput {
  campaignId: string;
  campaignWorkflowId: string;
  year: number;
  timeZone: string;
  latePolicy: LatePolicy;
  timeline: UnitTimeline;
  /** This batch's slice of the campaign's units, ordered by unit code. */
  offset: number;
  limit: number;
}

export interface UnitBatchResult {
  units: number;
  byStatus: Record<string, number>;
}

/**
 * Starts one child workflow per unit of its slice and relays campaign events to them. Temporal
 * caps pending children per workflow at 2,000, so the campaign fans out through batches.
 */
export async function unitBatchWorkflow(input: UnitBatchInput): Promise<UnitBatchResult> {
  const queue: CampaignEvent[] = [];
  setHandler(campaignEventSignal, (event) => {
    queue.push(event);
  });

  const units = await records.loadUnitSlice({
    campaignId: input.campaignId,
    offset: input.offset,
    limit: input.limit,
  });
  setCurrentDetails(`Khởi tạo ${units.length} đơn vị`);
  const children: ChildWorkflowHandle<typeof unitWorkflow>[] = await Promise.all(
    units.map((unit) =>
      startChild(unitWorkflow, {
        workflowId: unitWorkflowId(input.campaignWorkflowId, unit.code),
        args: [
          {
            campaignId: input.campaignId,
            campaignWorkflowId: input.campaignWorkflowId,
            year: input.year,
            timeZone: input.timeZone,
            latePolicy: input.latePolicy,
            unit,
            timeline: input.timeline,
          } satisfies UnitWorkflowInput,
        ],
        typedSearchAttributes: [
          { key: CAMPAIGN_YEAR, value: input.year },
          { key: UNIT_CODE, value: unit.code },
          { key: UNIT_STATUS, value: 'registered' },
        ],
        // A unit's record must outlive a batch that is terminated by mistake.
        parentClosePolicy: ParentClosePolicy.ABANDON,
      }),
    ),
  );

  let finished = 0;
  let failed = 0;
  const results: UnitState[] = [];
  for (const child of children) {
    void child
      .result()
      .then(
        (result) => void results.push(result),
        () => void failed++,
      )
      .finally(() => void finished++);
  }

  // Relay events in order until every unit has finished.
  while (finished < children.length) {
    setCurrentDetails(`Đang theo dõi ${children.length - finished}/${children.length} đơn vị`);
    await condition(() => queue.length > 0 || finished === children.length);
    while (queue.length > 0) {
      const event = queue.shift()!;
      // A unit workflow that was terminated by hand must not stop the others from hearing.
      await Promise.all(
        children.map((child) => child.signal(campaignEventSignal, event).catch(() => undefined)),
      );
    }
  }

  const byStatus: Record<string, number> = {};
  for (const result of results) byStatus[result.status] = (byStatus[result.status] ?? 0) + 1;
  if (failed > 0) byStatus.failed = failed;
  setCurrentDetails(`Hoàn thành ${children.length} đơn vị`);
  return { units: children.length, byStatus };
}
