import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from '@temporalio/client';
import type { Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { MAIL_TRANSPORT, TEMPORAL_PROBE } from '../tokens.js';
import { CachedCheck } from './cached-check.js';
import { checkFailure, CheckTimeoutError } from './check-failure.js';

export type DependencyName = 'database' | 'temporal' | 'smtp';

export interface DependencyHealth {
  status: 'up' | 'down';
  /** Round-trip time of the check. */
  latencyMs: number;
  /** When the check ran (SMTP's result is reused for a while). */
  checkedAt: string;
  /** Why it is down, when it is: a stable reason, and the same in Vietnamese. */
  reason?: string;
  error?: string;
}

/**
 * ok: every dependency answers; degraded: the API serves requests, but SMTP (only the worker's
 * e-mails need it) does not answer; unavailable: PostgreSQL or Temporal does not answer.
 */
export type ReadinessStatus = 'ok' | 'degraded' | 'unavailable';

export interface ReadinessReport {
  status: ReadinessStatus;
  /** Dependencies the API cannot serve without, that are down. */
  down: DependencyName[];
  /** Dependencies that are down without stopping the API. */
  degraded: DependencyName[];
  checks: Record<DependencyName, DependencyHealth>;
}

/** Each check gets this long before it counts as down (a readiness probe must answer fast). */
const CHECK_TIMEOUT_MS = 2000;
/** SMTP is checked by opening a connection: at most once a minute. */
const SMTP_CHECK_TTL_MS = 60_000;

async function timed(check: () => Promise<unknown>): Promise<DependencyHealth> {
  const started = Date.now();
  const checkedAt = new Date(started).toISOString();
  let timer: NodeJS.Timeout | undefined;
  const running = check();
  // A check that loses the race may still fail later (e.g. when the app closes its connections).
  running.catch(() => undefined);
  try {
    await Promise.race([
      running,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new CheckTimeoutError()), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Date.now() - started, checkedAt };
  } catch (err) {
    return { status: 'down', latencyMs: Date.now() - started, checkedAt, ...checkFailure(err) };
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class HealthService {
  private readonly smtp: CachedCheck<DependencyHealth>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_PROBE) private readonly temporal: Connection,
    @Inject(MAIL_TRANSPORT) mail: Transporter,
  ) {
    this.smtp = new CachedCheck(() => timed(() => mail.verify()), SMTP_CHECK_TTL_MS);
  }

  async readiness(): Promise<ReadinessReport> {
    const [database, temporal, smtp] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1')),
      timed(() =>
        this.temporal.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
          this.temporal.workflowService.getSystemInfo({}),
        ),
      ),
      this.smtp.get(),
    ]);
    const down = (['database', 'temporal'] as const).filter(
      (name) => ({ database, temporal })[name].status === 'down',
    );
    const degraded: DependencyName[] = smtp.status === 'down' ? ['smtp'] : [];
    const status = down.length > 0 ? 'unavailable' : degraded.length > 0 ? 'degraded' : 'ok';
    return { status, down, degraded, checks: { database, temporal, smtp } };
  }
}
