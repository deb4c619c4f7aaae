// Without SMTP_URL the worker writes each mail into the developer mailbox (.eml + .json), and
// the api lists and reads them there. Over HTTP the api's own tests check the routes.
import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '@talkoot/platform';
import { createTestDatabase, testConfig, waitFor } from '@talkoot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevMailboxController } from './dev-mailbox.controller.js';
import { devMailParamsSchema } from './dev-mailbox.schemas.js';
import { DevMailboxService } from './dev-mailbox.service.js';
import { messageIdFor } from './mail-delivery.service.js';
import { decodeMimeWords } from './dev-mailbox.files.js';
import {
  type MailPipeline,
  noAccountMail,
  signInMail,
  startMailPipeline,
  uniqueAddress,
} from './testing/mail-pipeline.test-kit.js';

describe('developer mailbox', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pipeline: MailPipeline;
  let controller: DevMailboxController;

  beforeAll(async () => {
    database = await createTestDatabase();
    pipeline = await startMailPipeline({ databaseUrl: database.url });
    expect(pipeline.config.isDevMailbox).toBe(true);
    controller = new DevMailboxController(new DevMailboxService(pipeline.config));
  });

  afterAll(async () => {
    await pipeline?.close();
    await database?.drop();
    if (pipeline) await fs.rm(pipeline.config.dataDir, { recursive: true, force: true });
  });

  it('writes each mail as .eml and .json and lists them newest first', async () => {
    const first = uniqueAddress('first');
    const second = uniqueAddress('second');
    const firstRequest = signInMail(first, 'sv');
    const firstId = await pipeline.enqueue(firstRequest);
    await waitFor(async () => (await pipeline.deliveryRow(firstId))?.status === 'sent', 10_000, 'the first mail');
    const secondId = await pipeline.enqueue(noAccountMail(second));
    await waitFor(async () => (await pipeline.deliveryRow(secondId))?.status === 'sent', 10_000, 'the second mail');

    const { messages } = await controller.listMessages();
    expect(messages.map((message) => message.to)).toEqual([second, `Aino Testaaja <${first}>`]);
    expect(messages[0]?.subject).toBe('Tällä sähköpostiosoitteella ei ole Talkoot-tiliä');
    expect(messages[0]?.id).toMatch(new RegExp(`-outbox-${secondId}$`));

    const files = await fs.readdir(pipeline.config.mailDir);
    const firstMailId = messages[1]?.id ?? '';
    expect(files).toEqual(expect.arrayContaining([`${firstMailId}.eml`, `${firstMailId}.json`]));
    const raw = await fs.readFile(path.join(pipeline.config.mailDir, `${firstMailId}.eml`), 'utf8');
    expect(raw).toContain(`Message-ID: ${messageIdFor(firstId)}`);
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);

    const { message } = await controller.readMessage({ id: firstMailId });
    expect(message.subject).toBe('Logga in på Talkoot');
    expect(message.from).toContain('noreply@talkoot.localhost');
    expect(message.text).toContain(firstRequest.link);
    expect(message.text).toContain('482913');
    expect(message.html).toContain('<html lang="sv">');
    expect(message.headers.Subject).toBe('Logga in på Talkoot');
    expect(message.headers['Message-ID']).toBe(messageIdFor(firstId));
    expect(message.headers['Content-Language']).toBe('sv');
  });

  it('refuses ids that could name a file outside the mailbox', async () => {
    for (const id of ['../../etc/passwd', '..', '20261123T153026123Z-outbox-1/../../x', '20261123T153026123Z-outbox-1.json']) {
      expect(devMailParamsSchema.safeParse({ id }).success).toBe(false);
      await expect(controller.readMessage({ id })).rejects.toMatchObject({ code: 'not_found' });
    }
    await expect(controller.readMessage({ id: '20261123T153026123Z-outbox-999999' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('is closed (404) when mail goes out over SMTP, and in production', async () => {
    for (const env of [{ SMTP_URL: 'smtp://127.0.0.1:2525' }, { NODE_ENV: 'production' }]) {
      const closed = new DevMailboxController(new DevMailboxService(testConfig({ DATA_DIR: pipeline.config.dataDir, ...env })));
      const error = await closed.listMessages().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).status).toBe(404);
      await expect(closed.readMessage({ id: '20261123T153026123Z-outbox-1' })).rejects.toMatchObject({ code: 'not_found' });
    }
  });

  it('decodes encoded header words, also a character split across two words', () => {
    expect(decodeMimeWords('=?UTF-8?Q?T=C3=A4ll=C3=A4?= =?UTF-8?B?IHPDpGhrw7Y=?=')).toBe('Tällä sähkö');
    expect(decodeMimeWords('=?UTF-8?Q?=C3?= =?UTF-8?Q?=A4?=')).toBe('ä');
    expect(decodeMimeWords('plain text')).toBe('plain text');
  });
});
