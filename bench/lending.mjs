// Lending benchmark (run with `pnpm bench:lending`, which builds first).
//
// Starts an embedded PostgreSQL in a temp dir, migrates it, seeds 2,000 items and 100,000 loans with
// set-based SQL, then runs the real api (child process, production config, quiet logs) and a raw
// Fastify + pg server running the same statements (another child process) on the same database.
// 20 keep-alive clients drive each scenario for a fixed time after a warm-up; the table shows req/s,
// latency percentiles and CPU of both and the api/raw throughput ratio against the targets.
// It is a measurement: it exits 0 whatever the figures, non-zero only when something crashes.
//
//   node bench/lending.mjs [--duration=10] [--warmup=2] [--connections=20] [--only=availability,loan]
//                          [--rounds=1] [--json=results.json] [--profile=dir-for-cpu-profiles]
// --rounds=N runs every scenario N times, api and raw alternating which goes first, and pools the
// figures: on a machine shared with other work, the ratio then depends less on one neighbour's burst.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFromApi } from './lib/deps.mjs';
import { args, fmt, log, onCleanup, report, runBenchmark, runScenarios, startServer } from './lib/harness.mjs';
import { LENDING_SEED, seedLending } from './lib/lending-seed.mjs';
import { startDatabase } from './lib/postgres.mjs';

const DURATION_S = Number(args.duration ?? process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = Number(args.warmup ?? process.env.BENCH_WARMUP_S ?? 2);
const CONNECTIONS = Number(args.connections ?? LENDING_SEED.clients);
const ROUNDS = Number(args.rounds ?? 1);
const TARGET_P99_MS = 50;

const random = (n) => Math.floor(Math.random() * n);
const day = 86_400_000;
const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
const dateOf = (offset) => new Date(today + offset * day).toISOString().slice(0, 10);

// A month (30 Helsinki days) of a random item, plain or kit, inside the seeded span.
function availabilityRequests(itemIds) {
  return () => {
    const from = random(LENDING_SEED.pastDays + LENDING_SEED.futureDays - 40) - LENDING_SEED.pastDays + 5;
    return {
      path: `/api/lending/items/${itemIds[random(itemIds.length)]}/availability?from=${dateOf(from)}&to=${dateOf(from + 29)}`,
    };
  };
}

// One unit of a random item that has more than one, for a day (09:00 UTC to 09:00 the next day),
// 3–360 days ahead, borrowed for the client's organisation. Seeded loans hold at most half of an
// item at a time, so requests are refused (409) only when the clients' own picks pile up. The api
// asks for odd days, the raw server for even days, so neither eats into the other's stock.
function loanRequests(itemIds, sessions, parity) {
  return (client) => {
    const session = sessions[client % sessions.length];
    const offset = 3 + 2 * random(Math.floor(LENDING_SEED.futureDays / 2) - 3) + parity;
    const startsAt = new Date(today + offset * day + 9 * 3_600_000);
    return {
      method: 'POST',
      path: '/api/lending/requests',
      headers: { authorization: `Bearer ${session.token}` },
      body: {
        lines: [{ itemId: itemIds[random(itemIds.length)], quantity: 1 }],
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + day).toISOString(),
        organisationId: session.organisationId,
        collectorName: 'Bench collector',
      },
    };
  };
}

// Both servers answer the same thing before anything is timed: availability of a plain item and
// a kit, and the shape of the answer to one loan request of the same item each.
async function smokeCheck(api, raw, data) {
  for (const itemId of [data.lendableIds[0], data.kitIds[0]]) {
    const probe = `/api/lending/items/${itemId}/availability?from=${dateOf(0)}&to=${dateOf(29)}`;
    const [a, r] = await Promise.all([api, raw].map((server) => fetch(server.url + probe).then((response) => response.text())));
    if (a !== r) throw new Error(`api and raw availability differ:\napi ${a.slice(0, 400)}\nraw ${r.slice(0, 400)}`);
  }
  const shape = (value) =>
    Array.isArray(value)
      ? value.map(shape)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([key, inner]) => [key, shape(inner)]),
          )
        : value === null
          ? 'null'
          : typeof value;
  const answers = [];
  for (const [server, parity] of [
    [api, 1],
    [raw, 0],
  ]) {
    const request = loanRequests([data.lendableIds[0]], data.sessions, parity)(0);
    const response = await fetch(server.url + request.path, {
      method: 'POST',
      headers: { ...request.headers, 'content-type': 'application/json' },
      body: JSON.stringify(request.body),
    });
    answers.push({ status: response.status, body: await response.json() });
  }
  const [a, r] = answers;
  const [aShape, rShape] = [JSON.stringify(shape(a.body)), JSON.stringify(shape(r.body))];
  if (a.status !== 201 || r.status !== 201 || aShape !== rShape) {
    const at = [...aShape].findIndex((char, i) => char !== rShape[i]);
    throw new Error(
      `api and raw loan requests differ (${a.status}, ${r.status}) from:\napi …${aShape.slice(at - 80, at + 200)}\nraw …${rShape.slice(at - 80, at + 200)}`,
    );
  }
  const mails = await data.pool.query(`select count(*)::int n from outbox_messages`);
  log(`smoke check: same availability (a plain item and a kit), same loan answer; ${mails.rows[0].n} mails in the outbox`);
}

async function main() {
  const loadAtStart = os.loadavg()[0];
  log(
    `talkoot lending benchmark: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load average ${fmt(loadAtStart, 2)}`,
  );
  log('starting embedded PostgreSQL and migrating…');
  const db = await startDatabase(log);
  onCleanup(db.stop);
  log(`migrations: ${db.applied.length} applied`);

  const pg = await importFromApi('pg');
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  pool.on('error', () => {});
  onCleanup(() => pool.end());
  const seedStart = performance.now();
  const data = { ...(await seedLending(pool, log)), pool };
  log(`seeded in ${fmt((performance.now() - seedStart) / 1000)} s: ${JSON.stringify(data.counts)}`);

  const env = { NODE_ENV: 'production', DATABASE_URL: db.url, BENCH_DATA_DIR: path.join(db.tempDir, 'data') };
  const [api, raw] = await Promise.all([startServer('api-server.mjs', env), startServer('lending-raw-server.mjs', env)]);
  log(`api on ${api.url}, raw on ${raw.url}`);
  await smokeCheck(api, raw, data);

  const only = args.only ? new Set(args.only.split(',')) : undefined;
  const scenarios = [
    {
      name: 'availability',
      targetRatio: 0.8,
      servers: [
        ['api', api, availabilityRequests(data.itemIds)],
        ['raw', raw, availabilityRequests(data.itemIds)],
      ],
    },
    {
      name: 'loan',
      targetRatio: 0.6,
      servers: [
        ['api', api, loanRequests(data.lendableIds, data.sessions, 1)],
        ['raw', raw, loanRequests(data.lendableIds, data.sessions, 0)],
      ],
    },
  ].filter((scenario) => !only || only.has(scenario.name));
  const results = await runScenarios({
    scenarios,
    dataDir: db.dataDir,
    connections: CONNECTIONS,
    warmupS: WARMUP_S,
    durationS: DURATION_S,
    rounds: ROUNDS,
  });
  const { results: pooled, verdicts } = report({
    title:
      `${data.counts.items} items (${data.counts.kits} kits), ${data.counts.loans} loans (${data.counts.blocking_loans} holding stock); ` +
      `${CONNECTIONS} clients, ${WARMUP_S} s warm-up + ${DURATION_S} s per run${ROUNDS > 1 ? `, ${ROUNDS} rounds (api and raw alternating; figures pooled)` : ''}; ${os.cpus().length} cores shared by PostgreSQL, the server and the load generator; ` +
      `load average ${fmt(loadAtStart, 2)} before the runs (load1: after each run; above ${os.cpus().length}, other work competed for the cores)`,
    results,
    scenarios,
    targetP99Ms: TARGET_P99_MS,
  });
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
          results: pooled,
          runs: results.map(({ latencies, ...run }) => run),
          verdicts,
        },
        null,
        2,
      ),
    );
}

await runBenchmark(main);
