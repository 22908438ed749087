/**
 * A time-skipping Temporal test server whose clock starts at a given instant (libfaketime), as in
 * test/support/plan-clock.ts. Copied rather than imported: the bench runs compiled under
 * dist/bench/, where scripts/launcher/project-root.ts would not find the repository's root, so
 * this file finds the root (and .tools/) itself.
 */
import { accessSync, chmodSync, constants, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestWorkflowEnvironment } from '@temporalio/testing';

const INSTALL_HINT =
  'Install it with `npm run setup:temporal`, or set TEMPORAL_TEST_SERVER_PATH / LIBFAKETIME_PATH.';

/** The repository's root: the first folder upwards whose package.json is this project's. */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'par-index-campaign') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('bench: the repository root was not found');
    dir = parent;
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** TEMPORAL_TEST_SERVER_PATH, then .tools/venv/bin (npm run setup:temporal), then PATH. */
function findTestServer(): string {
  const fromEnv = process.env.TEMPORAL_TEST_SERVER_PATH?.trim();
  const candidates = fromEnv
    ? [path.resolve(fromEnv)]
    : [
        path.join(repoRoot(), '.tools', 'venv', 'bin', 'temporal-test-server'),
        ...(process.env.PATH ?? '')
          .split(path.delimiter)
          .map((dir) => path.join(dir, 'temporal-test-server')),
      ];
  const found = candidates.find((file) => path.isAbsolute(file) && isExecutable(file));
  if (!found)
    throw new Error(`The Temporal time-skipping test server was not found. ${INSTALL_HINT}`);
  return found;
}

/** LIBFAKETIME_PATH, the PyPI wheel in .tools/, or Debian's. */
function findLibfaketime(): string {
  const candidates: string[] = [];
  if (process.env.LIBFAKETIME_PATH) candidates.push(process.env.LIBFAKETIME_PATH);
  const lib = path.join(repoRoot(), '.tools', 'venv', 'lib');
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

/** A time-skipping server whose clock starts at `start` and runs (and skips) from there. */
export async function startTimeSkippingServerAt(start: Date): Promise<{
  env: TestWorkflowEnvironment;
  teardown(): Promise<void>;
}> {
  const binary = findTestServer();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'par-bench-clock-'));
  const wrapper = path.join(dir, 'temporal-test-server');
  const stamp = start
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '');
  writeFileSync(
    wrapper,
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
  chmodSync(wrapper, 0o755);
  try {
    const env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: wrapper } },
    });
    return {
      env,
      teardown: async () => {
        try {
          await env.teardown();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
