import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ManagedProcess } from './processes.js';

// The built launcher, as `npm start` runs it: the reporter is preloaded from dist/.
const { startProcess, stopProcess } = (await import(
  pathToFileURL(path.resolve(import.meta.dirname, '../dist/processes.js')).href
)) as typeof import('./processes.js');

const script = path.join(os.tmpdir(), `talkoot-memory-report-child-${process.pid}.mjs`);
fs.writeFileSync(script, 'setInterval(() => {}, 1000);\nprocess.on("SIGTERM", () => process.exit(0));\n');

async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('memory reports for the benchmark (MEMORY_REPORT_DIR)', () => {
  let child: ManagedProcess | undefined;
  let dir: string | undefined;

  afterAll(() => fs.rmSync(script, { force: true }));

  afterEach(async () => {
    if (child) await stopProcess(child, 5_000);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes each process its heap figures and a heap snapshot on SIGUSR2, on no port', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talkoot-memory-report-'));
    child = startProcess('portal', script, { ...process.env, MEMORY_REPORT_DIR: dir }, 64, 16);
    const report = path.join(dir, 'portal.json');
    await waitFor(() => fs.existsSync(report), 'the first report');
    const figures = JSON.parse(fs.readFileSync(report, 'utf8'));
    expect(figures.pid).toBe(child.child.pid);
    expect(figures.heapUsed).toBeGreaterThan(0);
    expect(figures.rss).toBeGreaterThan(figures.heapUsed);
    // The launcher's ceilings apply: 64 MB of old space and three 16 MB semi-spaces of young
    // generation (Node's own default would allow 3 × 64 MB of young generation).
    expect(figures.heapLimit / 2 ** 20).toBe(64 + 3 * 16);

    child.child.kill('SIGUSR2');
    await waitFor(() => fs.existsSync(path.join(dir!, 'portal-1.heapsnapshot')), 'the heap snapshot', 60_000);
    expect(child.child.exitCode).toBeNull();
  }, 90_000);

  it('is not loaded without the variable: SIGUSR2 keeps its default meaning', async () => {
    const env = { ...process.env };
    delete env.MEMORY_REPORT_DIR;
    child = startProcess('portal', script, env);
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.child.kill('SIGUSR2');
    await child.exited;
    expect(child.child.signalCode).toBe('SIGUSR2');
  });
});
