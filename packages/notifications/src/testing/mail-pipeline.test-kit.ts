// Test helpers for the notification tests: a real worker-side Nest context on a real database,
// queue store and SMTP server. Nothing here is a mock.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { OutboxRelayService, type OutboxRelaySettings, OutboxWorkerModule, outboxEntities, outboxJobId } from '@talkoot/outbox';
import { type AppConfig, configureQueueBackend, createOrmOptions, type QueueConnection } from '@talkoot/platform';
import { testConfig } from '@talkoot/testing';
import { type ConnectionOptions, Queue, Worker } from 'bullmq';
import pg from 'pg';
import { waitFor } from '@talkoot/testing';
import type { MailRequest } from '../mail.schemas.js';
import { MailDeliveryService } from '../mail-delivery.service.js';
import { NotificationsWorkerModule } from '../notifications-worker.module.js';
import { enqueueMail } from '../mail-send.message.js';
import { notificationEntities } from '../index.js';

type PipelineSettings = Partial<OutboxRelaySettings> & { redriveMs?: number };

// The worker's composition (apps/worker) with only notifications beside the outbox.
@Module({})
class MailPipelineRoot {}

export interface MailPipeline {
  config: AppConfig;
  orm: MikroORM;
  connection: QueueConnection;
  queuePrefix: string;
  app: INestApplicationContext;
  relay: OutboxRelayService;
  deliveries: MailDeliveryService;
  // A queue handle of the test's own, to look at jobs (state, attempts).
  inspectQueue: Queue;
  enqueue: (mail: MailRequest, availableAt?: Date) => Promise<string>;
  outboxRow: (id: string) => Promise<OutboxRowView | undefined>;
  deliveryRow: (id: string) => Promise<DeliveryRowView | undefined>;
  close: () => Promise<void>;
}

export interface OutboxRowView {
  relayed_at: string | null;
  relay_attempts: number;
  last_error: string | null;
}

export interface DeliveryRowView {
  status: 'sending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  message_id: string | null;
  template: string;
}

// Fast retries so that tests see several attempts within seconds.
export const fastRelay: PipelineSettings = { pollMs: 100, backoffMs: 200, attempts: 8, addTimeoutMs: 3_000, redriveMs: 60_000 };

export async function startMailPipeline(input: {
  databaseUrl: string;
  env?: Record<string, string | undefined>;
  relay?: PipelineSettings;
  queuePrefix?: string;
}): Promise<MailPipeline> {
  const config = testConfig({ DATABASE_URL: input.databaseUrl, ...input.env });
  // Process-wide in BullMQ: before any Queue or Worker exists.
  const connection = configureQueueBackend(config);
  const queuePrefix = input.queuePrefix ?? `test${randomBytes(4).toString('hex')}`;
  const orm = await MikroORM.init(
    createOrmOptions({ url: input.databaseUrl, entities: [...outboxEntities, ...notificationEntities], poolMax: 8 }),
  );
  const { redriveMs, ...relay } = { ...fastRelay, ...input.relay };
  const app = await NestFactory.createApplicationContext(
    {
      module: MailPipelineRoot,
      imports: [
        OutboxWorkerModule.forRoot({ config, orm, connection, queuePrefix, relay }),
        NotificationsWorkerModule.forRoot({ config, orm, redriveMs }),
      ],
    },
    { logger: process.env.TEST_LOGS ? ['log', 'warn', 'error'] : false, abortOnError: false },
  );
  await app.init();
  const inspectQueue = new Queue('mail', { connection: connection as unknown as ConnectionOptions, prefix: queuePrefix });
  inspectQueue.on('error', () => {});

  return {
    config,
    orm,
    connection,
    queuePrefix,
    app,
    relay: app.get(OutboxRelayService),
    deliveries: app.get(MailDeliveryService),
    inspectQueue,
    async enqueue(mail, availableAt) {
      const em = orm.em.fork();
      const message = enqueueMail(em, mail, availableAt);
      await em.flush();
      return String(message.id);
    },
    async outboxRow(id) {
      const rows = await orm.em
        .fork()
        .execute<OutboxRowView[]>('select relayed_at, relay_attempts, last_error from outbox_messages where id = ?', [id]);
      return rows[0];
    },
    async deliveryRow(id) {
      const rows = await orm.em
        .fork()
        .execute<DeliveryRowView[]>(
          'select status, attempts, last_error, message_id, template from mail_deliveries where outbox_message_id = ?',
          [id],
        );
      return rows[0];
    },
    async close() {
      await app.close();
      await inspectQueue.close();
      await orm.close(true);
    },
  };
}

export function uniqueAddress(label: string): string {
  return `${label}-${randomBytes(3).toString('hex')}@example.fi`;
}

export function signInMail(
  to: string,
  language: MailRequest['language'] = 'fi',
): MailRequest & { data: Record<string, unknown> } {
  return {
    to,
    toName: 'Aino Testaaja',
    language,
    template: 'sign-in',
    data: { link: `https://talkoot.example/sign-in/verify?token=${randomBytes(8).toString('hex')}`, code: '482913', minutes: 10 },
  };
}

// A loopback port that nothing listens on (yet).
export async function reservePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// Opens `port` and forwards every connection to `targetPort`: "the SMTP server comes back"
// on the address the mailer was configured with.
// With delayMs, each connection waits that long before it reaches the target (a slow server).
export async function forwardPort(port: number, targetPort: number, delayMs = 0): Promise<{ close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer(async (client) => {
    client.pause();
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
    client.resume();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// A redis-server of the test's own on a fixed port, so it can be stopped and started again
// where the worker expects it.
export async function startRedisChild(port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
    {
      stdio: 'ignore',
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', () => {});
  const deadline = Date.now() + 10_000;
  for (;;) {
    const isUp = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (isUp) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export function requireRedisUrl(url: string | undefined): string {
  if (!url) {
    throw new Error(
      'redis-server is not installed, so the Redis-backend tests cannot run. Run `node tools/test-setup.mjs` ' +
        '(or `apt-get install -y redis-server`), or point TEST_REDIS_URL at a Redis server.',
    );
  }
  return url;
}

// What a crashed or stalled worker leaves behind: the relay's work done by hand (a relayed outbox
// row and its job), then a worker that dies on the job, so BullMQ fails it while no delivery row
// decides anything. Returns the outbox id.
export async function failMailJobWithoutDecision(input: {
  databaseUrl: string;
  smtpUrl: string;
  queuePrefix: string;
  mail: MailRequest;
}): Promise<string> {
  const config = testConfig({ DATABASE_URL: input.databaseUrl, SMTP_URL: input.smtpUrl });
  const connection = configureQueueBackend(config) as unknown as ConnectionOptions;
  const sql = new pg.Client({ connectionString: input.databaseUrl });
  await sql.connect();
  const { rows } = await sql.query(
    `insert into outbox_messages (topic, queue, payload, created_at, available_at, relayed_at, relay_attempts) values ('mail.send', 'mail', $1, now(), now(), now(), 0) returning id`,
    [JSON.stringify(input.mail)],
  );
  await sql.end();
  const id = String(rows[0].id);
  const queue = new Queue('mail', { connection, prefix: input.queuePrefix });
  await queue.add('mail.send', { ...input.mail, outboxMessageId: id }, { jobId: outboxJobId(id), attempts: 1 });
  const crashing = new Worker(
    'mail',
    async () => {
      throw new Error('worker crashed');
    },
    { connection, prefix: input.queuePrefix },
  );
  await waitFor(async () => (await queue.getJobState(outboxJobId(id))) === 'failed', 10_000, 'the job to fail');
  await crashing.close();
  await queue.close();
  return id;
}
