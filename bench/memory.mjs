// Memory soak benchmark (run with `pnpm bench:memory`, which builds first).
//
// Starts the product as `npm start` does (the launcher: embedded PostgreSQL, api, worker, portal,
// demo data) in a temp folder, drives a realistic mix through the public origin (bench/lib/
// memory-mix.mjs: public calendar and venue pages, feeds, signed-in pages, booking and event
// actions, mail bursts) with 20 clients, and every 2 s samples each process: its PSS (RSS with
// shared pages divided among their sharers) from /proc, and its RSS and V8 heap as the process
// reports them itself. The reports are opt-in: the launcher preloads a small reporter into each
// process only when MEMORY_REPORT_DIR is set (apps/launcher/src/memory-report.ts); it writes a
// file there every second and a heap snapshot on SIGUSR2, and listens on no port.
//
// Prints start / peak / end per process and the growth per 1,000 requests after the warm-up (the
// slope of a least-squares line through the samples). When a Node process grows by more than
// --threshold MB per 1,000 requests (or with --snapshots=always), a second phase takes a heap
// snapshot of it, drives the same mix for --snapshot-minutes, takes another (--snapshot-count in
// all), and prints what grew between each two by constructor (bench/lib/heap-snapshot.mjs): growth
// that stops between the later snapshots was warm-up (compiled code, pools reaching their size),
// growth that goes on is a leak. A measurement, not a test: it
// exits 0 whatever the figures.
//
//   node bench/memory.mjs [--minutes=3] [--warmup=30] [--clients=20] [--threshold=0.5]
//                         [--snapshots=auto|always|never] [--snapshot-minutes=2] [--snapshot-count=2]
//                         [--burst-size=25] [--burst-every=30] [--verbose]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { compareHeapSnapshots, formatComparison } from './lib/heap-snapshot.mjs';
import { createMix, prepareMix } from './lib/memory-mix.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')));
const MINUTES = Number(args.minutes ?? 3);
const WARMUP_S = Number(args.warmup ?? 30);
const CLIENTS = Number(args.clients ?? 20);
const THRESHOLD_MB = Number(args.threshold ?? 0.5);
const SNAPSHOTS = args.snapshots ?? 'auto';
const SNAPSHOT_MINUTES = Number(args['snapshot-minutes'] ?? Math.max(1, MINUTES / 2));
const SNAPSHOT_COUNT = Math.max(2, Number(args['snapshot-count'] ?? 2));
const QUIET_S = 10;
const BURST_SIZE = Number(args['burst-size'] ?? 25);
const BURST_EVERY_S = Number(args['burst-every'] ?? 30);
const VERBOSE = 'verbose' in args;
const SAMPLE_MS = 2_000;
const TARGET_PEAK_MB = 300;
const TARGET_TOTAL_MB = 1024;
const MB = 2 ** 20;
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

function childrenOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

// PSS in MB of a process, and of all its descendants (PostgreSQL is a family of processes): shared
// pages are divided among the processes sharing them, so the family's shared buffers count once.
function pssMb(pid, withChildren = false) {
  let own = 0;
  try {
    const line = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
    own = line ? Number(line[1]) / 1024 : 0;
  } catch {
    own = 0;
  }
  if (!withChildren) return own;
  return own + childrenOf(pid).reduce((sum, child) => sum + pssMb(child, true), 0);
}

// Client connections to PostgreSQL: backends whose title names a database user.
function postgresConnections(postmasterPid) {
  return childrenOf(postmasterPid).filter((child) => {
    try {
      return /^postgres: postgres /.test(fs.readFileSync(`/proc/${child}/cmdline`, 'utf8'));
    } catch {
      return false;
    }
  }).length;
}

function readReport(reportDir, name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(reportDir, `${name}.json`), 'utf8'));
  } catch {
    return undefined;
  }
}

// Least-squares slope of value over requests, per 1,000 requests.
function growthPer1000(points) {
  if (points.length < 3) return NaN;
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  let numerator = 0;
  let denominator = 0;
  for (const [x, y] of points) {
    numerator += (x - meanX) * (y - meanY);
    denominator += (x - meanX) ** 2;
  }
  return denominator ? (numerator / denominator) * 1000 : NaN;
}

const fixed = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const signed = (value) => (Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(2)}` : '–');

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'talkoot-memory-'));
  fs.chmodSync(dataDir, 0o755);
  const reportDir = path.join(dataDir, 'memory');
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
    // Production, except that the mail still goes to the developer mailbox files, where the
    // benchmark reads the sign-in links of the demo people.
    NODE_ENV: 'production',
    SIGN_IN_RATE_LIMIT_SCALE: '1000',
    MEMORY_REPORT_DIR: reportDir,
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
    const postgresPid = Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const nodeNames = ['api', 'worker', 'portal'];
    const pidOf = (name) => readReport(reportDir, name)?.pid;
    const restarts = () => {
      const lines = output.split('\n').filter((line) => / stopped unexpectedly /.test(line));
      return lines.length ? `restarts during the run:\n${lines.map((line) => `  ${line}`).join('\n')}` : 'no process restarted';
    };
    log(`running at ${base}: ${nodeNames.map((name) => `${name} ${pidOf(name)}`).join(', ')}, PostgreSQL ${postgresPid}`);

    const context = { base, ...(await prepareMix({ base, mailDir: path.join(dataDir, 'mail'), log })) };
    const mix = createMix(context, { burstSize: BURST_SIZE });

    let requests = 0;
    let failures = 0;
    const statuses = new Map(); // kind -> Map(status -> count)
    const send = async (kind, url, init = {}, wantsBody = false) => {
      let body;
      try {
        const response = await fetch(`${base}${url}`, { ...init, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
        if (wantsBody && response.ok) body = await response.json().catch(() => undefined);
        else if (VERBOSE && response.status >= 400 && !statuses.get(kind)?.has(response.status))
          log(`${kind} ${init.method ?? 'GET'} ${url}: ${response.status} ${(await response.text()).slice(0, 400)}`);
        else await response.arrayBuffer();
        const byStatus = statuses.get(kind) ?? new Map();
        byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
        statuses.set(kind, byStatus);
      } catch {
        failures += 1;
      }
      requests += 1;
      return body;
    };

    // Drives the mix until `until`; mail bursts on their own clock.
    const drive = async (until) => {
      const bursts = (async () => {
        while (Date.now() + BURST_EVERY_S * 1000 < until) {
          await new Promise((resolve) => setTimeout(resolve, BURST_EVERY_S * 1000));
          await mix.mailBurst(send);
        }
      })();
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, client) => {
          let turn = client * 7;
          while (Date.now() < until) await mix.steps[turn++ % mix.steps.length](send);
        }),
      );
      await bursts;
    };

    const samples = [];
    const sample = () => {
      const reports = Object.fromEntries(nodeNames.map((name) => [name, readReport(reportDir, name)]));
      samples.push({
        at: Date.now(),
        requests,
        connections: postgresConnections(postgresPid),
        processes: [
          ...nodeNames.map((name) => ({
            pss: pssMb(reports[name]?.pid ?? 0),
            rss: (reports[name]?.rss ?? NaN) / MB,
            heap: (reports[name]?.heapUsed ?? NaN) / MB,
            heapTotal: (reports[name]?.heapTotal ?? NaN) / MB,
          })),
          { pss: pssMb(postgresPid, true), rss: NaN, heap: NaN, heapTotal: NaN },
        ],
      });
    };
    sample();
    const sampler = setInterval(sample, SAMPLE_MS);
    const runStart = Date.now();
    const warmEnd = runStart + WARMUP_S * 1000;
    const end = warmEnd + MINUTES * 60_000;
    await drive(end);
    clearInterval(sampler);
    sample();
    const seconds = (Date.now() - runStart) / 1000;
    const warm = samples.filter((s) => s.at >= warmEnd);
    const warmRequests = warm.length ? warm.at(-1).requests - warm[0].requests : 0;

    const names = [...nodeNames, 'PostgreSQL (all its processes)'];
    console.log('');
    console.log(
      `${requests} requests in ${seconds.toFixed(0)} s (${(requests / seconds).toFixed(0)} req/s, ${CLIENTS} clients, warm-up ${WARMUP_S} s, then ${warmRequests} requests measured); ${failures} failed; load average ${os.loadavg()[0].toFixed(2)} at the end`,
    );
    for (const [kind, byStatus] of statuses) {
      console.log(`  ${kind.padEnd(18)} ${[...byStatus].map(([status, n]) => `${status}×${n}`).join(' ')}`);
    }
    console.log(
      `  PostgreSQL client connections: ${Math.min(...samples.map((s) => s.connections))}–${Math.max(...samples.map((s) => s.connections))}`,
    );
    console.log('');
    console.log(
      `${'process'.padEnd(31)}  ${'PSS MB start / peak / end'.padStart(25)}  ${'RSS peak'.padStart(8)}  ${'heap used MB start / peak / end'.padStart(31)}  ${'heap total peak'.padStart(15)}  growth per 1,000 requests after warm-up`,
    );
    const growth = [];
    names.forEach((name, i) => {
      const series = (key) => samples.map((s) => s.processes[i][key]).filter(Number.isFinite);
      const pss = series('pss');
      const heap = series('heap');
      const pssGrowth = growthPer1000(warm.map((s) => [s.requests, s.processes[i].pss]));
      const heapGrowth = growthPer1000(warm.map((s) => [s.requests, s.processes[i].heap]).filter(([, y]) => Number.isFinite(y)));
      growth.push({ name, pss: pssGrowth, heap: heapGrowth });
      const heapText = heap.length ? `${fixed(heap[0])} / ${fixed(Math.max(...heap))} / ${fixed(heap.at(-1))}` : '–';
      console.log(
        `${name.padEnd(31)}  ${`${fixed(pss[0])} / ${fixed(Math.max(...pss))} / ${fixed(pss.at(-1))}`.padStart(25)}  ${fixed(Math.max(...series('rss'))).padStart(8)}  ${heapText.padStart(31)}  ${fixed(Math.max(...series('heapTotal'))).padStart(15)}  PSS ${signed(pssGrowth)} MB${heap.length ? `, heap ${signed(heapGrowth)} MB` : ''}`,
      );
    });
    const totals = samples.map((s) => s.processes.reduce((sum, p) => sum + p.pss, 0));
    const nodePeak = Math.max(...samples.flatMap((s) => s.processes.slice(0, nodeNames.length).map((p) => p.pss)));
    const totalPeak = Math.max(...totals);
    console.log('');
    console.log(
      `peak PSS of a Node process ${fixed(nodePeak)} MB (target ≤ ${TARGET_PEAK_MB} MB: ${nodePeak <= TARGET_PEAK_MB ? 'met' : 'MISSED'})`,
    );
    console.log(
      `peak PSS of the whole product ${fixed(totalPeak)} MB (target ≤ ${TARGET_TOTAL_MB} MB: ${totalPeak <= TARGET_TOTAL_MB ? 'met' : 'MISSED'})`,
    );
    console.log(restarts());
    const growing = growth.slice(0, nodeNames.length).filter((g) => g.pss > THRESHOLD_MB || g.heap > THRESHOLD_MB);
    console.log(
      `growth above ${THRESHOLD_MB} MB per 1,000 requests: ${growing.length ? growing.map((g) => g.name).join(', ') : 'none'}`,
    );

    const toSnapshot = SNAPSHOTS === 'always' ? nodeNames : SNAPSHOTS === 'never' ? [] : growing.map((g) => g.name);
    if (toSnapshot.length) await snapshotPhase(toSnapshot);

    async function snapshotPhase(processNames) {
      // The process numbers its own files; a restarted one starts again at 1, so wait for a file
      // that was not there before the signal.
      const take = async (name) => {
        const existing = () =>
          fs.readdirSync(reportDir).filter((file) => file.startsWith(`${name}-`) && file.endsWith('.heapsnapshot'));
        const before = new Set(existing());
        const mtimes = new Map([...before].map((file) => [file, fs.statSync(path.join(reportDir, file)).mtimeMs]));
        process.kill(pidOf(name), 'SIGUSR2');
        const deadline = Date.now() + 300_000;
        while (true) {
          const fresh = existing().find(
            (file) => !before.has(file) || fs.statSync(path.join(reportDir, file)).mtimeMs !== mtimes.get(file),
          );
          if (fresh) {
            const copy = path.join(reportDir, `${name}.${Date.now()}.snapshot`);
            fs.renameSync(path.join(reportDir, fresh), copy);
            return copy;
          }
          if (Date.now() > deadline) throw new Error(`no heap snapshot from ${name} within 300 s\n${restarts()}`);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      };
      // Every snapshot in the same state: the load stopped and idle keep-alive connections gone,
      // so what differs is what requests left behind.
      const quietly = async () => {
        await new Promise((resolve) => setTimeout(resolve, QUIET_S * 1000));
        const files = [];
        for (const name of processNames) files.push(await take(name));
        return files;
      };
      console.log('');
      console.log(
        `heap snapshots of ${processNames.join(', ')}: ${SNAPSHOT_COUNT}, ${SNAPSHOT_MINUTES} minute(s) of the same mix apart, each ${QUIET_S} s after the load stopped and after a full collection`,
      );
      const rounds = [{ files: await quietly(), requests }];
      for (let n = 2; n <= SNAPSHOT_COUNT; n++) {
        await drive(Date.now() + SNAPSHOT_MINUTES * 60_000);
        rounds.push({ files: await quietly(), requests });
      }
      processNames.forEach((name, i) => {
        for (let n = 1; n < rounds.length; n++) {
          const between = rounds[n].requests - rounds[n - 1].requests;
          const comparison = compareHeapSnapshots(rounds[n - 1].files[i], rounds[n].files[i]);
          console.log('');
          console.log(formatComparison(`${name}, snapshot ${n} → ${n + 1}, ${between} requests apart`, comparison));
          console.log(
            `  → reachable heap growth per 1,000 requests: ${signed(((comparison.after - comparison.before) / MB) * (1000 / Math.max(1, between)))} MB`,
          );
        }
        for (const round of rounds) fs.rmSync(round.files[i], { force: true });
      });
    }
  } finally {
    await stop();
  }
}

main().catch((error) => {
  log(error.stack ?? String(error));
  process.exit(1);
});
