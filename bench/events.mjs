// Event-calendar benchmark (run with `pnpm bench:events`, which builds first).
//
// Starts an embedded PostgreSQL in a temp dir, migrates it, seeds 10,000 published events with
// set-based SQL (bench/lib/events-seed.mjs), then runs the real api in a child process (production
// config, quiet logs) and, when it has a build, the portal's server in front of it. It measures:
//   1. the full region feed rebuild: FeedService.build() in this process (5 times), the first
//      request of the feed over HTTP (a miss: built once and stored), and 5 rebuilds over HTTP after
//      marking the snapshot stale (what a request does when the worker is late);
//   2. the cached feed GET /feeds/calendar.ics under 50 keep-alive clients, with and without
//      If-None-Match, side by side in the same run: nginx serving the same bytes from disk (Debian's
//      package, installed when missing), the api alone and the public origin (portal → api); the
//      api's and the origin's throughput are printed as a share of nginx's;
//   3. the public month page under 20 clients: the portal's /calendar?view=month&month=YYYY-MM when
//      that route exists, otherwise GET /api/calendar for the month on the api (said in the output):
//      kept for signed-out readers (ADR 020), revalidated with If-None-Match, and rendered each time
//      (a one-shot notice cookie bypasses the page cache), with CPU per page of portal + api.
// It is a measurement: it exits 0 whatever the figures, non-zero only when something crashes.
//
//   node bench/events.mjs [--duration=10] [--warmup=2] [--rebuilds=5] [--only=feeds|pages] [--json=results.json]
//                         [--profile=dir]  (a V8 CPU profile of the api and the portal, summarised at the end)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distUrl, importFromApi } from './lib/deps.mjs';
import { startApi, startPortal } from './lib/events-processes.mjs';
import { runLoad } from './lib/events-load.mjs';
import { EVENTS_SEED, countOccurrences, seedEvents } from './lib/events-seed.mjs';
import { printProfiles } from './lib/cpu-profile.mjs';
import { startNginx } from './lib/nginx.mjs';
import { startDatabase } from './lib/postgres.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')));
const DURATION_S = Number(args.duration ?? process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = Number(args.warmup ?? process.env.BENCH_WARMUP_S ?? 2);
const REBUILDS = Number(args.rebuilds ?? 5);
const PROFILE_DIR = args.profile ? path.resolve(args.profile) : undefined;
const profiling = PROFILE_DIR ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${PROFILE_DIR}` } : {};
const SEQUENTIAL_REQUESTS = 10;
const FEED_CLIENTS = 50;
const PAGE_CLIENTS = 20;
const TARGET_REBUILD_MS = 500;
const TARGET_INCREMENTAL_MS = 100;
const TARGET_FEED_P99_MS = 20;
const TARGET_FEED_SHARE_OF_NGINX = 50;
const TARGET_PAGE_P95_MS = 200;
const TARGET_PAGE_RPS = 100;
const TARGET_CACHED_PAGE_CPU_MS = 10;

const log = (line) => process.stderr.write(`${line}\n`);
const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.toReversed()) await step().catch((error) => log(`cleanup: ${error.message}`));
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: cleaning up`);
    cleanup().finally(() => process.exit(130));
  });
}

// CPU seconds a process has used (user + system), from /proc; undefined where there is none.
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

// Clients that gave up (10 s timeout) leave work queued in the server: let it finish before the
// next scenario starts (at most 60 s).
async function waitUntilIdle(pids) {
  const deadline = Date.now() + 60_000;
  let last = pids.map(cpuSeconds);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = pids.map(cpuSeconds);
    if (now.every((value, i) => value === undefined || value - last[i] < 0.05)) return;
    last = now;
  }
}

const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const mib = (bytes) => `${fmt(bytes / 2 ** 20, 2)} MiB`;
const sortedStats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor((sorted.length - 1) / 2)], max: sorted[sorted.length - 1] };
};

// The next full Helsinki month (entirely inside the seeded span).
function nextMonth() {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  const iso = (date) => date.toISOString().slice(0, 10);
  return { month: iso(first).slice(0, 7), from: iso(first), to: iso(last) };
}

async function fetchFeed(base, headers = {}) {
  const started = performance.now();
  const response = await fetch(`${base}/feeds/calendar.ics`, { headers });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200 && response.status !== 304)
    throw new Error(`GET /feeds/calendar.ics answered ${response.status}: ${body.slice(0, 300)}`);
  return {
    ms,
    status: response.status,
    bytes: Buffer.byteLength(body),
    etag: response.headers.get('etag'),
    vevents: body.split('BEGIN:VEVENT').length - 1,
  };
}

// The feed through nginx (when it can be had), the api alone and the public origin, each with the
// ETag it gives for gzip, checked to answer 200 and then 304 before the load runs.
async function feedServersToCompare(api, portal, tempDir) {
  const servers = [];
  const identity = await fetch(`${api.url}/feeds/calendar.ics`, { headers: { 'accept-encoding': 'identity' } });
  const body = Buffer.from(await identity.arrayBuffer());
  try {
    const nginx = await startNginx({
      body,
      contentType: identity.headers.get('content-type'),
      cacheControl: identity.headers.get('cache-control') ?? 'no-cache',
      dir: tempDir,
      log,
      cleanups,
    });
    servers.push({ side: 'nginx', label: 'nginx, same bytes from disk', process: nginx });
  } catch (error) {
    log(`nginx is not available, so the feed is not compared with it: ${error.message}`);
  }
  servers.push({ side: 'api', label: 'api alone', process: api });
  if (portal) servers.push({ side: 'origin', label: 'public origin (portal → api)', process: portal });
  for (const server of servers) {
    const response = await fetch(`${server.process.url}/feeds/calendar.ics`, { headers: { 'accept-encoding': 'gzip' } });
    await response.arrayBuffer();
    server.etag = response.headers.get('etag');
    const again = await fetch(`${server.process.url}/feeds/calendar.ics`, {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': server.etag ?? '' },
    });
    await again.arrayBuffer();
    if (response.status !== 200 || again.status !== 304)
      throw new Error(`${server.label}: the feed answered ${response.status}, then ${again.status} to its own ETag`);
    log(`${server.label}: feed 200 with ETag ${server.etag}, 304 to it`);
  }
  return servers;
}

async function main() {
  const loadAtStart = os.loadavg()[0];
  log(
    `talkoot events benchmark: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load average ${fmt(loadAtStart, 2)}`,
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
  const { counts } = await seedEvents(pool);
  log(`seeded in ${fmt((performance.now() - seedStart) / 1000)} s: ${JSON.stringify(counts)}`);

  // 1a. FeedService.build() in this process, with the ORM the api uses (no HTTP, no storing).
  await importFromApi('reflect-metadata');
  const { parseConfig } = await import(distUrl('packages/platform/dist/index.js'));
  const { openOrm } = await import(distUrl('packages/database/dist/index.js'));
  const { FeedService, calendarFilterSchema } = await import(distUrl('packages/events/dist/index.js'));
  const config = parseConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    DATA_DIR: path.join(db.tempDir, 'data'),
    PUBLIC_ORIGIN: 'http://localhost:3000',
    API_PORT: '3101',
  });
  const orm = await openOrm(db.url, { poolMax: 2 });
  cleanups.push(() => orm.close(true));
  const feeds = new FeedService(orm, config);
  const regionFilter = calendarFilterSchema.parse({});
  // Where the time goes: the calendar statement alone (the same call build() makes first).
  const { queryFeedRows } = await import(distUrl('packages/events/dist/calendar.service.js'));
  const direct = [];
  for (let i = 0; i < REBUILDS; i++) {
    const started = performance.now();
    const built = await feeds.build(regionFilter, new Date());
    const ms = performance.now() - started;
    const queryStarted = performance.now();
    const rows = await queryFeedRows(orm.em.fork(), regionFilter, {
      from: new Date(Date.now() - 30 * 86_400_000),
      to: new Date(Date.now() + 800 * 86_400_000),
    });
    const queryMs = performance.now() - queryStarted;
    direct.push({ ms, queryMs, rows: rows.length, bytes: Buffer.byteLength(built.body), vevents: built.count });
    log(
      `FeedService.build() #${i + 1}: ${fmt(ms, 0)} ms, ${built.count} VEVENTs, ${mib(direct[i].bytes)}; its statement alone (queryFeedRows, ${rows.length} rows): ${fmt(queryMs, 0)} ms`,
    );
  }
  // 1a'. After one event changes: the process has written every other date already and writes
  // only the changed one again (ADR 018).
  const incremental = [];
  for (let i = 0; i < REBUILDS; i++) {
    await pool.query(
      `update events set title = jsonb_set(title, '{fi}', to_jsonb('Muutettu ' || $1::text)), updated_at = now()
        where id = (select id from events where status = 'published' order by id limit 1)`,
      [String(i)],
    );
    const started = performance.now();
    const built = await feeds.build(regionFilter, new Date());
    incremental.push(performance.now() - started);
    if (!built.body.includes(`Muutettu ${i}`)) throw new Error('the rebuilt feed does not show the changed event');
    log(`FeedService.build() after one event changed #${i + 1}: ${fmt(incremental[i], 0)} ms`);
  }
  await orm.close(true);

  const api = await startApi(
    { NODE_ENV: 'production', DATABASE_URL: db.url, BENCH_DATA_DIR: path.join(db.tempDir, 'data'), ...profiling },
    cleanups,
  );
  log(`api on ${api.url}`);

  // 1b. Over HTTP: the first request builds and stores; then the snapshot is marked stale an hour ago
  // (past the worker's grace), so the next request rebuilds it under the feed's lock and serves it.
  const miss = await fetchFeed(api.url);
  log(
    `first GET /feeds/calendar.ics (miss, builds and stores): ${fmt(miss.ms, 0)} ms, ${miss.vevents} VEVENTs, ${mib(miss.bytes)}`,
  );
  const overHttp = [];
  for (let i = 0; i < REBUILDS; i++) {
    await pool.query(`update feed_snapshots set stale_since = now() - interval '1 hour'`);
    overHttp.push(await fetchFeed(api.url));
    log(`stale GET /feeds/calendar.ics #${i + 1} (rebuilds): ${fmt(overHttp[i].ms, 0)} ms`);
  }
  const {
    rows: [snapshot],
  } = await pool.query(`select stale_since, event_count, octet_length(body) bytes from feed_snapshots where key = 'region'`);
  if (!snapshot || snapshot.stale_since !== null) throw new Error('the region feed was not rebuilt by the stale request');
  const fresh = await fetchFeed(api.url);
  const notModified = await fetchFeed(api.url, { 'if-none-match': fresh.etag });
  if (notModified.status !== 304) throw new Error(`If-None-Match with the current ETag answered ${notModified.status}, not 304`);
  log(
    `cached feed: ${fresh.status} ${mib(fresh.bytes)} in ${fmt(fresh.ms, 0)} ms; with If-None-Match: ${notModified.status} in ${fmt(notModified.ms, 0)} ms`,
  );

  // 3 (set-up). The month page: the portal's route if it exists, otherwise the api's month query.
  const { month, from, to } = nextMonth();
  const monthOccurrences = await countOccurrences(pool, from, to);
  let page;
  let portal;
  let portalFailure = 'the portal has no server build';
  try {
    // With the database to listen on, the portal keeps public pages (ADR 020).
    portal = await startPortal(api.url, cleanups, log, { DATABASE_URL: db.url, ...profiling });
  } catch (error) {
    portalFailure = `the portal did not start (${error.message})`;
    log(`${portalFailure}; measuring the api instead`);
  }
  if (portal) {
    let probe;
    let html;
    // Twice: a first server-rendered request may pay for loading the route's modules.
    for (let attempt = 0; attempt < 2 && probe?.status !== 200; attempt++) {
      probe = await fetch(`${portal.url}/calendar?view=month&month=${month}`, { redirect: 'manual' });
      html = await probe.text();
    }
    if (probe.status === 200) {
      page = {
        name: 'portal month page',
        server: portal,
        path: `/calendar?view=month&month=${month}`,
        note: `portal /calendar?view=month&month=${month} (${fmt(html.length / 1024, 0)} KiB of HTML)`,
      };
    } else {
      portalFailure = `portal /calendar?view=month&month=${month} answered ${probe.status}${probe.headers.get('location') ? ` → ${probe.headers.get('location')}` : ''}`;
      log(
        `${portalFailure}: ${html
          .replace(/<[^>]*>/g, ' ')
          .replace(/\s+/g, ' ')
          .slice(0, 400)}`,
      );
    }
  }
  if (!page) {
    const probe = await fetch(`${api.url}/api/calendar?from=${from}&to=${to}`);
    const json = await probe.json();
    if (probe.status !== 200) throw new Error(`/api/calendar answered ${probe.status}: ${JSON.stringify(json).slice(0, 300)}`);
    page = {
      name: 'api month (fallback)',
      server: api,
      path: `/api/calendar?from=${from}&to=${to}`,
      note: `FALLBACK: ${portalFailure}, so GET /api/calendar?from=${from}&to=${to} on the api was measured instead of the portal page; it returns ${json.items.length} items of the ${monthOccurrences} dates in that month`,
    };
  }
  log(page.note);
  if (page.server === portal) {
    // The listener hears changes a moment after the portal starts; wait until the page is kept.
    for (let attempt = 0; attempt < 100 && page.cache !== 'HIT'; attempt++) {
      const probe = await fetch(`${portal.url}${page.path}`, { headers: { 'accept-language': 'fi' } });
      await probe.arrayBuffer();
      page.cache = probe.headers.get('x-cache');
      page.etag = probe.headers.get('etag');
      if (page.cache !== 'HIT') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    log(`portal month page: x-cache ${page.cache}, etag ${page.etag}`);
  }

  // One client, one request at a time: the service time without queueing (the load runs below
  // show what 50 or 20 clients add to it).
  const sequential = [];
  for (const [name, base, requestPath, headers] of [
    ['feed 200', api.url, '/feeds/calendar.ics', {}],
    ['feed 304', api.url, '/feeds/calendar.ics', { 'if-none-match': fresh.etag }],
    [page.name, page.server.url, page.path, {}],
  ]) {
    const times = [];
    for (let i = 0; i < SEQUENTIAL_REQUESTS; i++) {
      const started = performance.now();
      const response = await fetch(base + requestPath, { headers });
      await response.arrayBuffer();
      times.push(performance.now() - started);
    }
    const stats = sortedStats(times);
    sequential.push({ name, ...stats });
    log(
      `${name}, one client, ${SEQUENTIAL_REQUESTS} requests: min ${fmt(stats.min)} / median ${fmt(stats.median)} / max ${fmt(stats.max)} ms`,
    );
  }

  // The limit: nginx serving the very same bytes from disk, with the api's Content-Type and
  // Cache-Control, and the public origin (the portal, as calendar apps reach the feed) beside it.
  const feedServers = await feedServersToCompare(api, portal, db.tempDir);

  // 2 and 3. Closed-loop load, warm-up not counted.
  const scenarios = [
    // Calendar apps ask for gzip (as fetch() above did when it learnt the ETag): each encoding has its own ETag.
    ...feedServers.flatMap((server) => [
      {
        name: `feed 200 (no If-None-Match), ${server.label}`,
        server: server.process,
        clients: FEED_CLIENTS,
        nextRequest: () => ({ path: '/feeds/calendar.ics', headers: { 'accept-encoding': 'gzip' } }),
        target: ['p99', TARGET_FEED_P99_MS],
        feed: { kind: '200', side: server.side },
      },
      {
        name: `feed 304 (If-None-Match), ${server.label}`,
        server: server.process,
        clients: FEED_CLIENTS,
        nextRequest: () => ({
          path: '/feeds/calendar.ics',
          headers: { 'if-none-match': server.etag, 'accept-encoding': 'gzip' },
        }),
        target: ['p99', TARGET_FEED_P99_MS],
        feed: { kind: '304', side: server.side },
      },
    ]),
    {
      name: page.server === portal ? `${page.name} (kept)` : page.name,
      server: page.server,
      clients: PAGE_CLIENTS,
      nextRequest: () => ({ path: page.path, headers: page.server === portal ? { 'accept-language': 'fi' } : {} }),
      target: ['p95', TARGET_PAGE_P95_MS],
      isCachedPage: page.server === portal,
    },
    ...(page.server === portal
      ? [
          {
            name: `${page.name} 304 (If-None-Match)`,
            server: page.server,
            clients: PAGE_CLIENTS,
            nextRequest: () => ({ path: page.path, headers: { 'if-none-match': page.etag, 'accept-language': 'fi' } }),
            target: ['p95', TARGET_PAGE_P95_MS],
            isCachedPage: true,
          },
          {
            name: `${page.name} (rendered each time)`,
            server: page.server,
            clients: PAGE_CLIENTS,
            nextRequest: () => ({ path: page.path, headers: { cookie: 'talkoot_notice=signed_in', 'accept-language': 'fi' } }),
            target: ['p95', TARGET_PAGE_P95_MS],
          },
        ]
      : []),
  ];
  // --only=feeds or --only=pages runs just those load scenarios (the rebuild figures always run).
  const only = args.only ? String(args.only).split(',') : undefined;
  if (only) {
    const keep = scenarios.filter((scenario) => only.includes(scenario.feed ? 'feeds' : 'pages'));
    scenarios.splice(0, scenarios.length, ...keep);
  }
  const builtAtBefore = (await pool.query(`select built_at from feed_snapshots where key = 'region'`)).rows[0].built_at;
  const results = [];
  for (const scenario of scenarios) {
    log(`${scenario.name}: ${WARMUP_S} s warm-up + ${DURATION_S} s with ${scenario.clients} clients…`);
    const pids = [scenario.server.pid, ...(scenario.server === portal ? [api.pid] : [])];
    const before = pids.map(cpuSeconds);
    const result = await runLoad({
      base: scenario.server.url,
      connections: scenario.clients,
      warmupMs: WARMUP_S * 1000,
      durationMs: DURATION_S * 1000,
      nextRequest: scenario.nextRequest,
    });
    const cpu = pids.map((pid, i) =>
      before[i] === undefined ? undefined : ((cpuSeconds(pid) - before[i]) * 1000) / result.completed,
    );
    results.push({ ...scenario, ...result, cpuMsPerRequest: cpu, machineLoad1: os.loadavg()[0] });
    await waitUntilIdle(pids);
  }
  const builtAtAfter = (await pool.query(`select built_at from feed_snapshots where key = 'region'`)).rows[0].built_at;

  const rebuildDirect = sortedStats(direct.map((run) => run.ms));
  const rebuildHttp = sortedStats(overHttp.map((run) => run.ms));
  const rebuildIncremental = sortedStats(incremental);
  console.log('');
  console.log(
    `${counts.events} published events (${counts.recurring_events} weekly × ${EVENTS_SEED.recurringDates} dates), ${counts.occurrences} dates (${counts.occurrences_in_feed_window} in the feed's window), ${counts.villages} villages, ${counts.organisations} organisations; ` +
      `${os.cpus().length} cores shared by PostgreSQL, the servers and the load generator; load average ${fmt(loadAtStart, 2)} before the runs (load1: after each run; above ${os.cpus().length}, other work competed for the cores)`,
  );
  console.log('');
  console.log(`full region feed rebuild, ${REBUILDS} runs each (min / median / max):`);
  console.log(
    `  FeedService.build() in-process   ${fmt(rebuildDirect.min, 0)} / ${fmt(rebuildDirect.median, 0)} / ${fmt(rebuildDirect.max, 0)} ms   ${direct[0].vevents} VEVENTs, ${mib(direct[0].bytes)}`,
  );
  console.log(
    `  HTTP request of a stale feed      ${fmt(rebuildHttp.min, 0)} / ${fmt(rebuildHttp.median, 0)} / ${fmt(rebuildHttp.max, 0)} ms   (build + store + send; first request of the new feed: ${fmt(miss.ms, 0)} ms)`,
  );
  console.log(
    `  after one event changed           ${fmt(rebuildIncremental.min, 0)} / ${fmt(rebuildIncremental.median, 0)} / ${fmt(rebuildIncremental.max, 0)} ms   (in-process; the first full build above wrote every date, later ones copy unchanged dates)`,
  );
  const query = sortedStats(direct.map((run) => run.queryMs));
  console.log(
    `  of which the calendar statement  ${fmt(query.min, 0)} / ${fmt(query.median, 0)} / ${fmt(query.max, 0)} ms   (queryFeedRows alone, ${direct[0].rows} rows; the rest is building the iCalendar text)`,
  );
  console.log(`  feed stored: ${snapshot.event_count} VEVENTs, ${mib(Number(snapshot.bytes))}`);
  console.log('');
  console.log(`one client, one request at a time, ${SEQUENTIAL_REQUESTS} requests (min / median / max):`);
  for (const run of sequential) console.log(`  ${run.name.padEnd(32)} ${fmt(run.min)} / ${fmt(run.median)} / ${fmt(run.max)} ms`);
  console.log('');
  const header = [
    'scenario',
    'clients',
    'answers',
    'in flight at end',
    'req/s',
    'MiB/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'CPU ms/req',
    'load1',
    'statuses',
  ];
  const rows = results.map((r) => [
    r.name,
    String(r.clients),
    String(r.completed),
    String(r.inFlightAtEnd),
    fmt(r.rps, 1),
    fmt(r.mibPerSecond, 1),
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p99),
    fmt(r.max),
    r.cpuMsPerRequest.map((value) => fmt(value, 2)).join(' + '),
    fmt(r.machineLoad1),
    Object.entries(r.statuses)
      .map(([status, count]) => `${status}×${count}`)
      .join(' '),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(
    `(answers: all answers, warm-up included; req/s, MiB/s and percentiles: answers that arrived in the ${DURATION_S} s after the warm-up, whenever sent; the percentiles also count the requests still in flight at the end with their age then, a lower bound. CPU ms/req: the server's CPU per answer${page.server === portal ? '; for the portal page: portal + api' : ''}. ${page.note}.)`,
  );
  if (builtAtAfter.getTime() !== builtAtBefore.getTime())
    console.log('note: the region feed was rebuilt during the load runs (expected not)');
  console.log('');
  const verdict = (label, value, target, unit = 'ms') => {
    const isMet = value <= target;
    console.log(`${label.padEnd(34)} ${fmt(value, 1)} ${unit} (target ≤ ${target} ${unit}: ${isMet ? 'met' : 'MISSED'})`);
    return { label, value, target, isMet };
  };
  // Throughput of the api and the public origin as a share of nginx's with the same bytes.
  const feedRatios = results
    .filter((r) => r.feed && r.feed.side !== 'nginx')
    .flatMap((r) => {
      const limit = results.find((other) => other.feed?.side === 'nginx' && other.feed.kind === r.feed.kind);
      if (!limit) return [];
      const share = (100 * r.rps) / limit.rps;
      const label = `feed ${r.feed.kind}, ${r.feed.side === 'api' ? 'api alone' : 'public origin'} / nginx`;
      const isMet = share >= TARGET_FEED_SHARE_OF_NGINX;
      console.log(
        `${label.padEnd(34)} ${fmt(share, 1)} % (${fmt(r.rps, 0)} vs ${fmt(limit.rps, 0)} req/s; target ≥ ${TARGET_FEED_SHARE_OF_NGINX} %: ${isMet ? 'met' : 'MISSED'})`,
      );
      return [{ label, value: share, target: TARGET_FEED_SHARE_OF_NGINX, isMet }];
    });
  const verdicts = [
    ...feedRatios,
    verdict('rebuild (FeedService.build, median)', rebuildDirect.median, TARGET_REBUILD_MS),
    verdict('rebuild over HTTP (median)', rebuildHttp.median, TARGET_REBUILD_MS),
    verdict('rebuild after one change (median)', rebuildIncremental.median, TARGET_INCREMENTAL_MS),
    ...results.map((r) => verdict(`${r.name} ${r.target[0]}`, r[r.target[0]], r.target[1])),
    ...results
      .filter((r) => r.isCachedPage)
      .flatMap((r) => {
        const cpu = r.cpuMsPerRequest.reduce((sum, value) => sum + (value ?? 0), 0);
        const rps = { label: `${r.name} req/s`, value: r.rps, target: TARGET_PAGE_RPS, isMet: r.rps >= TARGET_PAGE_RPS };
        console.log(
          `${rps.label.padEnd(34)} ${fmt(r.rps, 1)} req/s (target ≥ ${TARGET_PAGE_RPS}: ${rps.isMet ? 'met' : 'MISSED'})`,
        );
        return [rps, verdict(`${r.name} CPU per page`, cpu, TARGET_CACHED_PAGE_CPU_MS)];
      }),
  ];
  if (args.json) {
    fs.writeFileSync(
      args.json,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          loadAtStart,
          cores: os.cpus().length,
          node: process.version,
          seed: counts,
          month,
          page: page.note,
          rebuild: { direct, overHttp, miss, incremental },
          sequential,
          results: results.map((r) => ({
            name: r.name,
            clients: r.clients,
            path: r.path,
            requests: r.requests,
            inFlightAtEnd: r.inFlightAtEnd,
            completed: r.completed,
            rps: r.rps,
            mibPerSecond: r.mibPerSecond,
            p50: r.p50,
            p95: r.p95,
            p99: r.p99,
            max: r.max,
            statuses: r.statuses,
            cpuMsPerRequest: r.cpuMsPerRequest,
            machineLoad1: r.machineLoad1,
          })),
          verdicts,
        },
        null,
        2,
      ),
    );
  }
}

try {
  await main();
  await cleanup();
  if (PROFILE_DIR) printProfiles(PROFILE_DIR, (line) => console.log(line));
  process.exit(0);
} catch (error) {
  log(`benchmark crashed: ${error.stack ?? error}`);
  await cleanup();
  process.exit(1);
}
