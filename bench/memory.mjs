// Memory soak benchmark (run with `pnpm bench:memory`, which builds first).
//
// Starts the product as `npm start` does (the launcher: embedded PostgreSQL, api, worker, portal,
// demo data) in a temp folder, drives a mix through the public origin with 20 clients for a while
// (public calendar pages in list and month view, event and venue pages, the region feed with and
// without If-None-Match, the home page, digest sign-ups that cause mail), samples the memory
// (PSS, i.e. RSS with shared pages divided among their sharers) of every process every 2 s, and prints start / peak / end per process and the growth
// per 1,000 requests after the warm-up. A measurement, not a test: it exits 0 whatever the figures.
//
//   node bench/memory.mjs [--duration=120] [--warmup=20] [--clients=20]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')));
const DURATION_S = Number(args.duration ?? 120);
const WARMUP_S = Number(args.warmup ?? 20);
const CLIENTS = Number(args.clients ?? 20);
const SAMPLE_MS = 2_000;
const TARGET_PEAK_MB = 300;
const TARGET_TOTAL_MB = 1024;
const log = (line) => process.stderr.write(`${line}\n`);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Memory in MB of a process and of all its descendants (PostgreSQL is a family of processes). PSS
// (proportional set size): shared pages are divided among the processes sharing them, so the
// family's shared buffers are counted once, not once per backend as summed RSS would.
function rssMb(pid, withChildren = false) {
  const own = (() => {
    try {
      const line = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
      return line ? Number(line[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  })();
  if (!withChildren) return own;
  let children = [];
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    children = [];
  }
  return own + children.reduce((sum, child) => sum + rssMb(child, true), 0);
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'talkoot-memory-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_ORIGIN: base,
    DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    API_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    SIGN_IN_RATE_LIMIT_SCALE: '1000',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.SMTP_URL;
  log(`memory benchmark: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}; starting the product…`);
  let output = '';
  const launcher = spawn(process.execPath, ['apps/launcher/dist/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  launcher.stdout.on('data', (chunk) => (output += chunk));
  launcher.stderr.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (launcher.exitCode === null) {
      const exited = new Promise((resolve) => launcher.once('exit', resolve));
      launcher.kill('SIGTERM');
      const timer = setTimeout(() => launcher.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => void stop().finally(() => process.exit(130)));
  try {
    const started = Date.now();
    while (!output.includes('Talkoot is running')) {
      if (launcher.exitCode !== null || Date.now() - started > 180_000) throw new Error(`the product did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const pidOf = (name) =>
      Number([...output.matchAll(new RegExp(`${name} (?:started|restarted) \\(pid (\\d+)\\)`, 'g'))].at(-1)?.[1]);
    const postgresPid = Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const processes = [
      { name: 'api', pid: pidOf('api') },
      { name: 'worker', pid: pidOf('worker') },
      { name: 'portal', pid: pidOf('portal') },
      { name: 'PostgreSQL (all its processes)', pid: postgresPid, family: true },
    ];
    log(`running at ${base}: ${processes.map((p) => `${p.name} ${p.pid}`).join(', ')}`);

    // What people and calendar apps ask for.
    const calendar = await (await fetch(`${base}/api/calendar`)).json();
    const eventIds = [...new Set((calendar.items ?? []).map((item) => item.eventId))].slice(0, 20);
    const venues = await (await fetch(`${base}/api/venues`)).json().catch(() => ({}));
    const venueIds = (venues.items ?? venues.venues ?? []).map((venue) => venue.id).slice(0, 10);
    const feed = await fetch(`${base}/feeds/calendar.ics`);
    const feedEtag = feed.headers.get('etag');
    await feed.arrayBuffer();
    const month = new Date().toISOString().slice(0, 7);
    let signUps = 0;
    const mix = [
      () => `/`,
      () => `/calendar`,
      () => `/calendar?view=month&month=${month}`,
      () => `/calendar?view=month&month=${month}&lang=sv`,
      () => (eventIds.length ? `/events/${eventIds[Math.floor(Math.random() * eventIds.length)]}` : '/calendar'),
      () => `/venues`,
      () => (venueIds.length ? `/venues/${venueIds[Math.floor(Math.random() * venueIds.length)]}` : '/venues'),
      () => ({ path: '/feeds/calendar.ics', headers: { 'accept-encoding': 'gzip' } }),
      () => ({ path: '/feeds/calendar.ics', headers: { 'if-none-match': feedEtag ?? '' } }),
      () => ({
        path: '/api/digest-subscriptions',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `soak-${++signUps}@memory.example`, language: 'fi', frequency: 'weekly' }),
      }),
    ];

    let requests = 0;
    let failures = 0;
    const statuses = new Map();
    const samples = [];
    const sample = () =>
      samples.push({
        at: Date.now(),
        requests,
        rss: processes.map((p) => rssMb(p.pid, p.family)),
      });
    sample();
    const sampler = setInterval(sample, SAMPLE_MS);
    const end = Date.now() + (WARMUP_S + DURATION_S) * 1000;
    const warmEnd = Date.now() + WARMUP_S * 1000;
    let warmSampleIndex = -1;
    const warmWatch = setInterval(() => {
      if (warmSampleIndex < 0 && Date.now() >= warmEnd) warmSampleIndex = samples.length - 1;
    }, 250);
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        let turn = client;
        while (Date.now() < end) {
          const pick = mix[turn++ % mix.length]();
          const request = typeof pick === 'string' ? { path: pick } : pick;
          try {
            const response = await fetch(`${base}${request.path}`, {
              method: request.method ?? 'GET',
              headers: request.headers,
              body: request.body,
              signal: AbortSignal.timeout(30_000),
            });
            await response.arrayBuffer();
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          } catch {
            failures += 1;
          }
          requests += 1;
        }
      }),
    );
    clearInterval(sampler);
    clearInterval(warmWatch);
    sample();

    const warm = samples[Math.max(0, warmSampleIndex)];
    const last = samples.at(-1);
    const seconds = DURATION_S + WARMUP_S;
    console.log('');
    console.log(
      `${requests} requests in ${seconds} s (${(requests / seconds).toFixed(0)} req/s, ${CLIENTS} clients; statuses ${[...statuses].map(([status, n]) => `${status}×${n}`).join(' ')}; ${failures} failed); load average ${os.loadavg()[0].toFixed(2)} at the end`,
    );
    console.log('');
    console.log('process (PSS)                    start MB   peak MB    end MB   growth per 1,000 requests after warm-up');
    let totalPeak = 0;
    processes.forEach((p, i) => {
      const series = samples.map((s) => s.rss[i]);
      const peak = Math.max(...series);
      const growth = last.requests > warm.requests ? ((last.rss[i] - warm.rss[i]) * 1000) / (last.requests - warm.requests) : 0;
      console.log(
        `${p.name.padEnd(32)} ${series[0].toFixed(0).padStart(8)} ${peak.toFixed(0).padStart(9)} ${last.rss[i].toFixed(0).padStart(9)}   ${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB`,
      );
    });
    const totals = samples.map((s) => s.rss.reduce((sum, value) => sum + value, 0));
    totalPeak = Math.max(...totals);
    console.log('');
    const nodePeaks = processes.filter((p) => !p.family).map((p, i) => Math.max(...samples.map((s) => s.rss[i])));
    const worst = Math.max(...nodePeaks);
    console.log(
      `peak memory (PSS) of a Node process ${worst.toFixed(0)} MB (target ≤ ${TARGET_PEAK_MB} MB: ${worst <= TARGET_PEAK_MB ? 'met' : 'MISSED'})`,
    );
    console.log(
      `peak memory (PSS) of the whole product ${totalPeak.toFixed(0)} MB (target ≤ ${TARGET_TOTAL_MB} MB: ${totalPeak <= TARGET_TOTAL_MB ? 'met' : 'MISSED'})`,
    );
  } finally {
    await stop();
  }
}

main().catch((error) => {
  log(error.stack ?? String(error));
  process.exit(1);
});
