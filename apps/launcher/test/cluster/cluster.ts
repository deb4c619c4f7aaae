import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrate, openOrm, seedDemoData } from '@talkoot/database';
import { ensureDatabase, findFreePort } from '@talkoot/platform';
import { type ReceivedMail, type TestSmtpServer, type TestSmtpServerOptions, startTestSmtpServer } from '@talkoot/testing';
// The built launcher's, as `npm start` runs it: PostgreSQL in a process of its own that a test can stop.
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../../dist/embedded-database.js';
import { type Balancer, startBalancer } from './balancer.js';
import { ownerOfLocalPort } from './socket-owner.js';

// Several replicas of each process on one real PostgreSQL, one real Redis and one real SMTP server,
// as a deployment runs them (infra/): a public load balancer in front of the portals, and one in
// front of the api replicas that the portals use, both following readiness like a Kubernetes Service.
const root = path.resolve(import.meta.dirname, '../../../..');

export type Role = 'api' | 'worker' | 'portal';

export interface Replica {
  name: string;
  role: Role;
  port: number;
  // Prometheus metrics (api and worker).
  metricsPort: number;
  child: ChildProcess;
  output: string;
  exited: Promise<void>;
}

export interface Cluster {
  publicUrl: string;
  publicBalancer: Balancer;
  apiBalancer: Balancer;
  replicas: Map<string, Replica>;
  smtp: TestSmtpServer;
  // Which worker sent each mail (by Message-ID), from the SMTP connection's owner.
  senderOf: Map<string, string>;
  database: pg.Pool;
  databaseUrl: string;
  start: (name: string) => Promise<Replica>;
  kill: (name: string, signal: NodeJS.Signals) => void;
  stopRedis: () => Promise<void>;
  startRedis: () => Promise<void>;
  stopPostgres: () => Promise<void>;
  startPostgres: () => Promise<void>;
  logs: () => string;
  stop: () => Promise<void>;
}

export interface ClusterOptions {
  apis: number;
  workers: number;
  portals: number;
  smtp?: TestSmtpServerOptions;
  env?: Record<string, string>;
  // A PostgreSQL server of the test's own (its admin URL); by default the embedded one of `npm start`.
  postgresAdminUrl?: string;
}

export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  explain?: () => string | Promise<string>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${explain ? `\n${await explain()}` : ''}`);
}

function listens(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function messageIdOf(mail: ReceivedMail): string {
  return String(mail.headers.get('message-id') ?? '');
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'talkoot-cluster-'));
  fs.chmodSync(dataDir, 0o755);
  const replicas = new Map<string, Replica>();
  const senderOf = new Map<string, string>();
  const connectionOwner = new Map<number, string>();
  let log = '';

  // Redis as the deployment runs it: AOF on, never evicting (infra/docker/compose.yaml).
  const redisPort = await findFreePort();
  const redisDir = path.join(dataDir, 'redis');
  fs.mkdirSync(redisDir);
  let redis: ChildProcess | undefined;
  const startRedis = async () => {
    redis = spawn(
      'redis-server',
      [
        '--bind',
        '127.0.0.1',
        '--port',
        String(redisPort),
        '--dir',
        redisDir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    await waitFor(() => listens(redisPort), 10_000, 'redis-server to listen');
  };
  const stopRedis = async () => {
    const child = redis;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  await startRedis();

  const workerPids = () =>
    [...replicas.values()].filter((replica) => replica.role === 'worker').map((replica) => replica.child.pid ?? 0);
  const smtp = await startTestSmtpServer({
    ...options.smtp,
    onConnect: (remotePort) => {
      const pid = ownerOfLocalPort(remotePort, workerPids());
      const owner = [...replicas.values()].find((replica) => replica.child.pid === pid);
      if (owner) connectionOwner.set(remotePort, owner.name);
      options.smtp?.onConnect?.(remotePort);
    },
  });
  const received = smtp.received;
  const recordSender = setInterval(() => {
    for (const mail of received) {
      const id = messageIdOf(mail);
      if (!senderOf.has(id)) senderOf.set(id, connectionOwner.get(mail.remotePort) ?? 'unknown');
    }
  }, 50);

  const postgresPort = await findFreePort();
  const postgresDir = path.join(dataDir, 'postgres');
  let postgres: EmbeddedDatabase | undefined;
  const startPostgres = async () => {
    postgres = await startEmbeddedDatabase({ dataDir: postgresDir, port: postgresPort, log: () => {} });
  };
  if (options.postgresAdminUrl === undefined) await startPostgres();
  const adminUrl = options.postgresAdminUrl ?? postgres!.adminUrl;
  await ensureDatabase(adminUrl, 'talkoot');
  const url = new URL(adminUrl);
  url.pathname = '/talkoot';
  const databaseUrl = url.toString();
  await migrate(databaseUrl);
  const orm = await openOrm(databaseUrl, { poolMax: 2 });
  await seedDemoData(orm);
  await orm.close(true);
  const database = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // A restarted PostgreSQL drops this pool's idle connections; the pool makes new ones.
  database.on('error', () => {});

  const ports = new Map<string, number>();
  const names: { name: string; role: Role }[] = [
    ...Array.from({ length: options.apis }, (_, index) => ({ name: `api-${index + 1}`, role: 'api' as const })),
    ...Array.from({ length: options.workers }, (_, index) => ({ name: `worker-${index + 1}`, role: 'worker' as const })),
    ...Array.from({ length: options.portals }, (_, index) => ({ name: `portal-${index + 1}`, role: 'portal' as const })),
  ];
  const metricsPorts = new Map<string, number>();
  for (const { name, role } of names) {
    ports.set(name, role === 'worker' ? 0 : await findFreePort());
    metricsPorts.set(name, role === 'portal' ? 0 : await findFreePort());
  }

  const apiBalancer = await startBalancer({
    backends: names
      .filter((entry) => entry.role === 'api')
      .map(({ name }) => ({ name, url: `http://127.0.0.1:${ports.get(name)}` })),
    readinessPath: '/api/readyz',
  });
  const publicBalancer = await startBalancer({
    backends: names
      .filter((entry) => entry.role === 'portal')
      .map(({ name }) => ({ name, url: `http://127.0.0.1:${ports.get(name)}` })),
  });
  const publicUrl = publicBalancer.url;

  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    SMTP_URL: smtp.url,
    PUBLIC_ORIGIN: publicUrl,
    API_URL: apiBalancer.url,
    DATA_DIR: dataDir,
    OUTBOX_POLL_MS: '200',
    SHUTDOWN_DELAY_MS: '1500',
    LOG_LEVEL: process.env.CLUSTER_LOG_LEVEL ?? 'warn',
    ...options.env,
  };
  delete baseEnv.SIGN_IN_RATE_LIMIT_SCALE;

  const start = async (name: string): Promise<Replica> => {
    const role = names.find((entry) => entry.name === name)!.role;
    const port = ports.get(name)!;
    const script = {
      api: 'apps/api/dist/main.js',
      worker: 'apps/worker/dist/main.js',
      portal: 'apps/portal/dist/server/main.js',
    }[role];
    const metricsPort = metricsPorts.get(name)!;
    const env = {
      ...baseEnv,
      TALKOOT_PROCESS_NAME: name,
      ...(role === 'api' ? { API_PORT: String(port) } : {}),
      ...(role === 'portal' ? { PORT: String(port) } : {}),
      ...(metricsPort ? { METRICS_PORT: String(metricsPort) } : {}),
    };
    const child = spawn(process.execPath, ['--enable-source-maps', script], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const replica: Replica = {
      name,
      role,
      port,
      metricsPort,
      child,
      output: '',
      exited: new Promise((resolve) => child.once('exit', () => resolve())),
    };
    const collect = (chunk: Buffer) => {
      replica.output += chunk.toString();
      log += chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((line) => `[${name}] ${line}\n`)
        .join('');
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    replicas.set(name, replica);
    if (role === 'api')
      await waitFor(
        async () => (await fetch(`http://127.0.0.1:${port}/api/healthz`).catch(() => undefined))?.ok === true,
        60_000,
        `${name} to answer`,
      );
    if (role === 'portal') await waitFor(() => listens(port), 60_000, `${name} to listen`);
    return replica;
  };

  for (const { name } of names.filter((entry) => entry.role === 'api')) await start(name);
  await Promise.all(names.filter((entry) => entry.role !== 'api').map(({ name }) => start(name)));
  await waitFor(
    async () => (await fetch(`${publicUrl}/api/readyz`).catch(() => undefined))?.status === 200,
    30_000,
    'the public origin to be ready',
  );

  const stopReplica = async (replica: Replica) => {
    if (replica.child.exitCode !== null || replica.child.signalCode !== null) return;
    replica.child.kill('SIGTERM');
    const timer = setTimeout(() => replica.child.kill('SIGKILL'), 30_000);
    await replica.exited;
    clearTimeout(timer);
  };

  return {
    publicUrl,
    publicBalancer,
    apiBalancer,
    replicas,
    smtp,
    senderOf,
    database,
    databaseUrl,
    start,
    kill: (name, signal) => replicas.get(name)?.child.kill(signal),
    stopRedis,
    startRedis,
    stopPostgres: async () => {
      await postgres?.stop();
    },
    startPostgres,
    logs: () => log,
    stop: async () => {
      clearInterval(recordSender);
      await publicBalancer.close();
      for (const role of ['portal', 'api', 'worker'] as const) {
        await Promise.all([...replicas.values()].filter((replica) => replica.role === role).map(stopReplica));
      }
      await apiBalancer.close();
      await database.end();
      await postgres?.stop();
      await stopRedis();
      await smtp.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
