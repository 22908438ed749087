import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import type { AppConfig } from '../../config.js';
import { CAMPAIGN_YEAR } from '../../contracts/search-attributes.js';
import { OutboxMessage, type OutboxOutcome } from '../../entities/index.js';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../tokens.js';
import type { WorkflowStartPayload } from './outbox.js';
import { signalOnce, signalRequestId } from './signal-once.js';

/** How long one call to Temporal may take before the attempt counts as failed. */
const CALL_DEADLINE_MS = 10_000;
/** Back-off between attempts at one target: 1 s, 2 s, 4 s … at most a minute. */
const retryDelayMs = (attempts: number) => Math.min(1000 * 2 ** Math.max(0, attempts - 1), 60_000);
/**
 * A target that does not exist yet (a unit its batch is still starting) is tried this long; a
 * message to a workflow that never came is given up then, with the reason kept.
 */
const NOT_STARTED_PATIENCE_MS = 30 * 60_000;
const NOT_STARTED_RETRY_MS = 2000;

type Attempt =
  { outcome: OutboxOutcome; error?: string } | { retry: true; error: string; notStarted?: boolean };

/**
 * Delivers the outbox to Temporal: each target workflow's messages in the order they were
 * written, until Temporal has each (a signal accepted, a start done or found done), also after a
 * restart; a failed attempt is retried with back-off, and later messages to the same target wait.
 * The action that wrote a message asks for it at once (`deliver`), so a caller normally gets its
 * answer after the workflow has it; a poll every `outboxPollMs` picks up the rest. Messages carry
 * their row id as the action's ID: the workflows ignore a repeated delivery, and the signal's
 * request ID is the same at every attempt, so the Temporal server records it once.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('OutboxRelay');
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.outboxPollMs > 0;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    const schedule = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.polling = this.poll()
          .catch((err: unknown) => this.log.warn(`Outbox poll failed: ${String(err)}`))
          .finally(schedule);
      }, this.config.outboxPollMs);
    };
    schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.polling;
  }

  /**
   * Delivers these messages now (with whatever waits before them for the same target), within
   * `waitMs`: 'delivered' when each reached its workflow (or found it ended), 'pending' when the
   * relay goes on trying in the background.
   */
  async deliver(ids: readonly string[], waitMs = 5000): Promise<'delivered' | 'pending'> {
    if (ids.length === 0) return 'delivered';
    if (!this.enabled) return 'pending';
    const repo = this.dataSource.getRepository(OutboxMessage);
    const until = Date.now() + waitMs;
    const undelivered = () => repo.find({ where: { id: In([...ids]), deliveredAt: IsNull() } });
    const attempts = (async () => {
      // A target that does not exist yet (a unit its batch is starting) usually does in moments;
      // Temporal unreachable is left to the poll, so that the caller has its answer now.
      for (let left = await undelivered(); left.length > 0; left = await undelivered()) {
        // Targets are independent: each keeps its own order.
        const outcomes = await Promise.all(
          [...new Set(left.map((row) => row.workflowId))].map((workflowId) =>
            this.deliverTarget(workflowId, { force: true }),
          ),
        );
        if (outcomes.includes('failed') || Date.now() + 250 > until) return;
        await new Promise((r) => setTimeout(r, 250));
      }
    })().catch((err: unknown) => this.log.warn(`Outbox delivery failed: ${String(err)}`));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([attempts, new Promise((r) => (timer = setTimeout(r, waitMs)))]);
    clearTimeout(timer);
    return (await undelivered()).length === 0 ? 'delivered' : 'pending';
  }

  /** One pass over every target with a message due. */
  async poll(): Promise<void> {
    const rows: { workflow_id: string }[] = await this.dataSource.query(
      `SELECT workflow_id FROM workflow_outbox
        WHERE delivered_at IS NULL AND next_attempt_at <= now()
        GROUP BY workflow_id ORDER BY min(id) LIMIT 500`,
    );
    for (const row of rows) {
      if (this.stopped) return;
      await this.deliverTarget(row.workflow_id, { force: false });
    }
  }

  /** Undelivered messages of a campaign (the state's `deliveries`). */
  pendingCount(campaignId: string): Promise<number> {
    return this.dataSource
      .getRepository(OutboxMessage)
      .countBy({ campaignId, deliveredAt: IsNull() });
  }

  /** Delivers the target's messages in order; says how the first one not delivered failed. */
  private async deliverTarget(
    workflowId: string,
    options: { force: boolean },
  ): Promise<'done' | 'busy' | 'not_started' | 'failed'> {
    return this.dataSource.transaction(async (manager) => {
      // One deliverer per target at a time, in every API process: messages keep their order. A
      // target another deliverer holds is left to it (it delivers what is due, in order).
      const [lock] = await manager.query<{ locked: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
        [workflowId],
      );
      if (!lock?.locked) return 'busy';
      const rows = await manager.find(OutboxMessage, {
        where: { workflowId, deliveredAt: IsNull() },
        order: { id: 'ASC' },
      });
      for (const row of rows) {
        if (!options.force && row.nextAttemptAt.getTime() > Date.now()) return 'done';
        const attempt = await this.attempt(row);
        if ('outcome' in attempt) {
          await this.finish(manager, row, attempt.outcome, attempt.error ?? null);
          if (attempt.error) this.log.warn(`${row.action} for ${workflowId}: ${attempt.error}`);
          continue;
        }
        const attempts = row.attempts + 1;
        if (attempt.notStarted && Date.now() - row.createdAt.getTime() > NOT_STARTED_PATIENCE_MS) {
          await this.finish(manager, row, 'not_running', attempt.error);
          this.log.warn(`${row.action} for ${workflowId} given up: ${attempt.error}`);
          continue;
        }
        await manager.update(
          OutboxMessage,
          { id: row.id },
          {
            attempts,
            lastError: attempt.error.slice(0, 2000),
            // A target still starting comes in moments; Temporal away gets the back-off.
            nextAttemptAt: new Date(
              Date.now() + (attempt.notStarted ? NOT_STARTED_RETRY_MS : retryDelayMs(attempts)),
            ),
          },
        );
        return attempt.notStarted ? 'not_started' : 'failed'; // later messages wait for it
      }
      return 'done';
    });
  }

  private async finish(
    manager: EntityManager,
    row: OutboxMessage,
    outcome: OutboxOutcome,
    error: string | null,
  ): Promise<void> {
    await manager.update(
      OutboxMessage,
      { id: row.id },
      {
        deliveredAt: new Date(),
        outcome,
        attempts: row.attempts + 1,
        ...(error !== null && { lastError: error.slice(0, 2000) }),
      },
    );
  }

  private async attempt(row: OutboxMessage): Promise<Attempt> {
    // Never wait on Temporal without a limit: the target's lock and a database connection are
    // held meanwhile.
    const within = <T>(call: () => Promise<T>) =>
      this.temporal.connection.withDeadline(Date.now() + CALL_DEADLINE_MS, call);
    const handle = this.temporal.workflow.getHandle(row.workflowId);
    try {
      await within(() => this.send(row));
      return { outcome: 'delivered' };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        // Started by an earlier attempt whose answer was lost: done, if it is this campaign's.
        const memo = await within(() => handle.describe()).then(
          (d) => d.memo ?? {},
          () => null,
        );
        if (memo === null) return { retry: true, error: message };
        return memo.campaignId === row.campaignId
          ? { outcome: 'delivered' }
          : { outcome: 'refused', error: `another workflow holds the ID: ${message}` };
      }
      if (err instanceof WorkflowNotFoundError) {
        const status = await within(() => handle.describe()).then(
          (d) => d.status.name,
          () => null,
        );
        if (status && status !== 'RUNNING') return { outcome: 'workflow_ended' };
        // Not started yet (a unit whose batch has not reached it): it comes, or it never will.
        return { retry: true, error: message, notStarted: true };
      }
      return { retry: true, error: message };
    }
  }

  private async send(row: OutboxMessage): Promise<void> {
    if (row.kind === 'start') {
      const start = row.payload as WorkflowStartPayload;
      await this.temporal.workflow.start(row.name, {
        workflowId: row.workflowId,
        taskQueue: start.taskQueue,
        args: start.args,
        typedSearchAttributes: [{ key: CAMPAIGN_YEAR, value: start.year }],
        staticSummary: start.summary,
        memo: { campaignId: row.campaignId },
      });
    } else {
      await signalOnce(this.temporal, {
        workflowId: row.workflowId,
        name: row.name,
        arg: { ...row.payload, actionId: row.id },
        requestId: signalRequestId(row.campaignId, row.id),
      });
    }
  }
}
