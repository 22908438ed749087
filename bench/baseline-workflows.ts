/**
 * The bare baseline: the campaign's tree (a root workflow, one batch workflow per `batchSize`
 * units, one child per unit) with nothing in it. Each batch starts all its children at once and
 * awaits them, as unitBatchWorkflow does; the children return at once. No activities, timers,
 * signals or search attributes: what is left is the cost of the fan-out itself.
 */
import { startChild, workflowInfo } from '@temporalio/workflow';

export interface BaselineInput {
  units: number;
  batchSize: number;
}

export interface BaselineBatchInput {
  rootWorkflowId: string;
  /** 0-based index of the batch's first unit. */
  offset: number;
  count: number;
}

/** Same shape of ID as a unit's: the root's ID and a code like U00001. */
export const baselineUnitCode = (index: number): string => `U${String(index + 1).padStart(5, '0')}`;

export async function baselineCampaignWorkflow(input: BaselineInput): Promise<number> {
  const rootWorkflowId = workflowInfo().workflowId;
  const batches = await Promise.all(
    Array.from({ length: Math.ceil(input.units / input.batchSize) }, (_, i) =>
      startChild(baselineBatchWorkflow, {
        workflowId: `${rootWorkflowId}-batch-${i + 1}`,
        args: [
          {
            rootWorkflowId,
            offset: i * input.batchSize,
            count: Math.min(input.batchSize, input.units - i * input.batchSize),
          },
        ],
      }),
    ),
  );
  const counts = await Promise.all(batches.map((batch) => batch.result()));
  return counts.reduce((sum, n) => sum + n, 0);
}

export async function baselineBatchWorkflow(input: BaselineBatchInput): Promise<number> {
  const children = await Promise.all(
    Array.from({ length: input.count }, (_, k) =>
      startChild(baselineUnitWorkflow, {
        workflowId: `${input.rootWorkflowId}-${baselineUnitCode(input.offset + k)}`,
      }),
    ),
  );
  await Promise.all(children.map((child) => child.result()));
  return children.length;
}

export async function baselineUnitWorkflow(): Promise<void> {
  // Empty on purpose.
}
