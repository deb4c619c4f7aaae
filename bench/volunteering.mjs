// Volunteering benchmark (run with `pnpm bench:volunteering`, which builds first).
//
// Starts an embedded PostgreSQL in a temp dir, migrates it, seeds 1,000 events × 10 shifts with
// set-based SQL, then runs the real api (child process, production config, quiet logs) and a raw
// Fastify + pg server running the same statements (bench/servers/volunteering-raw-server.mjs) on the
// same database. 20 keep-alive clients, each a signed-in volunteer, claim places on popular shifts:
// every client walks the same list of shifts, so the clients crowd the same shift's row lock at the
// same moment, and each claim is a real one (a place, or a turn in line once the 10 places are gone),
// with its mail written to the outbox. The table shows req/s, latency percentiles and CPU of both and
// the api/raw ratio against the targets (≥ 60 % of raw, p99 ≤ 50 ms on a quiet machine).
// It is a measurement: it exits 0 whatever the figures, non-zero only when something crashes.
//
//   node bench/volunteering.mjs [--duration=10] [--warmup=2] [--connections=20] [--rounds=1] [--json=results.json]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFromApi } from './lib/deps.mjs';
import { args, fmt, log, onCleanup, report, runBenchmark, runScenarios, startServer } from './lib/harness.mjs';
import { startDatabase } from './lib/postgres.mjs';
import { VOLUNTEERING_SEED, seedVolunteering } from './lib/volunteering-seed.mjs';

const DURATION_S = Number(args.duration ?? process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = Number(args.warmup ?? process.env.BENCH_WARMUP_S ?? 2);
const CONNECTIONS = Number(args.connections ?? VOLUNTEERING_SEED.clients);
const ROUNDS = Number(args.rounds ?? 1);
const TARGET_P99_MS = 50;

// Client c's k-th claim is on shift k of the server's own half of the popular shifts: all clients
// walk the same list, so up to 20 claims wait for one shift's lock at once. Every (client, shift)
// pair is new, so no claim is refused as "already yours".
function claimRequests(shiftIds, tokens) {
  return (client, step) => {
    return {
      method: 'POST',
      path: `/api/volunteering/shifts/${shiftIds[step % shiftIds.length]}/claims`,
      headers: { authorization: `Bearer ${tokens[client % tokens.length]}` },
      body: { confirmedRequirements: [], waitIfFull: true },
    };
  };
}

// Both servers answer a claim the same way (status and shape) before anything is timed.
async function smokeCheck(api, raw, data) {
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
  for (const [server, shiftId] of [
    [api, data.popularIds.at(-1)],
    [raw, data.popularIds.at(-2)],
  ]) {
    const response = await fetch(`${server.url}/api/volunteering/shifts/${shiftId}/claims`, {
      method: 'POST',
      headers: { authorization: `Bearer ${data.tokens[0]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ confirmedRequirements: [], waitIfFull: true }),
    });
    answers.push({ status: response.status, body: await response.json() });
  }
  const [a, r] = answers;
  const [aShape, rShape] = [JSON.stringify(shape(a.body)), JSON.stringify(shape(r.body))];
  if (a.status !== r.status || aShape !== rShape || a.body.claim?.state !== 'placed') {
    throw new Error(
      `api and raw claims differ (${a.status}, ${r.status}):\napi ${aShape.slice(0, 400)}\nraw ${rShape.slice(0, 400)}`,
    );
  }
  const mails = await data.pool.query(`select count(*)::int n from outbox_messages`);
  log(`smoke check: same claim answer from both; ${mails.rows[0].n} mails in the outbox`);
}

async function main() {
  const loadAtStart = os.loadavg()[0];
  log(
    `talkoot volunteering benchmark: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load average ${fmt(loadAtStart, 2)}`,
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
  const data = { ...(await seedVolunteering(pool, log)), pool };
  log(`seeded in ${fmt((performance.now() - seedStart) / 1000)} s: ${JSON.stringify(data.counts)}`);

  const env = { NODE_ENV: 'production', DATABASE_URL: db.url, BENCH_DATA_DIR: path.join(db.tempDir, 'data') };
  const [api, raw] = await Promise.all([startServer('api-server.mjs', env), startServer('volunteering-raw-server.mjs', env)]);
  log(`api on ${api.url}, raw on ${raw.url}`);
  await smokeCheck(api, raw, data);

  // The last two popular shifts took the smoke check's claims; the api claims the first half, raw the second.
  const half = Math.floor((data.popularIds.length - 2) / 2);
  const scenarios = [
    {
      name: 'claim',
      targetRatio: 0.6,
      servers: [
        ['api', api, claimRequests(data.popularIds.slice(0, half), data.tokens)],
        ['raw', raw, claimRequests(data.popularIds.slice(half, 2 * half), data.tokens)],
      ],
    },
  ];
  const results = await runScenarios({
    scenarios,
    dataDir: db.dataDir,
    connections: CONNECTIONS,
    warmupS: WARMUP_S,
    durationS: DURATION_S,
    rounds: ROUNDS,
  });
  const {
    rows: [claims],
  } = await pool.query(
    `select count(*) filter (where state = 'placed')::int placed, count(*) filter (where state = 'waiting')::int waiting
       from volunteer_claims where user_id is not null`,
  );
  log(`claims made by the clients: ${claims.placed} places, ${claims.waiting} turns in line`);
  const { results: pooled, verdicts } = report({
    title:
      `${data.counts.events} events, ${data.counts.tasks} tasks, ${data.counts.shifts} shifts, ${data.counts.claims} earlier claims; ` +
      `${CONNECTIONS} clients on the same popular shift at a time, ${WARMUP_S} s warm-up + ${DURATION_S} s per run${ROUNDS > 1 ? `, ${ROUNDS} rounds` : ''}; ` +
      `${os.cpus().length} cores shared by PostgreSQL, the server and the load generator; load average ${fmt(loadAtStart, 2)} before the runs`,
    results,
    scenarios,
    targetP99Ms: TARGET_P99_MS,
  });
  if (args.json)
    fs.writeFileSync(
      args.json,
      JSON.stringify({ date: new Date().toISOString(), loadAtStart, seed: data.counts, results: pooled, verdicts }, null, 2),
    );
}

await runBenchmark(main);
