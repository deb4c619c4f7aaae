// A mail job that BullMQ failed without the mail processor deciding (a crashed or stalled
// worker) is queued again; a mail the SMTP server refused for good is not.
import { randomBytes } from 'node:crypto';
import { createTestDatabase, startTestSmtpServer, type TestSmtpServer, waitFor } from '@talkoot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailRedriveService } from './mail-redrive.service.js';
import { outboxJobId } from '@talkoot/outbox';
import {
  type MailPipeline,
  failMailJobWithoutDecision,
  signInMail,
  startMailPipeline,
  uniqueAddress,
} from './testing/mail-pipeline.test-kit.js';

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
    const to = uniqueAddress('crashed');
    const mail = signInMail(to);
    // A worker crashed on the job: BullMQ failed it, and no delivery row decides anything.
    const id = await failMailJobWithoutDecision({ databaseUrl: database.url, smtpUrl: smtp.url, queuePrefix, mail });

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
