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

// Writes to a temporary name first, so a reader never sees half a file.
async function writeFileAtomically(file: string, content: string | Buffer): Promise<void> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  await fs.writeFile(temporary, content);
  await fs.rename(temporary, file);
}

export async function writeDevMail(mailDir: string, message: DevMailMessage, raw: Buffer): Promise<void> {
  await fs.mkdir(mailDir, { recursive: true });
  await writeFileAtomically(path.join(mailDir, `${message.id}.eml`), raw);
  // The sidecar last: a message is listed only once both files exist.
  await writeFileAtomically(path.join(mailDir, `${message.id}.json`), `${JSON.stringify(message, null, 2)}\n`);
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
