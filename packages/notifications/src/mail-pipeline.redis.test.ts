// The mail path on BullMQ's Redis backend (REDIS_URL set), and what happens while Redis is down.
// Its own file: BullMQ's backend is chosen per process.
import { createTestDatabase, redisUrlOrUndefined, startTestSmtpServer, type TestSmtpServer, waitFor } from '@talkoot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageIdFor } from './mail-delivery.service.js';
import {
  invitationMail,
  type MailPipeline,
  requireRedisUrl,
  reservePort,
  signInMail,
  startMailPipeline,
  startRedisChild,
  uniqueAddress,
} from './testing/mail-pipeline.test-kit.js';

describe('mail pipeline on the Redis queue backend', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let smtp: TestSmtpServer;
  let pipeline: MailPipeline;

  beforeAll(async () => {
    const redisUrl = requireRedisUrl(redisUrlOrUndefined());
    database = await createTestDatabase();
    smtp = await startTestSmtpServer();
    pipeline = await startMailPipeline({ databaseUrl: database.url, env: { SMTP_URL: smtp.url, REDIS_URL: redisUrl } });
    expect(pipeline.config.queueBackend).toBe('redis');
  });

  afterAll(async () => {
    await pipeline?.close();
    await smtp?.close();
    await database?.drop();
  });

  it('relays a committed outbox row through Redis and delivers the invitation', async () => {
    const to = uniqueAddress('invitee');
    const link = 'https://talkoot.example/invitations/tok_1234567890abcdef';
    const id = await pipeline.enqueue(
      invitationMail(to, { organisationName: 'Kylätalon Ystävät ry', inviterName: 'Matti Virtanen', link }),
    );

    const mail = await smtp.waitForMail((received) => received.to.includes(to));
    expect(mail.subject).toBe('Kutsu Talkoot-palveluun: Kylätalon Ystävät ry');
    expect(mail.text).toContain('Matti Virtanen on kutsunut sinut mukaan Talkoot-palveluun.');
    expect(mail.text).toContain(link);
    expect(mail.headers.get('message-id')).toBe(messageIdFor(id));
    await waitFor(async () => (await pipeline.deliveryRow(id))?.status === 'sent', 5_000, 'the delivery to be recorded');
    expect((await pipeline.inspectQueue.getJob(`outbox-${id}`))?.returnvalue).toEqual({ outcome: 'sent' });
  });
});

describe('mail pipeline while Redis is down', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let smtp: TestSmtpServer;
  let pipeline: MailPipeline;
  let redis: { url: string; stop: () => Promise<void> } | undefined;
  let redisPort: number;

  beforeAll(async () => {
    requireRedisUrl(redisUrlOrUndefined());
    database = await createTestDatabase();
    smtp = await startTestSmtpServer();
    redisPort = await reservePort();
    redis = await startRedisChild(redisPort);
    pipeline = await startMailPipeline({ databaseUrl: database.url, env: { SMTP_URL: smtp.url, REDIS_URL: redis.url } });
  });

  afterAll(async () => {
    await pipeline?.close();
    await redis?.stop();
    await smtp?.close();
    await database?.drop();
  });

  it('keeps the outbox row, notes the failure, and delivers the mail once Redis is back', async () => {
    await redis?.stop();
    const to = uniqueAddress('offline');
    const request = signInMail(to, 'sv');
    const id = await pipeline.enqueue(request);

    await waitFor(async () => ((await pipeline.outboxRow(id))?.relay_attempts ?? 0) >= 2, 15_000, 'two failed relay attempts');
    const waiting = await pipeline.outboxRow(id);
    expect(waiting?.relayed_at).toBeNull();
    expect(waiting?.last_error).toMatch(/writeable|enableOfflineQueue|did not answer|ECONNREFUSED|Connection is closed/i);
    expect(smtp.received.filter((mail) => mail.to.includes(to))).toHaveLength(0);

    redis = await startRedisChild(redisPort);
    const mail = await smtp.waitForMail((received) => received.to.includes(to), 30_000);
    expect(mail.subject).toBe('Logga in på Talkoot');
    expect(mail.text).toContain(request.link);
    expect((await pipeline.outboxRow(id))?.relayed_at).not.toBeNull();
    await waitFor(async () => (await pipeline.deliveryRow(id))?.status === 'sent', 5_000, 'the delivery to be recorded');
    expect(smtp.received.filter((received) => received.to.includes(to))).toHaveLength(1);
  }, 60_000);
});
