// The developer mailbox behaves like a real receiver: one message per Message-ID, and a writer
// killed halfway leaves nothing half-listed once the worker starts again.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { devMailDuplicatesLog, recoverDevMailbox, writeDevMail } from './dev-mailbox.files.js';
import type { DevMailMessage } from './dev-mailbox.schemas.js';

let mailDir: string;

beforeEach(async () => {
  mailDir = await fs.mkdtemp(path.join(os.tmpdir(), 'talkoot-devmail-'));
});
afterEach(async () => {
  await fs.rm(mailDir, { recursive: true, force: true });
});

function message(id: string): DevMailMessage {
  return {
    id,
    to: 'aino@example.fi',
    from: 'noreply@talkoot.localhost',
    subject: 'Kirjaudu Talkootiin',
    date: '2026-12-04T18:00:00.000Z',
    text: 'hei',
    html: '<p>hei</p>',
    headers: { 'Message-ID': '<outbox-7@talkoot>' },
    attachments: [],
  };
}

const listed = async () => (await fs.readdir(mailDir)).filter((name) => name.endsWith('.json')).toSorted();

describe('developer mailbox files', () => {
  it('keeps the first copy of a Message-ID and logs the later one as a duplicate', async () => {
    const first = await writeDevMail(
      mailDir,
      message('20261204T180000000Z-outbox-7'),
      Buffer.from('raw 1'),
      '<outbox-7@talkoot>',
    );
    const second = await writeDevMail(
      mailDir,
      message('20261204T180005000Z-outbox-7'),
      Buffer.from('raw 2'),
      '<outbox-7@talkoot>',
    );
    expect(first).toEqual({ isDuplicate: false });
    expect(second).toEqual({ isDuplicate: true, firstId: '20261204T180000000Z-outbox-7' });
    expect(await listed()).toEqual(['20261204T180000000Z-outbox-7.json']);
    const names = await fs.readdir(mailDir);
    expect(names.filter((name) => name.endsWith('.eml'))).toEqual(['20261204T180000000Z-outbox-7.eml']);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const log = await fs.readFile(path.join(mailDir, devMailDuplicatesLog), 'utf8');
    expect(log).toMatch(/duplicate <outbox-7@talkoot> dropped \(first kept as 20261204T180000000Z-outbox-7\)/);
  });

  it('keeps one of two copies written at the same moment', async () => {
    const results = await Promise.all(
      ['20261204T180000000Z-outbox-8', '20261204T180000001Z-outbox-8'].map((id) =>
        writeDevMail(mailDir, message(id), Buffer.from(id), '<outbox-8@talkoot>'),
      ),
    );
    expect(results.filter((result) => result.isDuplicate)).toHaveLength(1);
    expect(await listed()).toHaveLength(1);
  });

  it('at start removes what a killed write left, completes a claimed message, and lets a dropped one be written again', async () => {
    // Killed after writing the temporary files.
    await fs.writeFile(path.join(mailDir, '20261204T180000000Z-outbox-1.eml.abc.tmp'), 'raw');
    await fs.writeFile(path.join(mailDir, '20261204T180000000Z-outbox-1.json.abc.tmp'), '{}');
    // Killed after renaming the .eml, before claiming the Message-ID.
    await fs.writeFile(path.join(mailDir, '20261204T180000000Z-outbox-2.eml'), 'raw');
    // Killed after the claim, before renaming the sidecar.
    await writeDevMail(mailDir, message('20261204T180000000Z-outbox-3'), Buffer.from('raw'), '<outbox-3@talkoot>');
    await fs.rm(path.join(mailDir, '20261204T180000000Z-outbox-3.json'));

    const { removed, restored } = await recoverDevMailbox(mailDir);
    expect(removed.toSorted()).toEqual([
      '20261204T180000000Z-outbox-1.eml.abc.tmp',
      '20261204T180000000Z-outbox-1.json.abc.tmp',
      '20261204T180000000Z-outbox-2.eml',
    ]);
    expect(restored).toEqual(['20261204T180000000Z-outbox-3.json']);
    expect(await listed()).toEqual(['20261204T180000000Z-outbox-3.json']);
    // The mail whose .eml was removed was never claimed: its next attempt is kept, not dropped.
    const retried = await writeDevMail(
      mailDir,
      message('20261204T180009000Z-outbox-2'),
      Buffer.from('raw'),
      '<outbox-2@talkoot>',
    );
    expect(retried).toEqual({ isDuplicate: false });
  });
});
