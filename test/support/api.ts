import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { issueToken, type IssueTokenRequest } from '../../src/api/auth/issue-token.js';
import type { Clock } from '../../src/api/clock.js';
import { createApp } from '../../src/api/create-app.js';
import { loadConfig, type AppConfig } from '../../src/config.js';
import './provided.js';

export interface TestApi {
  app: INestApplication;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** The configuration of the real servers the global setup started. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({}),
    databaseUrl: inject('databaseUrl'),
    temporalAddress: inject('temporalAddress'),
    smtpUrl: inject('smtpUrl'),
    temporalTaskQueue: 'par-test',
    // Tests make many writes with one token in moments (the model test); the limit has its own
    // test (test/api/security-basics.test.ts).
    rateLimitWritesPerMinute: 0,
    ...overrides,
  };
}

/**
 * The real Nest app on a free port, against the run's PostgreSQL, Temporal and SMTP; with
 * `clock`, it decides at the instants that clock gives (a time-skipping server's).
 */
export async function startTestApi(
  overrides: Partial<AppConfig> = {},
  options: { clock?: Clock } = {},
): Promise<TestApi> {
  const app = await createApp(testConfig(overrides), {
    logger: false,
    ...(options.clock && { clock: options.clock }),
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, dataSource: app.get(DataSource), close: () => app.close() };
}

/** Issues a token as the `npm run token` command does. */
export async function tokenFor(
  dataSource: DataSource,
  request: IssueTokenRequest,
): Promise<string> {
  return (await issueToken(dataSource, request)).token;
}

/** fetch with a bearer token and JSON body; returns status and parsed body. */
export async function call(
  api: TestApi,
  method: string,
  path: string,
  options: {
    token?: string;
    body?: unknown;
    rawBody?: string;
    /** More request headers (a cookie, an Origin). */
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) {
    headers['content-type'] = 'application/json';
    body = options.rawBody;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(`${api.url}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed, headers: res.headers };
}
