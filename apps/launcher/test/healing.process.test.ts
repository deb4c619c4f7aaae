// Issue 16 from outside, as an operator would see it: the product started as `npm start` starts
// it, a burst of digest confirmation mails through the public origin, and `kill -9` of the worker
// and then of the api in the middle of a burst. The launcher brings the killed process back while
// the others keep serving; every mail arrives once per Message-ID in the developer mailbox.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
let launcher: ChildProcess;
let redis: ChildProcess | undefined;
let redisPort = 0;
let dataDir: string;
let baseUrl: string;
let output = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${output.slice(-3000)}`);
}

function pidOf(name: string): number {
  const matches = [...output.matchAll(new RegExp(`\\[talkoot\\] ${name} (?:started|restarted) \\(pid (\\d+)\\)`, 'g'))];
  return Number(matches.at(-1)?.[1] ?? 0);
}

// Debian's redis-server (tools/test-setup.mjs installs it), on loopback, nothing kept on disk.
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  await waitFor(
    () =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.end();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      }),
    10_000,
    'redis-server to listen',
  );
  return child;
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

interface DevMail {
  to: string;
  headers: Record<string, string>;
}

function readMailbox(): DevMail[] {
  const mailDir = path.join(dataDir, 'mail');
  if (!fs.existsSync(mailDir)) return [];
  return fs
    .readdirSync(mailDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(fs.readFileSync(path.join(mailDir, name), 'utf8')) as DevMail);
}

// Asks for the event letter until the api accepts (202); a 503 or a refused connection while the
// api restarts is what a person's browser would see, and they would send the form again.
async function subscribe(email: string): Promise<{ refused: number }> {
  let refused = 0;
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/api/digest-subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, language: 'fi', frequency: 'weekly' }),
      });
      if (response.status === 202) return { refused };
      if (response.status !== 503) throw new Error(`${email}: ${response.status} ${await response.text()}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith(email)) throw error;
    }
    refused += 1;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// A burst of `count` letters from 10 clients at once; `onProgress` runs once a third is accepted.
async function sendBurst(
  label: string,
  count: number,
  onProgress: () => void,
): Promise<{ addresses: string[]; refused: number }> {
  const addresses = Array.from({ length: count }, (_, index) => `${label}-${index}@heal.example`);
  let next = 0;
  let accepted = 0;
  let refused = 0;
  let hasFired = false;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < addresses.length) {
        const result = await subscribe(addresses[next++]!);
        refused += result.refused;
        accepted += 1;
        if (!hasFired && accepted >= count / 3) {
          hasFired = true;
          onProgress();
        }
      }
    }),
  );
  return { addresses, refused };
}

function expectEachOnce(addresses: string[]): void {
  const mails = readMailbox().filter((mail) => addresses.some((address) => mail.to.includes(address)));
  const messageIds = mails.map((mail) => mail.headers['Message-ID']);
  expect(new Set(messageIds).size).toBe(messageIds.length);
  for (const address of addresses)
    expect(
      mails.some((mail) => mail.to.includes(address)),
      address,
    ).toBe(true);
}

beforeAll(async () => {
  redisPort = await freePort();
  redis = await startRedis(redisPort);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'talkoot-healing-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_ORIGIN: baseUrl,
    DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    API_PORT: String(await freePort()),
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    OUTBOX_POLL_MS: '200',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  launcher = spawn(process.execPath, ['apps/launcher/dist/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  launcher.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(() => output.includes('Talkoot is running'), 90_000, 'the product to start');
});

afterAll(async () => {
  if (launcher && launcher.exitCode === null) {
    const exited = new Promise((resolve) => launcher.once('exit', resolve));
    launcher.kill('SIGTERM');
    const timer = setTimeout(() => launcher.kill('SIGKILL'), 40_000);
    await exited;
    clearTimeout(timer);
  }
  await stopChild(redis);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('one box healing itself', () => {
  it('brings a killed worker back within seconds; the api keeps accepting; every mail arrives once', async () => {
    const workerPid = pidOf('worker');
    const apiPid = pidOf('api');
    let killedAt = 0;
    const sending = sendBurst('worker-killed', 120, () => {
      killedAt = Date.now();
      process.kill(workerPid, 'SIGKILL');
    });
    await waitFor(() => killedAt > 0 && pidOf('worker') !== workerPid, 20_000, 'the worker to be restarted');
    const restartedAt = Date.now();
    expect(restartedAt - killedAt).toBeLessThan(5_000);
    const burst = await sending;
    // The api never stopped: no request of the burst was refused.
    expect(burst.refused).toBe(0);
    expect(pidOf('api')).toBe(apiPid);
    await waitFor(
      () => burst.addresses.every((address) => readMailbox().some((mail) => mail.to.includes(address))),
      Math.max(0, restartedAt + 15_000 - Date.now()),
      'every mail of the burst within 15 s of the restart',
    );
    expectEachOnce(burst.addresses);
    // The figures docs/ARCHITECTURE.md quotes.
    console.log(`restart ${restartedAt - killedAt} ms after the kill; burst delivered ${Date.now() - restartedAt} ms after it`);
  });

  it('brings a killed api back within seconds while the portal and the worker keep serving', async () => {
    const apiPid = pidOf('api');
    const workerPid = pidOf('worker');
    let killedAt = 0;
    let portalAnsweredDuringOutage: number | undefined;
    const sending = sendBurst('api-killed', 120, () => {
      killedAt = Date.now();
      process.kill(apiPid, 'SIGKILL');
      // The public origin answers at once while the api is away: "not ready", not a hang.
      void fetch(`${baseUrl}/api/readyz`).then((response) => (portalAnsweredDuringOutage = response.status));
    });
    await waitFor(() => killedAt > 0 && pidOf('api') !== apiPid, 20_000, 'the api to be restarted');
    const restartedAt = Date.now();
    expect(restartedAt - killedAt).toBeLessThan(5_000);
    const burst = await sending;
    await waitFor(() => portalAnsweredDuringOutage !== undefined, 5_000, 'the public origin to answer');
    expect([200, 503]).toContain(portalAnsweredDuringOutage);
    expect(pidOf('worker')).toBe(workerPid);
    await waitFor(
      () => burst.addresses.every((address) => readMailbox().some((mail) => mail.to.includes(address))),
      Math.max(0, restartedAt + 15_000 - Date.now()),
      'every mail of the burst within 15 s of the restart',
    );
    expectEachOnce(burst.addresses);
    // The figures docs/ARCHITECTURE.md quotes.
    console.log(`restart ${restartedAt - killedAt} ms after the kill; burst delivered ${Date.now() - restartedAt} ms after it`);
    const home = await fetch(`${baseUrl}/`);
    expect(home.status).toBe(200);
  });

  it('stays ready and keeps accepting writes while the queue store is down; readiness says so within a second', async () => {
    const healthy = await fetch(`${baseUrl}/api/readyz`);
    expect(healthy.status).toBe(200);
    await stopChild(redis);
    for (let probe = 0; probe < 3; probe += 1) {
      const started = Date.now();
      const response = await fetch(`${baseUrl}/api/readyz`);
      // Still in the load balancer (ADR 025): the outbox keeps what is asked until the store is back.
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'degraded', checks: { database: true, queue: false, draining: false } });
      expect(Date.now() - started).toBeLessThan(1_000);
    }
    const accepted = await fetch(`${baseUrl}/api/digest-subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'while-redis-away@heal.example', language: 'fi', frequency: 'weekly' }),
    });
    expect(accepted.status).toBe(202);
    expect(output).not.toMatch(/giving up on/);
    // Back on the same port, so the product stops cleanly afterwards.
    redis = await startRedis(redisPort);
    await waitFor(
      async () => ((await (await fetch(`${baseUrl}/api/readyz`)).json()) as { status: string }).status === 'ready',
      15_000,
      'the queue store to be reported back',
    );
    // What was asked while it was away is sent once it is back.
    await waitFor(
      () => readMailbox().some((mail) => mail.to.includes('while-redis-away@heal.example')),
      20_000,
      'the mail asked for while the queue store was down',
    );
  });
});
