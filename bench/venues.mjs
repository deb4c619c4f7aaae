// Venues benchmark (run with `pnpm bench:venues`, which builds first).
//
// Starts an embedded PostgreSQL in a temp dir, migrates it, seeds 200 spaces and 50,000 bookings
// with set-based SQL, then runs the real api (child process, production config, quiet logs) and
// a raw Fastify + pg server running the same SQL (another child process) on the same database.
// 20 keep-alive clients drive each scenario for a fixed time after a warm-up; the table shows
// req/s and latency percentiles of both and the api/raw throughput ratio against the targets.
// It is a measurement: it exits 0 whatever the figures, non-zero only when something crashes.
//
//   node bench/venues.mjs [--duration=10] [--warmup=2] [--connections=20] [--only=availability,booking]
//                         [--rounds=1] [--json=results.json] [--profile=dir-for-cpu-profiles]
// --rounds=N runs every scenario N times, api and raw alternating which goes first; each round's
// api/raw ratio is shown and the verdict takes their median, so a ratio on a shared machine rests
// on side-by-side runs rather than on one neighbour's quiet moment.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFromApi } from './lib/deps.mjs';
import { runLoad } from './lib/load.mjs';
import { startDatabase } from './lib/postgres.mjs';
import { EVENING_SLOT_HOURS, SEED, seed } from './lib/seed.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')));
const DURATION_S = Number(args.duration ?? process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = Number(args.warmup ?? process.env.BENCH_WARMUP_S ?? 2);
const CONNECTIONS = Number(args.connections ?? SEED.clients);
const ROUNDS = Number(args.rounds ?? 1);
const TARGET_P99_MS = 50;
const TARGET_RATIO = 0.6;

const log = (line) => process.stderr.write(`${line}\n`);
const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await step().catch((error) => log(`cleanup: ${error.message}`));
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: cleaning up`);
    cleanup().finally(() => process.exit(130));
  });
}

function startServer(script, env) {
  return new Promise((resolve, reject) => {
    // --profile=DIR writes a V8 CPU profile of each server process there when it stops.
    const execArgv = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args.profile)}`] : [];
    const child = fork(path.join(here, 'servers', script), [], {
      env: { ...process.env, ...env },
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const stop = () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.send('stop', () => {});
      });
    cleanups.push(stop);
    // Whatever ends this process, the server must not outlive it.
    process.once('exit', () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    child.once('message', (message) => resolve({ url: `http://127.0.0.1:${message.port}`, pid: child.pid, stop }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
  });
}

// CPU seconds a process has used (user + system), from /proc; undefined where there is none.
const ticks = 100;
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticks;
  } catch {
    return undefined;
  }
}

// PostgreSQL's postmaster and its backends (the pools' connections persist through a run).
function postgresPids(dataDir) {
  try {
    const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = fs
      .readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((name) => {
        try {
          return Number(fs.readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === postmaster;
        } catch {
          return false;
        }
      });
    return [postmaster, ...children.map(Number)];
  } catch {
    return [];
  }
}

const random = (n) => Math.floor(Math.random() * n);
const day = 86_400_000;
const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());

function availabilityRequests(spaceIds) {
  return () => {
    // A month inside the seeded span (bookings run from 180 days back to 360 days ahead).
    const from = new Date(today + (random(SEED.pastDays + SEED.futureDays - 40) - SEED.pastDays + 5) * day);
    const to = new Date(from.getTime() + 30 * day);
    return {
      path: `/api/spaces/${spaceIds[random(spaceIds.length)]}/availability?from=${from.toISOString()}&to=${to.toISOString()}`,
    };
  };
}

// A random evening slot of a random room (seeded bookings are daytime, so it starts free).
// The api books odd days, the raw server even days: neither run eats into the other's slots.
function bookingRequests(roomIds, sessions, parity) {
  return (client) => {
    const session = sessions[client % sessions.length];
    const dayOffset = 3 + 2 * random(Math.floor(SEED.futureDays / 2) - 3) + parity;
    const startsAt = new Date(today + dayOffset * day + EVENING_SLOT_HOURS[random(EVENING_SLOT_HOURS.length)] * 3_600_000);
    return {
      method: 'POST',
      path: '/api/bookings',
      headers: { authorization: `Bearer ${session.token}` },
      body: {
        spaceId: roomIds[random(roomIds.length)],
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        title: 'Village evening',
        organisationId: session.organisationId,
      },
    };
  };
}

const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

async function main() {
  const loadAtStart = os.loadavg()[0];
  log(
    `talkoot venues benchmark: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load average ${fmt(loadAtStart, 2)}`,
  );
  log('starting embedded PostgreSQL and migrating…');
  const db = await startDatabase(log);
  cleanups.push(db.stop);
  log(`migrations: ${db.applied.length ? db.applied.join(', ') : '(none new)'}`);

  const pg = await importFromApi('pg');
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  pool.on('error', () => {});
  cleanups.push(() => pool.end());
  const seedStart = performance.now();
  const data = await seed(pool);
  log(`seeded in ${fmt((performance.now() - seedStart) / 1000)} s: ${JSON.stringify(data.counts)}`);

  const env = { NODE_ENV: 'production', DATABASE_URL: db.url, BENCH_DATA_DIR: path.join(db.tempDir, 'data') };
  const [api, raw] = await Promise.all([startServer('api-server.mjs', env), startServer('raw-server.mjs', env)]);
  log(`api on ${api.url}, raw on ${raw.url}`);

  // Smoke check: both answer the same thing before we time them.
  const probeSpace = data.spaceIds[0];
  const probe = `/api/spaces/${probeSpace}/availability?from=${new Date(today).toISOString()}&to=${new Date(today + 30 * day).toISOString()}`;
  const [apiProbe, rawProbe] = await Promise.all(
    [api, raw].map((server) => fetch(server.url + probe).then((response) => response.json())),
  );
  if (JSON.stringify(apiProbe) !== JSON.stringify(rawProbe)) {
    throw new Error(
      `api and raw availability differ:\napi ${JSON.stringify(apiProbe).slice(0, 400)}\nraw ${JSON.stringify(rawProbe).slice(0, 400)}`,
    );
  }
  log(`availability smoke check: both return ${apiProbe.busy.length} busy slots for one month`);

  const only = args.only ? new Set(args.only.split(',')) : undefined;
  const scenarios = [
    {
      name: 'availability',
      servers: [
        ['api', api, availabilityRequests(data.spaceIds)],
        ['raw', raw, availabilityRequests(data.spaceIds)],
      ],
    },
    {
      name: 'booking',
      servers: [
        ['api', api, bookingRequests(data.roomIds, data.sessions, 1)],
        ['raw', raw, bookingRequests(data.roomIds, data.sessions, 0)],
      ],
    },
  ].filter((scenario) => !only || only.has(scenario.name));
  const results = [];
  for (let round = 1; round <= ROUNDS; round++)
    for (const scenario of scenarios) {
      const order = round % 2 ? scenario.servers : [...scenario.servers].reverse();
      for (const [serverName, server, nextRequest] of order) {
        log(
          `${scenario.name} × ${serverName} (round ${round}/${ROUNDS}): ${WARMUP_S} s warm-up + ${DURATION_S} s with ${CONNECTIONS} clients…`,
        );
        // PostgreSQL: per process, so a backend that comes or goes during the run counts from 0 or is lost (small).
        const pgBefore = new Map(postgresPids(db.dataDir).map((pid) => [pid, cpuSeconds(pid) ?? 0]));
        const before = { server: cpuSeconds(server.pid), load: process.cpuUsage() };
        const result = await runLoad({
          base: server.url,
          connections: CONNECTIONS,
          warmupMs: WARMUP_S * 1000,
          durationMs: DURATION_S * 1000,
          nextRequest,
        });
        const seconds = WARMUP_S + DURATION_S;
        const percent = (after, start) =>
          after === undefined || start === undefined ? undefined : (100 * (after - start)) / seconds;
        const load = process.cpuUsage(before.load);
        results.push({
          round,
          scenario: scenario.name,
          server: serverName,
          ...result,
          serverCpuPercent: percent(cpuSeconds(server.pid), before.server),
          // CPU time per request barely depends on what else runs on the machine, unlike req/s.
          serverCpuMsPerRequest:
            before.server === undefined ? undefined : ((cpuSeconds(server.pid) - before.server) * 1000) / result.completed,
          postgresCpuPercent: percent(
            postgresPids(db.dataDir).reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0) - (pgBefore.get(pid) ?? 0), 0),
            0,
          ),
          loadGeneratorCpuPercent: (100 * (load.user + load.system)) / 1e6 / seconds,
          machineLoad1: os.loadavg()[0],
        });
      }
    }

  const cpuCell = (value) => (value === undefined ? '-' : `${fmt(value, 0)}%`);
  const header = [
    'round',
    'scenario',
    'server',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'CPU server/pg/load',
    'server CPU ms/req',
    'load1',
    'statuses',
  ];
  const rows = results.map((r) => [
    String(r.round),
    r.scenario,
    r.server,
    fmt(r.rps, 0),
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p99),
    fmt(r.max),
    `${cpuCell(r.serverCpuPercent)}/${cpuCell(r.postgresCpuPercent)}/${cpuCell(r.loadGeneratorCpuPercent)}`,
    fmt(r.serverCpuMsPerRequest, 2),
    fmt(r.machineLoad1),
    Object.entries(r.statuses)
      .map(([status, count]) => `${status}×${count}`)
      .join(' '),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    cells
      .map((cell, i) => ((i > 0 && i < 3) || i === cells.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ');
  console.log('');
  console.log(
    `${data.counts.spaces} spaces, ${data.counts.bookings} bookings; ${CONNECTIONS} clients, ${WARMUP_S} s warm-up + ${DURATION_S} s per run; ${os.cpus().length} cores shared by PostgreSQL, the server and the load generator; load average ${fmt(loadAtStart, 2)} before the runs (load1: after each run; above ${os.cpus().length}, other work competed for the cores)`,
  );
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log('');
  const verdicts = [];
  for (const scenario of scenarios) {
    const of = (server) => results.filter((r) => r.scenario === scenario.name && r.server === server);
    const ratios = of('api').map((apiRun, index) => apiRun.rps / of('raw')[index].rps);
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
    const ratio = median(ratios);
    const apiResult = { p99: median(of('api').map((r) => r.p99)) };
    const p99Met = apiResult.p99 <= TARGET_P99_MS;
    if (ROUNDS > 1)
      console.log(`${scenario.name.padEnd(12)}  api/raw per round: ${ratios.map((r) => `${fmt(100 * r, 0)}%`).join(', ')}`);
    const ratioMet = ratio >= TARGET_RATIO;
    verdicts.push({ scenario: scenario.name, ratio, p99Met, ratioMet });
    console.log(
      `${scenario.name.padEnd(12)}  api/raw throughput ${ROUNDS > 1 ? 'median ' : ''}${fmt(100 * ratio, 0)}% (target ≥ ${100 * TARGET_RATIO}%: ${ratioMet ? 'met' : 'MISSED'}); ` +
        `api p99 ${ROUNDS > 1 ? 'median ' : ''}${fmt(apiResult.p99)} ms (target ≤ ${TARGET_P99_MS} ms: ${p99Met ? 'met' : 'MISSED'})`,
    );
  }
  if (args.json)
    fs.writeFileSync(
      args.json,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          loadAtStart,
          cores: os.cpus().length,
          node: process.version,
          seed: data.counts,
          connections: CONNECTIONS,
          warmupS: WARMUP_S,
          durationS: DURATION_S,
          rounds: ROUNDS,
          results,
          verdicts,
        },
        null,
        2,
      ),
    );
}

try {
  await main();
  await cleanup();
  process.exit(0);
} catch (error) {
  log(`benchmark crashed: ${error.stack ?? error}`);
  await cleanup();
  process.exit(1);
}
