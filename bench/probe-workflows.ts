/**
 * Workflows for the memory probe (workflow-memory.ts): the smallest workflow that stays open, to
 * compare the service's unit workflow with what the SDK itself costs per cached workflow.
 */
import { ParentClosePolicy, condition, startChild, workflowInfo } from '@temporalio/workflow';

/** Waits forever, with no timer, no input and no handlers. */
export async function idleProbeWorkflow(): Promise<void> {
  await condition(() => false);
}

/** Starts `count` idle children, 100 per workflow task as the unit batch does, then waits. */
export async function probeParentWorkflow(count: number): Promise<void> {
  const { workflowId } = workflowInfo();
  const children: unknown[] = [];
  for (let i = 0; i < count; i += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, count - i) }, (_, k) =>
        startChild(idleProbeWorkflow, {
          workflowId: `${workflowId}-${i + k}`,
          parentClosePolicy: ParentClosePolicy.ABANDON,
        }).then((child) => children.push(child)),
      ),
    );
  }
  await condition(() => false);
}
