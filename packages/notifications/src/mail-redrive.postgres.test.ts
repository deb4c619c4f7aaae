// A mail job that BullMQ failed without the mail processor deciding (a crashed or stalled
// worker) is queued again; a mail the SMTP server refused for good is not.
import { randomBytes } from 'node:crypto';
import { configureQueueBackend } from '@talkoot/platform';
import { createTestDatabase, startTestSmtpServer, type TestSmtpServer, testConfig, waitFor } from '@talkoot/testing';
import { type ConnectionOptions, Queue, Worker } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailRedriveService } from './mail-redrive.service.js';
import { outboxJobId } from '@talkoot/outbox';
import { type MailPipeline, signInMail, startMailPipeline, uniqueAddress } from './testing/mail-pipeline.test-kit.js';

describe('mail jobs that failed without a decision', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let smtp: TestSmtpServer;
  let pipeline: MailPipeline | undefined;
  const queuePrefix = `redrive${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startTestSmtpServer();
  });

  afterAll(async () => {
    await pipeline?.close();
    await smtp?.close();
    await database?.drop();
  });

  it('queues a crashed job again and the mail goes out once; a mail refused for good stays refused', async () => {
    const config = testConfig({ DATABASE_URL: database.url, SMTP_URL: smtp.url });
    const connection = configureQueueBackend(config) as unknown as ConnectionOptions;
    const to = uniqueAddress('crashed');
    const mail = signInMail(to);

    // The relay's work, done by hand: an outbox row, relayed, and its job in the queue.
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    const { rows } = await sql.query(
      `insert into outbox_messages (topic, queue, payload, created_at, available_at, relayed_at, relay_attempts) values ('mail.send', 'mail', $1, now(), now(), now(), 0) returning id`,
      [JSON.stringify(mail)],
    );
    await sql.end();
    const id = String(rows[0].id);
    const queue = new Queue('mail', { connection, prefix: queuePrefix });
    await queue.add('mail.send', { ...mail, outboxMessageId: id }, { jobId: outboxJobId(id), attempts: 1 });

    // A worker that dies on the job: BullMQ fails it, and no delivery row decides anything.
    const crashing = new Worker(
      'mail',
      async () => {
        throw new Error('worker crashed');
      },
      { connection, prefix: queuePrefix },
    );
    await waitFor(async () => (await queue.getJobState(outboxJobId(id))) === 'failed', 10_000, 'the job to fail');
    await crashing.close();
    await queue.close();

    pipeline = await startMailPipeline({ databaseUrl: database.url, env: { SMTP_URL: smtp.url }, queuePrefix });
    const redrive = pipeline.app.get(MailRedriveService);
    expect(smtp.received.filter((received) => received.to.includes(to))).toHaveLength(0);

    expect(await redrive.redriveUndecided()).toEqual([id]);
    await smtp.waitForMail((received) => received.to.includes(to));
    await waitFor(async () => (await pipeline!.deliveryRow(id))?.status === 'sent', 10_000, 'the delivery to be recorded');

    // A permanent refusal is a decision: it is not tried again.
    const refusedTo = uniqueAddress('refused');
    smtp.rejectNext(550, 'No such mailbox');
    const refusedId = await pipeline.enqueue(signInMail(refusedTo));
    await waitFor(
      async () => (await pipeline!.deliveryRow(refusedId))?.status === 'failed',
      10_000,
      'the refusal to be recorded',
    );
    await waitFor(
      async () => (await pipeline!.inspectQueue.getJobState(outboxJobId(refusedId))) === 'failed',
      10_000,
      'the job to fail',
    );

    expect(await redrive.redriveUndecided()).toEqual([]);
    expect(smtp.received.filter((received) => received.to.includes(to))).toHaveLength(1);
    expect(smtp.received.filter((received) => received.to.includes(refusedTo))).toHaveLength(0);
  });
});
