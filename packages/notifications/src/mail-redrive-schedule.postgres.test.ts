// The redrive as it runs in production: on its schedule, with nobody calling it. A mail job that
// failed without a delivery decision goes out once the next scheduled run finds it.
import { randomBytes } from 'node:crypto';
import { createTestDatabase, startTestSmtpServer, type TestSmtpServer, waitFor } from '@talkoot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type MailPipeline,
  failMailJobWithoutDecision,
  signInMail,
  startMailPipeline,
  uniqueAddress,
} from './testing/mail-pipeline.test-kit.js';

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
    // Once in a loaded full run the worker's close waited past the 60 s hook limit after the test had
    // passed (not reproduced alone or under synthetic load). Bounded and said aloud, so the behaviour
    // under test stays asserted while the shutdown is investigated; the database drop is forced.
    const closed = await Promise.race([
      pipeline?.close().then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 20_000).unref()),
    ]);
    if (closed === false) console.warn('mail pipeline did not close within 20 s (scheduled redrive test); continuing');
    await smtp?.close();
    await database?.drop();
  });

  it('delivers, on its own schedule, a mail whose job failed without a decision', async () => {
    const to = uniqueAddress('undecided');
    const mail = signInMail(to);
    // A worker crashed on the job: BullMQ failed it, and no delivery row decides anything.
    const id = await failMailJobWithoutDecision({ databaseUrl: database.url, smtpUrl: smtp.url, queuePrefix, mail });

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
