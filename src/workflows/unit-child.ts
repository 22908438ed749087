import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import type { UnitRef, UnitWorkflowInput } from '../contracts/unit.js';
import { CAMPAIGN_YEAR, UNIT_CODE, UNIT_STATUS } from '../contracts/search-attributes.js';
import type { UnitBatchInput } from '../contracts/batch.js';
import { unitWorkflow } from './unit.workflow.js';
import { unitWorkflowId } from '../contracts/workflow-ids.js';

/** Starts one unit's workflow as a child of its batch. */
export function startUnit(
  input: UnitBatchInput,
  unit: UnitRef,
  options: Pick<UnitWorkflowInput, 'completionRecordedByBatch'> = {},
) {
  return startChild(unitWorkflow, {
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
        ...(options.completionRecordedByBatch ? { completionRecordedByBatch: true } : {}),
      } satisfies UnitWorkflowInput,
    ],
    typedSearchAttributes: [
      { key: CAMPAIGN_YEAR, value: input.year },
      { key: UNIT_CODE, value: unit.code },
      { key: UNIT_STATUS, value: unit.snapshot?.status ?? 'registered' },
    ],
    // A unit's record must outlive a batch that is terminated by mistake, and a batch ends at
    // the announcement while its units finish on their own.
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
}
