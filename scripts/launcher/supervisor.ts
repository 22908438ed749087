import { type ChildProcess, spawn } from 'node:child_process';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the first output line that matches `readyLine`, if one was given. */
  ready: Promise<string>;
  /** Resolves with the exit code (or signal) when the process has ended. */
  exited: Promise<number | string>;
}

/**
 * Starts and stops the run command's processes. Each child runs in its own process group, so a
 * Ctrl-C in the terminal reaches only the launcher, which then stops the children in order and
 * kills any group that does not end in time: nothing is left behind.
 */
export class Supervisor {
  private readonly processes: ManagedProcess[] = [];
  private stopping = false;

  constructor(private readonly onUnexpectedExit: (name: string, code: number | string) => void) {}

  start(
    name: string,
    command: string,
    args: string[],
    options: { env?: NodeJS.ProcessEnv; cwd?: string; readyLine?: RegExp } = {},
  ): ManagedProcess {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let onReady: (line: string) => void = () => undefined;
    const ready = new Promise<string>((resolve) => (onReady = resolve));
    const onLine = (line: string) => {
      if (options.readyLine?.test(line)) onReady(line);
    };
    prefixLines(child.stdout, name, process.stdout, onLine);
    prefixLines(child.stderr, name, process.stderr, onLine);
    const exited = new Promise<number | string>((resolve) => {
      child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
      child.once('error', (err) => {
        process.stderr.write(`[${name}] could not start: ${err.message}\n`);
        resolve('spawn-error');
      });
    });
    const managed = { name, child, ready, exited };
    this.processes.push(managed);
    void exited.then((code) => {
      if (!this.stopping) this.onUnexpectedExit(name, code);
    });
    return managed;
  }

  /** Stops every process, last started first: SIGTERM, then SIGKILL to the group after a grace period. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    for (const managed of [...this.processes].reverse()) {
      await stopProcess(managed, graceMs);
    }
  }
}

async function stopProcess({ child, exited }: ManagedProcess, graceMs: number): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(true), graceMs)),
    ]);
    if (timedOut) killGroup(pid, 'SIGKILL');
  }
  // Whatever the process left in its group (e.g. a server it spawned) goes with it.
  killGroup(pid, 'SIGKILL');
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function prefixLines(
  stream: NodeJS.ReadableStream | null,
  name: string,
  out: NodeJS.WritableStream,
  onLine: (line: string) => void,
): void {
  if (!stream) return;
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      out.write(`[${name}] ${line}\n`);
      onLine(line);
    }
  });
  stream.on('end', () => {
    if (buffer) out.write(`[${name}] ${buffer}\n`);
  });
}
