/**
 * The run command (`npm run dev`): starts whatever is not configured — PostgreSQL, the Temporal
 * dev server with its Web UI, a mail catcher with a web inbox — then the worker and the API, and
 * prints where each one is. Data lives under .data/, so a restart resumes where it stopped.
 * Ctrl-C (SIGINT) or SIGTERM stops everything it started.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEFAULTS, loadConfig } from '../src/config.js';
import { POSTGRES_PROCESS_SCRIPT } from './launcher/embedded-postgres.js';
import { isPortFree, waitForPort } from './launcher/ports.js';
import { PROJECT_ROOT } from './launcher/project-root.js';
import { Supervisor } from './launcher/supervisor.js';
import { startTemporalDevServer, waitForTemporal } from './launcher/temporal-dev-server.js';
import { WORKER_ENV, WORKER_NODE_FLAGS } from '../src/worker/worker-memory.js';
import { hasAccounts } from '../src/api/accounts/first-admin.js';
import { createDataSource } from '../src/db/data-source.js';

const EMBEDDED = {
  postgresPort: 5433,
  temporalPort: 7233,
  temporalUiPort: 8233,
  smtpPort: 1025,
  inboxPort: 1080,
} as const;

const dataDir = path.join(PROJECT_ROOT, '.data');
const distDir = path.join(PROJECT_ROOT, 'dist');
const node = process.execPath;
const env: NodeJS.ProcessEnv = { ...process.env };
const links: [string, string][] = [];
const cleanups: (() => Promise<void>)[] = [];
let shuttingDown = false;

const supervisor = new Supervisor((name, code) => {
  console.error(`\n${name} stopped unexpectedly (exit ${code}); stopping everything.`);
  void shutdown(1);
});

async function shutdown(exitCode: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log('\nStopping…');
  await supervisor.stopAll();
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  console.log('Stopped.');
  process.exit(exitCode);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function requireFreePort(port: number, what: string, variable: string): Promise<void> {
  if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port} (${what}) is already in use. Stop what listens there, or set ${variable} to use your own.`,
    );
  }
}

async function retry(what: string, timeoutMs: number, attempt: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`${what}: ${String(err)}`, { cause: err });
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function startPostgres(): Promise<void> {
  if (process.env.DATABASE_URL) {
    links.push(['PostgreSQL', '(configured) DATABASE_URL']);
    return;
  }
  await requireFreePort(EMBEDDED.postgresPort, 'embedded PostgreSQL', 'DATABASE_URL');
  const url = DEFAULTS.databaseUrl; // postgres:postgres@127.0.0.1:5433/par: what the helper creates
  const postgres = supervisor.start(
    'postgres',
    node,
    [
      POSTGRES_PROCESS_SCRIPT,
      path.join(dataDir, 'postgres'),
      String(EMBEDDED.postgresPort),
      new URL(url).pathname.slice(1),
      '1',
    ],
    { readyLine: /^ready / },
  );
  await withTimeout(postgres.ready, 60_000, 'embedded PostgreSQL did not start');
  env.DATABASE_URL = url;
  links.push(['PostgreSQL', `${url} (embedded, data in .data/postgres)`]);
}

async function startTemporal(): Promise<void> {
  if (process.env.TEMPORAL_ADDRESS) {
    await waitForTemporal(process.env.TEMPORAL_ADDRESS, 30_000);
    links.push(['Temporal', `${process.env.TEMPORAL_ADDRESS} (configured)`]);
    return;
  }
  await requireFreePort(EMBEDDED.temporalPort, 'Temporal dev server', 'TEMPORAL_ADDRESS');
  await requireFreePort(EMBEDDED.temporalUiPort, 'Temporal Web UI', 'TEMPORAL_ADDRESS');
  const temporalDir = path.join(dataDir, 'temporal');
  mkdirSync(temporalDir, { recursive: true });
  const { stop } = await startTemporalDevServer(supervisor, {
    dataDir: temporalDir,
    port: EMBEDDED.temporalPort,
    uiPort: EMBEDDED.temporalUiPort,
    namespace: loadConfig(env).temporalNamespace,
  });
  if (stop) cleanups.push(stop);
  env.TEMPORAL_ADDRESS = `127.0.0.1:${EMBEDDED.temporalPort}`;
  links.push(['Temporal', `${env.TEMPORAL_ADDRESS} (dev server, data in .data/temporal)`]);
  links.push(['Temporal Web UI', `http://127.0.0.1:${EMBEDDED.temporalUiPort}`]);
}

async function startMailCatcher(): Promise<void> {
  if (process.env.SMTP_URL) {
    links.push(['SMTP', '(configured) SMTP_URL']);
    return;
  }
  await requireFreePort(EMBEDDED.smtpPort, 'MailDev SMTP', 'SMTP_URL');
  await requireFreePort(EMBEDDED.inboxPort, 'MailDev web inbox', 'SMTP_URL');
  const mailDir = path.join(dataDir, 'mail');
  mkdirSync(mailDir, { recursive: true });
  supervisor.start('maildev', node, [
    path.join(PROJECT_ROOT, 'node_modules/maildev/dist/bin/maildev.js'),
    '--smtp',
    String(EMBEDDED.smtpPort),
    '--web',
    String(EMBEDDED.inboxPort),
    '--ip',
    '127.0.0.1',
    '--web-ip',
    '127.0.0.1',
    '--mail-directory',
    mailDir,
  ]);
  await waitForPort(EMBEDDED.smtpPort);
  await waitForPort(EMBEDDED.inboxPort);
  env.SMTP_URL = `smtp://127.0.0.1:${EMBEDDED.smtpPort}`;
  links.push(['SMTP', `${env.SMTP_URL} (MailDev)`]);
  links.push(['Web inbox', `http://127.0.0.1:${EMBEDDED.inboxPort}`]);
}

async function waitForHealthyApi(port: number): Promise<void> {
  await retry('the API did not become healthy', 60_000, async () => {
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    if (res.status !== 200) throw new Error(`/health answered ${res.status}: ${await res.text()}`);
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(dataDir, { recursive: true });
  const config = loadConfig(); // fails early, naming a malformed variable
  await requireFreePort(config.port, 'API', 'PORT');

  // Independent services start together; the worker needs Temporal, the API everything.
  await Promise.all([startPostgres(), startTemporal(), startMailCatcher()]);

  const worker = supervisor.start(
    'worker',
    node,
    [...WORKER_NODE_FLAGS, path.join(distDir, 'worker.js')],
    {
      env: { ...WORKER_ENV, ...env },
      readyLine: /polling task queue/,
    },
  );
  supervisor.start('api', node, [path.join(distDir, 'server.js')], { env });
  await Promise.all([
    withTimeout(worker.ready, 60_000, 'the worker did not start polling'),
    waitForHealthyApi(config.port),
  ]);

  const api = `http://127.0.0.1:${config.port}`;
  links.push(['API', api], ['OpenAPI docs', `${api}/docs`], ['Health', `${api}/health`]);
  const width = Math.max(...links.map(([name]) => name.length));
  console.log(`\nReady in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
  for (const [name, where] of links) console.log(`  ${name.padEnd(width)}  ${where}`);
  await printFirstAdminHint();
  console.log('\nCtrl-C stops everything.\n');
}

/** With no account yet, nobody can sign in: say the one command that makes the first admin. */
async function printFirstAdminHint(): Promise<void> {
  const dataSource = createDataSource(loadConfig(env).databaseUrl);
  try {
    await dataSource.initialize();
    if (await hasAccounts(dataSource)) return;
    console.log('\nNo account yet. Create the first admin (it prints a link to set the password):');
    console.log('  npm run account:admin -- you@example.gov.vn "Họ và tên"');
  } catch (err) {
    console.log(
      `\n(Could not check for accounts: ${err instanceof Error ? err.message : String(err)})`,
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

main().catch(async (err: unknown) => {
  console.error(`\nCould not start: ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
});
