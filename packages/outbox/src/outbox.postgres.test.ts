// A domain that did not exist when the outbox was written declares a message in its own file and
// the relay delivers it to that domain's queue: nothing central is edited. Real PostgreSQL and
// BullMQ's PostgreSQL backend.
import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureQueueBackend, createOrmOptions, runInRequest } from '@talkoot/platform';
import { createTestDatabase, testConfig } from '@talkoot/testing';
import { type ConnectionOptions, Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  defineMessage,
  enqueue,
  enqueueMany,
  outboxEntities,
  outboxJobId,
  OutboxRelayService,
  OutboxWorkerModule,
  readMessage,
} from './index.js';

const loanReturned = defineMessage({
  topic: 'loan.returned',
  queue: 'lending-test',
  payload: z.object({ loanId: z.uuid(), quantity: z.number().int().min(1) }),
});

@Module({})
class TestRoot {}

describe('the outbox with a message no central list knows', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let orm: MikroORM;
  let app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>;
  let queue: Queue;
  const queuePrefix = `outbox${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig({ DATABASE_URL: database.url });
    const connection = configureQueueBackend(config);
    orm = await MikroORM.init(createOrmOptions({ url: database.url, entities: outboxEntities, poolMax: 4 }));
    // A poll far in the future: the test relays by hand, so it sees each step.
    app = await NestFactory.createApplicationContext(
      {
        module: TestRoot,
        imports: [OutboxWorkerModule.forRoot({ config, orm, connection, queuePrefix, relay: { pollMs: 3_600_000 } })],
      },
      { logger: false, abortOnError: false },
    );
    await app.init();
    queue = new Queue(loanReturned.queue, { connection: connection as unknown as ConnectionOptions, prefix: queuePrefix });
  });

  afterAll(async () => {
    await queue?.close();
    await app?.close();
    await orm?.close(true);
    await database?.drop();
  });

  it('refuses a payload that breaks the declaration before anything is written', async () => {
    const em = orm.em.fork();
    expect(() => enqueue(em, loanReturned, { loanId: 'not-a-uuid', quantity: 0 } as never)).toThrow(z.ZodError);
    await em.flush();
    expect(await em.getConnection().execute('select count(*)::int as n from outbox_messages')).toEqual([{ n: 0 }]);
  });

  it("relays a committed row to the declaring domain's queue, once, with a typed payload", async () => {
    const em = orm.em.fork();
    const loanId = '6f1c1d6e-2b7a-4c39-9d55-3f0e8b1a2c4d';
    const row = enqueue(em, loanReturned, { loanId, quantity: 20 });
    await em.flush();
    const relay = app.get(OutboxRelayService);
    expect(await relay.relayDue()).toEqual({ relayed: 1, failed: 0 });
    // A second pass finds nothing: the row is marked relayed in the transaction that added the job.
    expect(await relay.relayDue()).toEqual({ relayed: 0, failed: 0 });
    const job = await queue.getJob(outboxJobId(String(row.id)));
    expect(job?.name).toBe('loan.returned');
    expect(readMessage(loanReturned, job?.data)).toEqual({ loanId, quantity: 20, outboxMessageId: String(row.id) });
    expect(await queue.getJobCounts('waiting', 'delayed')).toEqual({ waiting: 1, delayed: 0 });
  });

  it('carries the id of the request that wrote a row into its job, and leaves it out of the payload', async () => {
    const em = orm.em.fork();
    const loanId = '3c9d2e1f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    const row = runInRequest('trace-loan-returned', () => enqueue(em, loanReturned, { loanId, quantity: 2 }));
    const outsideAnyRequest = enqueue(em, loanReturned, { loanId, quantity: 3 });
    await em.flush();
    expect(row.requestId).toBe('trace-loan-returned');
    expect(outsideAnyRequest.requestId).toBeNull();
    await app.get(OutboxRelayService).relayDue();
    const job = await queue.getJob(outboxJobId(String(row.id)));
    expect(job?.data.requestId).toBe('trace-loan-returned');
    expect(readMessage(loanReturned, job?.data)).toEqual({ loanId, quantity: 2, outboxMessageId: String(row.id) });
    expect((await queue.getJob(outboxJobId(String(outsideAnyRequest.id))))?.data).not.toHaveProperty('requestId');
  });

  it('keeps a row for later until its time comes', async () => {
    const em = orm.em.fork();
    enqueue(
      em,
      loanReturned,
      { loanId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', quantity: 1 },
      { availableAt: new Date(Date.now() + 3_600_000) },
    );
    await em.flush();
    expect(await app.get(OutboxRelayService).relayDue()).toEqual({ relayed: 0, failed: 0 });
  });

  it('writes the rows of one change in one insert, checked like enqueue, and commits them with the transaction', async () => {
    const loanIds = ['0d6b8f7e-8c1e-4f5a-9a51-7c2b3d4e5f60', '9a3c2b1d-4e5f-4a6b-8c7d-1e2f3a4b5c6d'];
    await expect(
      orm.em.fork().transactional((em) => enqueueMany(em, loanReturned, [{ loanId: loanIds[0]!, quantity: 0 }] as never)),
    ).rejects.toThrow(z.ZodError);
    // A transaction that fails after the insert leaves no row behind.
    await expect(
      orm.em.fork().transactional(async (em) => {
        await enqueueMany(em, loanReturned, [{ loanId: loanIds[0]!, quantity: 1 }]);
        throw new Error('the domain change failed');
      }),
    ).rejects.toThrow('the domain change failed');
    expect(await app.get(OutboxRelayService).relayDue()).toEqual({ relayed: 0, failed: 0 });
    await orm.em.fork().transactional((em) =>
      enqueueMany(
        em,
        loanReturned,
        loanIds.map((loanId) => ({ loanId, quantity: 2 })),
      ),
    );
    expect(await app.get(OutboxRelayService).relayDue()).toEqual({ relayed: 2, failed: 0 });
    const jobs = await queue.getJobs(['waiting']);
    expect(jobs.map((job) => readMessage(loanReturned, job.data).loanId).sort()).toEqual(expect.arrayContaining(loanIds));
  });
});
