import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Supervisor } from '../../scripts/launcher/supervisor.js';

/** Running, not a zombie waiting to be reaped by whichever process adopted it. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('the run command supervisor', () => {
  it('stops a process and everything it spawned, even one that ignores SIGTERM', async () => {
    const unexpected: string[] = [];
    const supervisor = new Supervisor((name) => unexpected.push(name));
    // A parent that ignores SIGTERM and starts a grandchild that does too.
    const script = `
      const { spawn } = require('node:child_process');
      process.on('SIGTERM', () => {});
      const child = spawn(process.execPath, ['-e', "process.on('SIGTERM',()=>{}); setInterval(()=>{},1000)"], { stdio: 'ignore' });
      console.log('grandchild ' + child.pid);
      setInterval(() => {}, 1000);
    `;
    const managed = supervisor.start('stubborn', process.execPath, ['-e', script], {
      readyLine: /^grandchild \d+/,
    });
    const grandchildPid = Number((await managed.ready).split(' ')[1]);
    const parentPid = managed.child.pid!;
    expect(isAlive(parentPid)).toBe(true);
    expect(isAlive(grandchildPid)).toBe(true);

    await supervisor.stopAll(500);
    await new Promise((r) => setTimeout(r, 100));

    expect(isAlive(parentPid)).toBe(false);
    expect(isAlive(grandchildPid)).toBe(false);
    expect(unexpected).toEqual([]);
  });

  it('reports a process that dies on its own', async () => {
    const unexpected: string[] = [];
    const supervisor = new Supervisor((name, code) => unexpected.push(`${name}:${code}`));
    const managed = supervisor.start('crasher', process.execPath, ['-e', 'process.exit(3)']);
    await managed.exited;
    await new Promise((r) => setTimeout(r, 10));
    expect(unexpected).toEqual(['crasher:3']);
    await supervisor.stopAll(100);
  });
});
