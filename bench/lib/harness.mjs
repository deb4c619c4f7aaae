// What the side-by-side benchmarks share (`bench/lending.mjs`; `bench/venues.mjs` has its own copy):
// cleanup on exit and signals, server child processes, CPU accounting from /proc, timed runs of
// each scenario on each server, and the table with the api/raw ratios against the targets.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile, runLoad } from './load.mjs';

const serversDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'servers');

export const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')));
export const log = (line) => process.stderr.write(`${line}\n`);
export const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

const cleanups = [];
let cleaning;
export function onCleanup(step) {
  cleanups.push(step);
}
export function cleanup() {
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

// Runs main, cleans up, exits 0 (a measurement) or 1 when something crashed.
export async function runBenchmark(main) {
  try {
    await main();
    await cleanup();
    process.exit(0);
  } catch (error) {
    log(`benchmark crashed: ${error.stack ?? error}`);
    await cleanup();
    process.exit(1);
  }
}

export function startServer(script, env) {
  return new Promise((resolve, reject) => {
    // --profile=DIR writes a V8 CPU profile of each server process there when it stops.
    const execArgv = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args.profile)}`] : [];
    const child = fork(path.join(serversDir, script), [], {
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
    onCleanup(stop);
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

// Each scenario on each of its servers in turn, closed loop, warm-up not counted; `rounds` times,
// the servers' order swapped every round, so that a neighbour's burst on the shared machine falls
// on both sides more evenly. Returns one result per round, scenario and server.
export async function runScenarios({ scenarios, dataDir, connections, warmupS, durationS, rounds = 1 }) {
  const results = [];
  for (let round = 1; round <= rounds; round++) {
    for (const scenario of scenarios) {
      const servers = round % 2 === 1 ? scenario.servers : [...scenario.servers].reverse();
      for (const [serverName, server, nextRequest] of servers) {
        log(
          `${scenario.name} × ${serverName}${rounds > 1 ? ` (round ${round}/${rounds})` : ''}: ${warmupS} s warm-up + ${durationS} s with ${connections} clients…`,
        );
        // PostgreSQL: per process, so a backend that comes or goes during the run counts from 0 or is lost (small).
        const pgBefore = new Map(postgresPids(dataDir).map((pid) => [pid, cpuSeconds(pid) ?? 0]));
        const before = { server: cpuSeconds(server.pid), load: process.cpuUsage() };
        const result = await runLoad({
          base: server.url,
          connections,
          warmupMs: warmupS * 1000,
          durationMs: durationS * 1000,
          nextRequest,
        });
        const seconds = warmupS + durationS;
        const load = process.cpuUsage(before.load);
        const serverCpuS = before.server === undefined ? undefined : cpuSeconds(server.pid) - before.server;
        results.push({
          round,
          scenario: scenario.name,
          server: serverName,
          ...result,
          seconds,
          durationS,
          serverCpuS,
          postgresCpuS: postgresPids(dataDir).reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0) - (pgBefore.get(pid) ?? 0), 0),
          loadCpuS: (load.user + load.system) / 1e6,
          machineLoad1: os.loadavg()[0],
        });
      }
    }
  }
  return results;
}

// The rounds of one scenario and server as one run: requests and CPU summed, latencies pooled.
function pool(runs) {
  const latencies = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
  const sum = (key) => runs.reduce((total, run) => total + (run[key] ?? 0), 0);
  const seconds = sum('seconds');
  const statuses = {};
  for (const run of runs)
    for (const [status, count] of Object.entries(run.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
  const serverCpu = runs.some((run) => run.serverCpuS === undefined) ? undefined : sum('serverCpuS');
  return {
    scenario: runs[0].scenario,
    server: runs[0].server,
    requests: latencies.length,
    completed: sum('completed'),
    rps: latencies.length / sum('durationS'),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    statuses,
    serverCpuPercent: serverCpu === undefined ? undefined : (100 * serverCpu) / seconds,
    // CPU time per request barely depends on what else runs on the machine, unlike req/s.
    serverCpuMsPerRequest: serverCpu === undefined ? undefined : (serverCpu * 1000) / sum('completed'),
    postgresCpuPercent: (100 * sum('postgresCpuS')) / seconds,
    loadGeneratorCpuPercent: (100 * sum('loadCpuS')) / seconds,
    machineLoad1: sum('machineLoad1') / runs.length,
  };
}

// The table (rounds pooled), then one verdict line per scenario: api/raw throughput against its
// target ratio (and each round's ratio), api p99.
export function report({ title, results: runs, scenarios, targetP99Ms }) {
  const rounds = Math.max(...runs.map((run) => run.round));
  const results = [];
  for (const scenario of scenarios)
    for (const [serverName] of scenario.servers)
      results.push(pool(runs.filter((run) => run.scenario === scenario.name && run.server === serverName)));
  const cpuCell = (value) => (value === undefined ? '-' : `${fmt(value, 0)}%`);
  const header = [
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
  const widths = header.map((name, i) => Math.max(name.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    cells.map((cell, i) => (i < 2 || i === cells.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log('');
  console.log(title);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log('');
  const verdicts = [];
  for (const scenario of scenarios) {
    const apiResult = results.find((r) => r.scenario === scenario.name && r.server === 'api');
    const rawResult = results.find((r) => r.scenario === scenario.name && r.server === 'raw');
    const ratio = apiResult.rps / rawResult.rps;
    const perRound = Array.from({ length: rounds }, (_, i) => {
      const of = (server) => runs.find((run) => run.round === i + 1 && run.scenario === scenario.name && run.server === server);
      return of('api').rps / of('raw').rps;
    });
    const p99Met = apiResult.p99 <= targetP99Ms;
    const ratioMet = ratio >= scenario.targetRatio;
    verdicts.push({ scenario: scenario.name, ratio, perRound, targetRatio: scenario.targetRatio, p99Met, ratioMet });
    console.log(
      `${scenario.name.padEnd(12)}  api/raw throughput ${fmt(100 * ratio, 0)}% (target ≥ ${100 * scenario.targetRatio}%: ${ratioMet ? 'met' : 'MISSED'}); ` +
        `api p99 ${fmt(apiResult.p99)} ms (target ≤ ${targetP99Ms} ms: ${p99Met ? 'met' : 'MISSED'})` +
        (rounds > 1 ? `; per round ${perRound.map((value) => `${fmt(100 * value, 0)}%`).join(', ')}` : ''),
    );
  }
  return { results, verdicts };
}
