import path from 'node:path';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../../src/contracts/search-attributes.js';
import type { Supervisor } from './supervisor.js';
import { findTemporalCli, INSTALL_HINT } from './temporal-binaries.js';

export interface DevServerSettings {
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
}

const TYPE_NAMES: Record<string, string> = {
  TEXT: 'Text',
  KEYWORD: 'Keyword',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};

/**
 * Starts the Temporal dev server (SQLite under the data folder, Web UI, the project's search
 * attributes). Uses the CLI found on this machine; without one it falls back to the SDK's own
 * download, which needs internet, and otherwise fails with how to install it.
 * Returns a stop function for the fallback (the supervisor stops a spawned CLI itself).
 */
export async function startTemporalDevServer(
  supervisor: Supervisor,
  settings: DevServerSettings,
): Promise<{ stop?: () => Promise<void> }> {
  const dbFilename = path.join(settings.dataDir, 'temporal.db');
  const cli = findTemporalCli();
  if (cli) {
    supervisor.start('temporal', cli, [
      'server',
      'start-dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(settings.port),
      '--ui-port',
      String(settings.uiPort),
      '--db-filename',
      dbFilename,
      '--namespace',
      settings.namespace,
      '--log-level',
      'error',
      '--ui-disable-news-fetch',
      ...SEARCH_ATTRIBUTES.flatMap((key) => [
        '--search-attribute',
        `${key.name}=${TYPE_NAMES[key.type]}`,
      ]),
    ]);
    await waitForTemporal(`127.0.0.1:${settings.port}`, 60_000);
    return {};
  }

  console.log('[temporal] no Temporal CLI found on this machine; trying the SDK download…');
  try {
    const { TestWorkflowEnvironment } = await import('@temporalio/testing');
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'cached-download' },
        ip: '127.0.0.1',
        port: settings.port,
        ui: true,
        uiPort: settings.uiPort,
        dbFilename,
        namespace: settings.namespace,
        searchAttributes: SEARCH_ATTRIBUTES,
        extraArgs: ['--ui-disable-news-fetch'],
      },
    });
    return { stop: () => env.teardown() };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `The Temporal CLI is not installed and could not be downloaded (${reason}). ${INSTALL_HINT}`,
      { cause: err },
    );
  }
}

/** Waits until the frontend answers a real RPC, not merely until the port is open. */
export async function waitForTemporal(address: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2000 });
      await connection.close();
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(
    `Temporal at ${address} did not answer within ${timeoutMs} ms: ${String(lastError)}`,
  );
}
