// The supervisor with real child processes: a crash is restarted after its backoff, a process
// that keeps crashing is given up on (once, loudly), and a stop prevents any further restart.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ManagedProcess } from './processes.js';
import { Supervisor } from './supervisor.js';

function startNode(name: string, code: string): ManagedProcess {
  const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  return { name, child, exited };
}

const until = async (predicate: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('the launcher supervisor', () => {
  it('restarts a killed process and keeps it running', async () => {
    const lines: string[] = [];
    const supervisor = new Supervisor({
      say: (line) => lines.push(line),
      onGiveUp: () => lines.push('gave up'),
      backoffMs: [50],
    });
    let starts = 0;
    const first = supervisor.supervise('worker', () => {
      starts += 1;
      return startNode('worker', 'setInterval(() => {}, 1000)');
    });
    first.child.kill('SIGKILL');
    await until(() => starts === 2);
    expect(lines.join('\n')).toMatch(/worker stopped unexpectedly \(killed by SIGKILL\); the others keep serving/);
    expect(supervisor.current('worker')?.child.pid).not.toBe(first.child.pid);
    await supervisor.stop(['worker']);
    expect(supervisor.current('worker')?.child.exitCode ?? supervisor.current('worker')?.child.signalCode).not.toBeNull();
  });

  it('gives up once after more crashes than allowed within the window', async () => {
    const lines: string[] = [];
    const gaveUp: string[] = [];
    const supervisor = new Supervisor({
      say: (line) => lines.push(line),
      onGiveUp: (name) => gaveUp.push(name),
      backoffMs: [10],
      maxCrashes: 3,
      windowMs: 60_000,
    });
    let starts = 0;
    supervisor.supervise('api', () => {
      starts += 1;
      return startNode('api', 'process.exit(3)');
    });
    await until(() => gaveUp.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(starts).toBe(4);
    expect(gaveUp).toEqual(['api']);
    expect(lines.at(-1)).toMatch(/api stopped unexpectedly \(exit code 3\) 4 times within 60 s; giving up on it/);
  });

  it('does not restart anything after a stop', async () => {
    const supervisor = new Supervisor({ say: () => {}, onGiveUp: () => {}, backoffMs: [10] });
    let starts = 0;
    supervisor.supervise('portal', () => {
      starts += 1;
      return startNode('portal', 'setInterval(() => {}, 1000)');
    });
    await supervisor.stop(['portal']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(starts).toBe(1);
  });
});
