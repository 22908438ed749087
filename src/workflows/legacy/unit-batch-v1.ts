import {
  type ChildWorkflowHandle,
  condition,
  proxyActivities,
  setCurrentDetails,
  setHandler,
} from '@temporalio/workflow';
import type { CampaignRecordActivities } from '../../activities/campaign-records.js';
import { campaignEventSignal } from '../../contracts/signals.js';
import type { UnitBatchInput, UnitBatchResult } from '../../contracts/batch.js';
import { startUnit } from '../unit-child.js';
import type { CampaignEvent, UnitState } from '../../contracts/unit.js';
import type { unitWorkflow } from '../unit.workflow.js';

const records = proxyActivities<CampaignRecordActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

/**
 * The batch workflow of campaigns started before LEAN_UNITS_PATCH: starts all its units at once,
 * relays every event to every unit and waits for all of them. Kept so those campaigns replay;
 * remove once none runs.
 */
export async function unitBatchWorkflowV1(input: UnitBatchInput): Promise<UnitBatchResult> {
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
    units.map((unit) => startUnit(input, unit)),
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
