// The whole mail path on BullMQ's PostgreSQL backend (no REDIS_URL): outbox row → relay →
// queue → mail job → real SMTP server. The Redis backend runs the same path in its own file,
// because BullMQ's backend is chosen per process.
import { createTestDatabase, startTestSmtpServer, type TestSmtpServer, waitFor } from '@talkoot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailTemplate, MailTemplateDataError, enqueueMail, renderTemplate } from '@talkoot/outbox/mail';
import { z } from 'zod';
import { messageIdFor } from './mail-delivery.service.js';
import {
  forwardPort,
  type MailPipeline,
  reservePort,
  signInMail,
  startMailPipeline,
  uniqueAddress,
} from './testing/mail-pipeline.test-kit.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mail pipeline on the PostgreSQL queue backend', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let smtp: TestSmtpServer;
  let pipeline: MailPipeline;

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startTestSmtpServer();
    pipeline = await startMailPipeline({ databaseUrl: database.url, env: { SMTP_URL: smtp.url } });
    expect(pipeline.config.queueBackend).toBe('postgres');
  });

  afterAll(async () => {
    await pipeline?.close();
    await smtp?.close();
    await database?.drop();
  });

  const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));

  it('relays a committed outbox row and delivers the mail in the recipient’s language', async () => {
    const to = uniqueAddress('aino');
    const request = signInMail(to, 'sv');
    const id = await pipeline.enqueue(request);

    const mail = await smtp.waitForMail((received) => received.to.includes(to));
    expect(mail.subject).toBe('Logga in på Talkoot');
    expect(mail.text).toContain(String(request.data.link));
    expect(mail.text).toContain('482913');
    expect(mail.html).toContain('<html lang="sv">');
    expect(mail.headers.get('message-id')).toBe(messageIdFor(id));
    expect(mail.headers.get('content-language')).toBe('sv');

    expect((await pipeline.outboxRow(id))?.relayed_at).not.toBeNull();
    await waitFor(async () => (await pipeline.deliveryRow(id))?.status === 'sent', 5_000, 'the delivery to be recorded');
    expect(await pipeline.deliveryRow(id)).toMatchObject({ status: 'sent', attempts: 1, message_id: messageIdFor(id) });
  });

  it('sends a mail its domain rendered, with a template notifications has never heard of, as it was written', async () => {
    // What a new domain does (ADR 012): render with the shared look, enqueue the finished mail.
    const to = uniqueAddress('lainaaja');
    const schema = z.object({ item: z.string() });
    const compose = (language: string) => (data: { item: string }) => ({
      subject: `${language}: ${data.item}`,
      blocks: [{ kind: 'paragraph' as const, text: `Lainapyyntö: ${data.item}` }],
      closing: ['Talkoot'],
    });
    const template: MailTemplate<typeof schema> = {
      schema,
      compose: { fi: compose('fi'), sv: compose('sv'), en: compose('en') },
    };
    const rendered = renderTemplate('loan.requested', template, { item: '30 tuolia' }, 'fi');
    const id = await pipeline.enqueue({
      to,
      language: 'fi',
      template: 'loan.requested',
      rendered,
      attachments: [
        { filename: 'laina.ics', contentType: 'text/calendar; charset=utf-8', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' },
      ],
    });
    const mail = await smtp.waitForMail((received) => received.to.includes(to));
    expect(mail.subject).toBe('fi: 30 tuolia');
    expect(mail.text).toContain('Lainapyyntö: 30 tuolia');
    expect(mail.html).toContain('<html lang="fi">');
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual(['laina.ics']);
    await waitFor(async () => (await pipeline.deliveryRow(id))?.status === 'sent', 5_000, 'the delivery to be recorded');
    expect(await pipeline.deliveryRow(id)).toMatchObject({ status: 'sent', template: 'loan.requested' });
    // Data that does not fit the domain's template is refused where it is made, not in the worker.
    expect(() => renderTemplate('loan.requested', template, { item: 3 } as never, 'fi')).toThrow(MailTemplateDataError);
    expect(() => enqueueMail(undefined as never, { to, language: 'fi', template: 'loan.requested' })).toThrow(
      /either the rendered mail/,
    );
  });

  it('sends one mail when the job of a row runs twice, one after the other or at the same time', async () => {
    // Redelivered through the queue: a second job for the same row after the first was sent.
    const to = uniqueAddress('twice');
    const request = signInMail(to);
    const id = await pipeline.enqueue(request);
    await smtp.waitForMail((received) => received.to.includes(to));
    await waitFor(async () => (await pipeline.deliveryRow(id))?.status === 'sent', 5_000, 'the first delivery');
    const duplicate = await pipeline.inspectQueue.add(
      'mail.send',
      { ...request, outboxMessageId: id },
      { jobId: `duplicate-${id}` },
    );
    await waitFor(async () => (await duplicate.getState()) === 'completed', 10_000, 'the duplicate job to finish');
    expect((await pipeline.inspectQueue.getJob(`duplicate-${id}`))?.returnvalue).toEqual({ outcome: 'already-sent' });

    // Relayed twice (a crash after the add, before the commit): the job id dedupes.
    await pipeline.orm.em.fork().execute('update outbox_messages set relayed_at = null where id = ?', [id]);
    await waitFor(async () => (await pipeline.outboxRow(id))?.relayed_at, 5_000, 'the row to be relayed again');
    expect(await pipeline.inspectQueue.getJobCounts('waiting', 'active', 'delayed')).toEqual({
      waiting: 0,
      active: 0,
      delayed: 0,
    });

    // Two workers at the same moment (a stalled job picked up again): the row lock serialises them.
    const concurrentTo = uniqueAddress('concurrent');
    const concurrentRequest = signInMail(concurrentTo);
    const later = new Date(Date.now() + 3_600_000); // not yet due, so the relay leaves it alone
    const concurrentId = await pipeline.enqueue(concurrentRequest, later);
    const outcomes = await Promise.all([
      pipeline.deliveries.deliver({ ...concurrentRequest, outboxMessageId: concurrentId }),
      pipeline.deliveries.deliver({ ...concurrentRequest, outboxMessageId: concurrentId }),
    ]);
    expect(outcomes.toSorted()).toEqual(['already-sent', 'sent']);

    await sleep(500);
    expect(mailsTo(to)).toHaveLength(1);
    expect(mailsTo(concurrentTo)).toHaveLength(1);
  });

  it('retries after a temporary SMTP refusal (451) and delivers the mail later', async () => {
    const to = uniqueAddress('greylisted');
    smtp.rejectNext(451, 'Greylisted, try again later');
    const id = await pipeline.enqueue({ ...signInMail(to), template: 'no-account', data: {} });

    const mail = await smtp.waitForMail((received) => received.to.includes(to));
    expect(mail.subject).toBe('Tällä sähköpostiosoitteella ei ole Talkoot-tiliä');
    await waitFor(async () => (await pipeline.deliveryRow(id))?.status === 'sent', 5_000, 'the delivery to be recorded');
    const delivery = await pipeline.deliveryRow(id);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 2 });
    expect(mailsTo(to)).toHaveLength(1);
  });

  it('marks a mail failed after a permanent SMTP refusal (550) and does not try again', async () => {
    const to = uniqueAddress('unknown-user');
    smtp.rejectNext(550, 'No such user here');
    const id = await pipeline.enqueue(signInMail(to));

    await waitFor(async () => (await pipeline.deliveryRow(id))?.status === 'failed', 10_000, 'the delivery to fail');
    const job = await pipeline.inspectQueue.getJob(`outbox-${id}`);
    await waitFor(async () => (await job?.getState()) === 'failed', 5_000, 'the job to fail');
    // Longer than several backoff periods: a retry would have happened by now.
    await sleep(1_500);
    const delivery = await pipeline.deliveryRow(id);
    expect(delivery?.attempts).toBe(1);
    expect(delivery?.last_error).toMatch(/550/);
    expect((await pipeline.inspectQueue.getJob(`outbox-${id}`))?.attemptsMade).toBe(1);
    expect(mailsTo(to)).toHaveLength(0);
  });

  it('relays each row once when several relays run at the same time', async () => {
    const later = new Date(Date.now() + 3_600_000);
    const addresses = Array.from({ length: 30 }, (_, index) => uniqueAddress(`crowd${index}`));
    const ids = await Promise.all(addresses.map((to) => pipeline.enqueue(signInMail(to), later)));
    // All due at once, then three relays race the background one for them.
    await pipeline.orm.em
      .fork()
      .execute(`update outbox_messages set available_at = now() where id in (${ids.map(() => '?').join(', ')})`, ids);
    const results = await Promise.all([pipeline.relay.relayDue(), pipeline.relay.relayDue(), pipeline.relay.relayDue()]);
    expect(results.every((result) => result.failed === 0)).toBe(true);
    expect(results.reduce((sum, result) => sum + result.relayed, 0)).toBeLessThanOrEqual(30);

    await waitFor(() => addresses.every((to) => mailsTo(to).length > 0), 20_000, 'every mail');
    await sleep(300);
    for (const to of addresses) expect(mailsTo(to)).toHaveLength(1);
    for (const id of ids) expect(await pipeline.outboxRow(id)).toMatchObject({ relay_attempts: 0, last_error: null });
  });
});

describe('mail pipeline when the last attempt fails', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pipeline: MailPipeline;

  beforeAll(async () => {
    database = await createTestDatabase();
    const closedPort = await reservePort();
    pipeline = await startMailPipeline({
      databaseUrl: database.url,
      env: { SMTP_URL: `smtp://127.0.0.1:${closedPort}` },
      relay: { attempts: 2 },
    });
  });

  afterAll(async () => {
    await pipeline?.close();
    await database?.drop();
  });

  it('marks the mail failed once its retries are used up', async () => {
    const id = await pipeline.enqueue(signInMail(uniqueAddress('unreachable')));
    await waitFor(async () => (await pipeline.deliveryRow(id))?.status === 'failed', 10_000, 'the delivery to fail');
    expect(await pipeline.deliveryRow(id)).toMatchObject({ status: 'failed', attempts: 2 });
    const job = await pipeline.inspectQueue.getJob(`outbox-${id}`);
    await waitFor(async () => (await job?.getState()) === 'failed', 5_000, 'the job to fail');
  });
});

describe('mail pipeline while the SMTP server is down', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let smtp: TestSmtpServer;
  let pipeline: MailPipeline;
  let forward: { close: () => Promise<void> } | undefined;
  let smtpPort: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startTestSmtpServer();
    smtpPort = await reservePort();
    pipeline = await startMailPipeline({ databaseUrl: database.url, env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` } });
  });

  afterAll(async () => {
    await pipeline?.close();
    await forward?.close();
    await smtp?.close();
    await database?.drop();
  });

  it('keeps retrying while nothing answers on the SMTP port and delivers once the server is back', async () => {
    const to = uniqueAddress('patient');
    const request = signInMail(to, 'en');
    const id = await pipeline.enqueue(request);

    await waitFor(async () => ((await pipeline.deliveryRow(id))?.attempts ?? 0) >= 2, 15_000, 'two failed attempts');
    const failing = await pipeline.deliveryRow(id);
    expect(failing?.status).toBe('sending');
    expect(failing?.last_error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);

    forward = await forwardPort(smtpPort, smtp.port);
    const mail = await smtp.waitForMail((received) => received.to.includes(to), 20_000);
    expect(mail.subject).toBe('Sign in to Talkoot');
    expect(mail.text).toContain(String(request.data.link));
    await waitFor(async () => (await pipeline.deliveryRow(id))?.status === 'sent', 5_000, 'the delivery to be recorded');
    expect(smtp.received.filter((received) => received.to.includes(to))).toHaveLength(1);
  }, 60_000);
});

describe('mail pipeline shutting down', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let smtp: TestSmtpServer;
  let slowSmtp: { close: () => Promise<void> } | undefined;
  let pipeline: MailPipeline | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startTestSmtpServer();
    const port = await reservePort();
    slowSmtp = await forwardPort(port, smtp.port, 1_500);
    pipeline = await startMailPipeline({ databaseUrl: database.url, env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });

  afterAll(async () => {
    await pipeline?.close();
    await slowSmtp?.close();
    await smtp?.close();
    await database?.drop();
  });

  it('finishes the mail it is sending before it stops', async () => {
    const active = pipeline as MailPipeline;
    const to = uniqueAddress('in-flight');
    const id = await active.enqueue(signInMail(to));
    const job = await waitFor(() => active.inspectQueue.getJob(`outbox-${id}`), 5_000, 'the job');
    await waitFor(async () => (await job.getState()) === 'active', 5_000, 'the job to start');

    // Close the Nest context (what SIGTERM does in apps/worker) while the SMTP dialogue is slow.
    await active.app.close();
    expect(smtp.received.filter((mail) => mail.to.includes(to))).toHaveLength(1);
    expect(await active.deliveryRow(id)).toMatchObject({ status: 'sent', attempts: 1 });
    await active.inspectQueue.close();
    await active.orm.close(true);
    pipeline = undefined;
  });
});
