/**
 * On the Temporal dev server (the real server's semantics): an outbox message's signal sent again
 * after its answer was lost is recorded once, because every attempt carries the same request ID.
 * Seen in CI before this: a signal cut off mid-answer by the fault test's proxy was recorded twice
 * (the workflows ignore the second by its action ID, but the history showed both).
 */
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signalOnce, signalRequestId } from '../../src/api/outbox/signal-once.js';
import { findTemporalCli, INSTALL_HINT } from '../../scripts/launcher/temporal-binaries.js';

describe('an outbox signal sent again', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    const cli = findTemporalCli();
    if (!cli) throw new Error(`The Temporal CLI was not found. ${INSTALL_HINT}`);
    env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: cli },
        extraArgs: ['--log-level', 'error'],
      },
    });
  });

  afterAll(() => env?.teardown());

  it('is recorded once with the same request ID, and again with another', async () => {
    const client = env.client;
    // A workflow no worker runs: its history holds exactly the signals the server accepted.
    const workflowId = `outbox-signal-${randomUUID()}`;
    const handle = await client.workflow.start('unitWorkflow', {
      workflowId,
      taskQueue: `nobody-${randomUUID()}`,
    });
    const campaignId = randomUUID();
    const first = { workflowId, name: 'selfAssessmentSubmitted', arg: { actionId: '41' } };
    const requestId = signalRequestId(campaignId, '41');
    await signalOnce(client, { ...first, requestId });
    await signalOnce(client, { ...first, requestId }); // the retry after a lost answer
    await signalOnce(client, {
      workflowId,
      name: 'selfAssessmentSubmitted',
      arg: { actionId: '42' },
      requestId: signalRequestId(campaignId, '42'),
    });

    const history = await handle.fetchHistory();
    const signalled = (history.events ?? []).flatMap((event) => {
      const data = event.workflowExecutionSignaledEventAttributes?.input?.payloads?.[0]?.data;
      return data ? [JSON.parse(Buffer.from(data).toString('utf8')) as { actionId: string }] : [];
    });
    expect(signalled).toEqual([{ actionId: '41' }, { actionId: '42' }]);
    await handle.terminate('test done');
  });

  it('names a missing workflow as the SDK does', async () => {
    await expect(
      signalOnce(env.client, {
        workflowId: `missing-${randomUUID()}`,
        name: 'selfAssessmentSubmitted',
        arg: {},
        requestId: signalRequestId(randomUUID(), '1'),
      }),
    ).rejects.toBeInstanceOf(WorkflowNotFoundError);
  });

  it('derives one request ID per message, in UUID form', () => {
    const campaign = randomUUID();
    expect(signalRequestId(campaign, '7')).toBe(signalRequestId(campaign, '7'));
    expect(signalRequestId(campaign, '7')).not.toBe(signalRequestId(campaign, '8'));
    expect(signalRequestId(randomUUID(), '7')).not.toBe(signalRequestId(campaign, '7'));
    expect(signalRequestId(campaign, '7')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });
});
