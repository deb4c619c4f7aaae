// The built worker process, end to end: it relays an outbox row, sends the mail, and after
// SIGTERM finishes and exits by itself with code 0 (nothing left holding the event loop).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openOrm } from '@talkoot/database';
import { closing, enqueueMail, greeting, renderMailContent } from '@talkoot/outbox/mail';
import { createTestDatabase, startTestSmtpServer, type TestSmtpServer } from '@talkoot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const mainJs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/main.js');

describe('worker process', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let smtp: TestSmtpServer;
  let worker: ChildProcess | undefined;
  let dataDir: string;
  const output: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(mainJs))
      throw new Error(`${mainJs} is missing: build first (pnpm turbo run build --filter=@talkoot/worker)`);
    database = await createTestDatabase();
    smtp = await startTestSmtpServer();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'talkoot-worker-test-'));
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) worker.kill('SIGKILL');
    await smtp?.close();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers an outbox mail and stops cleanly on SIGTERM', async () => {
    worker = spawn(process.execPath, [mainJs], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        SMTP_URL: smtp.url,
        DATA_DIR: dataDir,
        OUTBOX_POLL_MS: '100',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    worker.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      worker?.once('exit', (code, signal) => resolve({ code, signal })),
    );

    const orm = await openOrm(database.url, { poolMax: 2 });
    try {
      const em = orm.em.fork();
      // Rendered as its domain (identity) renders it when it enqueues the mail (ADR 012).
      const link = 'https://talkoot.example/sign-in/verify?token=worker-test';
      const rendered = renderMailContent(
        {
          subject: 'Kirjaudu Talkoot-palveluun',
          blocks: [
            { kind: 'paragraph', text: greeting('fi', 'Elsa') },
            { kind: 'button', label: 'Kirjaudu sisään', href: link },
            { kind: 'code', label: 'Voit myös kirjoittaa tämän koodin kirjautumissivulle:', code: '246810' },
          ],
          closing: closing('fi'),
        },
        'fi',
      );
      enqueueMail(em, { to: 'elsa@example.fi', language: 'fi', template: 'sign-in', rendered });
      await em.flush();
    } finally {
      await orm.close(true);
    }

    // Generous: the worker starts every domain's queues first, slowly on a loaded machine.
    const mail = await smtp
      .waitForMail((received) => received.to.includes('elsa@example.fi'), 45_000)
      .catch((error: Error) => {
        throw new Error(`${error.message}; worker output:\n${output.join('')}`);
      });
    expect(mail.subject).toBe('Kirjaudu Talkoot-palveluun');
    expect(mail.text).toContain('Hei Elsa,');
    expect(mail.text).toContain('https://talkoot.example/sign-in/verify?token=worker-test');

    worker.kill('SIGTERM');
    const stoppedWithin = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref());
    const result = await Promise.race([exited, stoppedWithin]);
    expect(result, `worker output:\n${output.join('')}`).toEqual({ code: 0, signal: null });

    const lines = output
      .join('')
      .split('\n')
      .filter((line) => line.trim() !== '');
    for (const line of lines) expect(() => JSON.parse(line), `not a JSON log line: ${line}`).not.toThrow();
    expect(lines.some((line) => line.includes('worker stopped'))).toBe(true);
  }, 90_000);
});
