// The redrive as it runs in production: on its schedule, with nobody calling it. A mail job that
// failed without a delivery decision goes out once the next scheduled run finds it.
import { randomBytes } from 'node:crypto';
import { configureQueueBackend } from '@talkoot/platform';
import { createTestDatabase, startTestSmtpServer, type TestSmtpServer, testConfig, waitFor } from '@talkoot/testing';
import { type ConnectionOptions, Queue, Worker } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxJobId } from '@talkoot/outbox';
import { type MailPipeline, signInMail, startMailPipeline, uniqueAddress } from './testing/mail-pipeline.test-kit.js';

describe('the scheduled redrive of undecided mail jobs', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let smtp: TestSmtpServer;
  let pipeline: MailPipeline | undefined;
  const queuePrefix = `schedredrive${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startTestSmtpServer();
  });

  afterAll(async () => {
    await pipeline?.close();
    await smtp?.close();
    await database?.drop();
  });

  it('delivers, on its own schedule, a mail whose job failed without a decision', async () => {
    const config = testConfig({ DATABASE_URL: database.url, SMTP_URL: smtp.url });
    const connection = configureQueueBackend(config) as unknown as ConnectionOptions;
    const to = uniqueAddress('undecided');
    const mail = signInMail(to);
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

    // The schedule every second instead of five minutes; nothing here calls the redrive itself.
    pipeline = await startMailPipeline({
      databaseUrl: database.url,
      env: { SMTP_URL: smtp.url },
      queuePrefix,
      relay: { redriveMs: 1_000 },
    });
    await smtp.waitForMail((received) => received.to.includes(to));
    await waitFor(async () => (await pipeline!.deliveryRow(id))?.status === 'sent', 10_000, 'the delivery to be recorded');
    // Later runs find the mail decided and leave it alone.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(smtp.received.filter((received) => received.to.includes(to))).toHaveLength(1);
  });
});
