import { createHash } from 'node:crypto';
import { type Client, isGrpcServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { encodeToPayloads } from '@temporalio/common/lib/internal-non-workflow/index.js';

/** gRPC's status code NOT_FOUND. */
const GRPC_NOT_FOUND = 5;

/**
 * The request ID of an outbox message's signal: the same for every attempt, so that Temporal
 * records a signal whose answer was lost (a cut connection, a deadline) once, not once per
 * attempt. `handle.signal()` draws a new one per call, hence this call.
 */
export function signalRequestId(campaignId: string, messageId: string): string {
  const hex = createHash('sha256').update(`par-outbox:${campaignId}:${messageId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Signals a workflow with a request ID of the caller's choice. The Temporal server drops a signal
 * whose request ID the workflow has seen (the Java time-skipping test server does not, which the
 * workflows' own action IDs cover). A missing workflow throws WorkflowNotFoundError, as
 * `handle.signal()` does.
 */
export async function signalOnce(
  client: Client,
  signal: { workflowId: string; name: string; arg: unknown; requestId: string },
): Promise<void> {
  try {
    await client.workflowService.signalWorkflowExecution({
      namespace: client.options.namespace,
      identity: client.options.identity,
      workflowExecution: { workflowId: signal.workflowId },
      signalName: signal.name,
      requestId: signal.requestId,
      input: { payloads: await encodeToPayloads(client.options.loadedDataConverter, signal.arg) },
    });
  } catch (err) {
    if (isGrpcServiceError(err) && Number(err.code) === GRPC_NOT_FOUND) {
      throw new WorkflowNotFoundError(
        err.details ?? 'Workflow not found',
        signal.workflowId,
        undefined,
      );
    }
    throw err;
  }
}
