import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from '@temporalio/client';
import type { Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { MAIL_TRANSPORT, TEMPORAL_PROBE } from '../tokens.js';

export type DependencyName = 'database' | 'temporal' | 'smtp';

export interface DependencyHealth {
  status: 'up' | 'down';
  /** Round-trip time of the check. */
  latencyMs: number;
  /** Why it is down, when it is. */
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  /** Names of the dependencies that are down, so the on-call engineer sees them first. */
  down: DependencyName[];
  checks: Record<DependencyName, DependencyHealth>;
}

/** Each check gets this long before it counts as down. */
const CHECK_TIMEOUT_MS = 3000;

async function timed(check: () => Promise<unknown>): Promise<DependencyHealth> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const running = check();
  // A check that loses the race may still fail later (e.g. when the app closes its connections).
  running.catch(() => undefined);
  try {
    await Promise.race([
      running,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    return { status: 'down', latencyMs: Date.now() - started, error };
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_PROBE) private readonly temporal: Connection,
    @Inject(MAIL_TRANSPORT) private readonly mail: Transporter,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, temporal, smtp] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1')),
      timed(() =>
        this.temporal.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
          this.temporal.workflowService.getSystemInfo({}),
        ),
      ),
      timed(() => this.mail.verify()),
    ]);
    const checks = { database, temporal, smtp };
    const down = (Object.keys(checks) as DependencyName[]).filter(
      (name) => checks[name].status === 'down',
    );
    return { status: down.length === 0 ? 'ok' : 'unavailable', down, checks };
  }
}
