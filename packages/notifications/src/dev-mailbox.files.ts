import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DevMailMessage } from './dev-mailbox.schemas.js';

// The developer mailbox (no SMTP_URL): every mail is `<id>.eml` (the raw message, opens in any
// mail program) plus `<id>.json` (what the api lists, so nothing has to parse MIME on a request).

// ISO 8601 basic format in UTC (20261123T153026123Z): sorts by time and is a safe file name.
export function devMailTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

export function devMailId(date: Date, key: string): string {
  const safeKey =
    key
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+/, '')
      .slice(0, 80) || 'mail';
  return `${devMailTimestamp(date)}-${safeKey}`;
}

// A real receiver keeps one message per Message-ID; so does this one. The claim of a Message-ID
// is a hard link of the sidecar under `.message-ids/`, made with link(2), which fails if the name
// exists: atomic even between two workers. Order of the steps, so a crash at any point leaves
// something `recoverDevMailbox` can finish or remove: both files written under temporary names,
// the .eml renamed, the Message-ID claimed, the sidecar renamed (a message is listed from then on).
const claimsDir = '.message-ids';
export const devMailDuplicatesLog = 'duplicates.log';

function claimName(messageId: string): string {
  return messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9@._-]/g, '_') || 'message';
}

export type DevMailWrite = { isDuplicate: false } | { isDuplicate: true; firstId: string };

export async function writeDevMail(
  mailDir: string,
  message: DevMailMessage,
  raw: Buffer,
  messageId: string,
): Promise<DevMailWrite> {
  await fs.mkdir(path.join(mailDir, claimsDir), { recursive: true });
  const suffix = `${randomUUID()}.tmp`;
  const eml = path.join(mailDir, `${message.id}.eml`);
  const sidecar = path.join(mailDir, `${message.id}.json`);
  await fs.writeFile(`${eml}.${suffix}`, raw);
  await fs.writeFile(`${sidecar}.${suffix}`, `${JSON.stringify(message, null, 2)}\n`);
  const claim = path.join(mailDir, claimsDir, claimName(messageId));
  try {
    await fs.rename(`${eml}.${suffix}`, eml);
    await fs.link(`${sidecar}.${suffix}`, claim);
  } catch (error) {
    await fs.rm(`${sidecar}.${suffix}`, { force: true });
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await fs.rm(eml, { force: true });
    const firstId = await readClaimedId(claim);
    await fs.appendFile(
      path.join(mailDir, devMailDuplicatesLog),
      `${new Date().toISOString()} duplicate ${messageId} dropped (first kept as ${firstId ?? 'unknown'})\n`,
    );
    return { isDuplicate: true, firstId: firstId ?? 'unknown' };
  }
  await fs.rename(`${sidecar}.${suffix}`, sidecar);
  return { isDuplicate: false };
}

async function readClaimedId(claim: string): Promise<string | undefined> {
  try {
    const id = (JSON.parse(await fs.readFile(claim, 'utf8')) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

// At the worker's start: what a killed writer left behind. Temporary files go; a claimed message
// whose sidecar was not renamed yet gets it from its claim; an .eml that was never claimed goes,
// so its mail's next attempt writes it whole. Assumes no other writer is busy in this folder.
export async function recoverDevMailbox(mailDir: string): Promise<{ removed: string[]; restored: string[] }> {
  const removed: string[] = [];
  const restored: string[] = [];
  let names: string[];
  try {
    names = await fs.readdir(mailDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { removed, restored };
    throw error;
  }
  for (const name of names.filter((entry) => entry.endsWith('.tmp'))) {
    await fs.rm(path.join(mailDir, name), { force: true });
    removed.push(name);
  }
  const present = new Set(names);
  let claims: string[] = [];
  try {
    claims = await fs.readdir(path.join(mailDir, claimsDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const claimedIds = new Set<string>();
  for (const claim of claims) {
    const claimPath = path.join(mailDir, claimsDir, claim);
    const id = await readClaimedId(claimPath);
    if (!id || !present.has(`${id}.eml`)) {
      await fs.rm(claimPath, { force: true });
      continue;
    }
    claimedIds.add(id);
    if (!present.has(`${id}.json`)) {
      await fs.link(claimPath, path.join(mailDir, `${id}.json`));
      restored.push(`${id}.json`);
    }
  }
  for (const name of names.filter((entry) => entry.endsWith('.eml'))) {
    const id = name.slice(0, -'.eml'.length);
    if (claimedIds.has(id) || present.has(`${id}.json`)) continue;
    await fs.rm(path.join(mailDir, name), { force: true });
    removed.push(name);
  }
  return { removed, restored };
}

// RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=) back to text. Adjacent words are
// joined as bytes first: an encoder may split one character across two words.
export function decodeMimeWords(value: string): string {
  const word = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;
  let result = '';
  let cursor = 0;
  let pending: { charset: string; bytes: Buffer[] } | undefined;
  const flush = () => {
    if (!pending) return;
    result += decodeBytes(Buffer.concat(pending.bytes), pending.charset);
    pending = undefined;
  };
  for (const match of value.matchAll(word)) {
    const [whole, charset = 'utf-8', encoding = 'B', text = ''] = match;
    const between = value.slice(cursor, match.index);
    // Whitespace between two encoded words is folding, not content.
    if (!(pending && /^\s*$/.test(between))) {
      flush();
      result += between;
    }
    const bytes =
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          );
    const normalizedCharset = charset.split('*')[0]?.toLowerCase() ?? 'utf-8';
    if (pending && pending.charset !== normalizedCharset) flush();
    pending ??= { charset: normalizedCharset, bytes: [] };
    pending.bytes.push(bytes);
    cursor = match.index + whole.length;
  }
  flush();
  return result + value.slice(cursor);
}

function decodeBytes(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

// The header block of a raw message as name → decoded value (folded lines unfolded).
export function parseHeaders(raw: Buffer): Record<string, string> {
  const text = raw.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  const block = end === -1 ? text : text.slice(0, end);
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = decodeMimeWords(line.slice(colon + 1).trim());
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}
