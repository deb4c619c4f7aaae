import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase, findFreePort, loadConfigOrExit } from '@talkoot/platform';
import { migrate, openOrm, seedDemoData } from '@talkoot/database';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './embedded-database.js';
import { startProcess, waitForHttp } from './processes.js';
import { resetDatabase } from './reset.js';
import { Supervisor } from './supervisor.js';

// `npm start`: the whole product on one machine. Embedded PostgreSQL unless DATABASE_URL is set,
// migrations, demo data on an empty database, then the api, the worker and the portal behind
// one public origin. A process that dies is restarted while the others keep serving (ADR 015).
// Ctrl-C stops everything in order.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
process.chdir(root);
const args = new Set(process.argv.slice(2));
const config = loadConfigOrExit();
const say = (line: string) => process.stdout.write(`[talkoot] ${line}\n`);

let embedded: EmbeddedDatabase | undefined;
let isStopping = false;
const supervisor = new Supervisor({
  say,
  onGiveUp: (name) => {
    say(`${name} keeps crashing; stopping Talkoot so that a service manager (systemd, Docker) can start it afresh`);
    void stopAll(1);
  },
});

async function stopAll(exitCode: number): Promise<never> {
  if (isStopping) {
    // A second Ctrl-C: no more waiting, but nothing is left running either.
    say('stopping at once');
    supervisor.killAll();
    await embedded?.stop();
    process.exit(exitCode);
  }
  isStopping = true;
  say('stopping…');
  // The portal first (no new requests), then the api and the worker finish what they started.
  await supervisor.stop(['portal', 'api', 'worker']);
  await embedded?.stop();
  say('stopped');
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stopAll(0));

try {
  if ((await findFreePort(config.PORT)) !== config.PORT) {
    throw new Error(`port ${config.PORT} is already in use (another Talkoot?). Stop it or choose another: PORT=3001 npm start`);
  }
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedDatabase({
      dataDir: path.join(config.dataDir, 'postgres'),
      port: config.EMBEDDED_POSTGRES_PORT,
      log: say,
    });
    await ensureDatabase(embedded.adminUrl, 'talkoot');
    const url = new URL(embedded.adminUrl);
    url.pathname = '/talkoot';
    databaseUrl = url.toString();
    say(`embedded PostgreSQL on port ${embedded.port} (data in ${embedded.dataDir})`);
  }
  if (args.has('--reset-demo')) {
    say('--reset-demo: deleting all data and loading the demo again');
    await resetDatabase(databaseUrl);
    fs.rmSync(config.mailDir, { recursive: true, force: true });
  }
  const applied = await migrate(databaseUrl);
  if (applied.length) say(`applied migrations: ${applied.join(', ')}`);

  const orm = await openOrm(databaseUrl, { poolMax: 2 });
  const accounts = await seedDemoData(orm);
  await orm.close(true);

  const apiPort = await findFreePort(config.API_PORT);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    API_PORT: String(apiPort),
    API_URL: `http://127.0.0.1:${apiPort}`,
    PORT: String(config.PORT),
    PUBLIC_ORIGIN: config.publicOrigin,
    DATA_DIR: config.dataDir,
  };
  // Prometheus metrics of the api and the worker, each on a loopback port of its own (never public).
  const apiMetricsPort = await findFreePort(config.METRICS_PORT ?? 9464);
  const workerMetricsPort = await findFreePort(apiMetricsPort + 1);
  supervisor.supervise('api', () =>
    startProcess(
      'api',
      'apps/api/dist/main.js',
      { ...env, METRICS_PORT: String(apiMetricsPort) },
      config.API_HEAP_MB,
      config.HEAP_SEMI_SPACE_MB,
    ),
  );
  supervisor.supervise('worker', () =>
    startProcess(
      'worker',
      'apps/worker/dist/main.js',
      { ...env, METRICS_PORT: String(workerMetricsPort) },
      config.WORKER_HEAP_MB,
      config.HEAP_SEMI_SPACE_MB,
    ),
  );
  await waitForHttp(`http://127.0.0.1:${apiPort}/api/healthz`);
  supervisor.supervise('portal', () =>
    startProcess('portal', 'apps/portal/dist/server/main.js', env, config.PORTAL_HEAP_MB, config.HEAP_SEMI_SPACE_MB),
  );
  await waitForHttp(`http://127.0.0.1:${config.PORT}/api/readyz`);

  if (accounts) {
    say('demo data loaded. Sign in with any of these addresses:');
    for (const account of accounts) say(`  ${account.email.padEnd(22)} ${account.name} — ${account.description}`);
  }
  say(`Talkoot is running at ${config.publicOrigin}`);
  say(
    `metrics (Prometheus): http://127.0.0.1:${apiMetricsPort}/metrics (api), http://127.0.0.1:${workerMetricsPort}/metrics (worker)`,
  );
  if (config.isDevMailbox) say(`mail goes to the developer mailbox: ${config.publicOrigin}/dev/mail`);
  if (config.isDevMailbox && !['127.0.0.1', 'localhost', '::1'].includes(config.HOST)) {
    say(
      `WARNING: HOST=${config.HOST} serves the network while mail goes to the developer mailbox, where anyone could read sign-in links. Set SMTP_URL, or NODE_ENV=production to close the mailbox.`,
    );
  }
  say('press Ctrl-C to stop');
} catch (error) {
  say(`could not start: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
}
