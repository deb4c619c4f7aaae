import fs from 'node:fs';
import http from 'node:http';

// Who sends a request: nobody, a demo person by bearer token or by cookie (with the public
// origin's Origin on writes), the same cookie from another site, or a token that is no session.
export interface Persona {
  name: string;
  kind: 'anonymous' | 'bearer' | 'cookie' | 'crossSiteCookie' | 'badToken';
  token?: string;
  userId?: string;
}

export interface FuzzRequest {
  method: string;
  // Raw path and query, sent byte for byte (no URL normalisation: `%00`, `%zz` and `[]` stay).
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface Answer {
  // undefined: the connection ended without an HTTP answer.
  status?: number;
  text: string;
  error?: string;
  requestId?: string;
}

// One request per connection (no keep-alive: a body cut short must not leak into the next
// request) through the public origin with node:http, so that nothing is cleaned up on the
// way (fetch would resolve dot segments and refuse odd bytes). Reads at most 4 KB of the answer.
export function exchange(baseUrl: string, request: FuzzRequest, limit = 4096): Promise<Answer> {
  const origin = new URL(baseUrl);
  return new Promise((resolve) => {
    let answered = false;
    let outgoing: http.ClientRequest;
    try {
      outgoing = http.request(
        {
          agent: false,
          host: origin.hostname,
          port: origin.port,
          method: request.method,
          path: request.target,
          headers: { ...request.headers, ...(request.body ? { 'content-length': String(request.body.length) } : {}) },
          timeout: 30_000,
        },
        (response) => {
          answered = true;
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            if (size < limit) chunks.push(chunk);
            size += chunk.length;
          });
          const finish = (error?: string) => {
            // A body cut short by an early answer leaves the connection unusable: close it.
            outgoing.destroy();
            resolve({
              status: response.statusCode,
              text: Buffer.concat(chunks).toString('utf8').slice(0, limit),
              error,
              requestId: response.headers['x-request-id'] as string | undefined,
            });
          };
          response.on('end', () => finish());
          response.on('error', (error) => finish(error.message));
          response.on('close', () => finish(response.complete ? undefined : 'the answer was cut off'));
        },
      );
    } catch (error) {
      // node:http refuses to send some bytes at all (a space in the path): the fuzzer's own mistake.
      throw new Error(`cannot send ${request.method} ${request.target}: ${(error as Error).message}`, { cause: error });
    }
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer in 30 s')));
    outgoing.on('error', (error) => {
      // A server may answer 413 and close while the body is still being written: the write then
      // fails (EPIPE) although the answer is on its way. Only no answer at all is a failure.
      setTimeout(() => {
        if (!answered) resolve({ text: '', error: `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`.trim() });
      }, 500);
    });
    void writeBody(outgoing, request.body, () => answered);
  });
}

// Like curl: the body goes in pieces, and stops once an answer has begun (a 413 before the
// whole body is read); writing on would only meet a closed connection.
async function writeBody(outgoing: http.ClientRequest, body: Buffer | undefined, hasAnswer: () => boolean): Promise<void> {
  if (!body || body.length <= 65_536) {
    outgoing.end(body);
    return;
  }
  for (let offset = 0; offset < body.length && !hasAnswer() && !outgoing.destroyed; offset += 65_536) {
    if (!outgoing.write(body.subarray(offset, offset + 65_536))) {
      await new Promise<void>((resolve) => {
        const done = () => {
          outgoing.off('drain', done).off('close', done);
          resolve();
        };
        outgoing.on('drain', done).on('close', done);
      });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Stopped early: the answer is in, and finishing the body would only mislead the connection.
  if (!outgoing.destroyed && !hasAnswer()) outgoing.end();
}

async function json(baseUrl: string, method: string, target: string, body?: unknown): Promise<any> {
  const answer = await exchange(
    baseUrl,
    {
      method,
      target,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? Buffer.from(JSON.stringify(body)) : undefined,
    },
    50_000_000,
  );
  if (!answer.status || answer.status >= 300)
    throw new Error(`${method} ${target} answered ${answer.status ?? answer.error}: ${answer.text.slice(0, 300)}`);
  return JSON.parse(answer.text);
}

// Signs a demo person in the way the portal does, through the public origin: ask for a link,
// read the mail in the developer mailbox, exchange the link's token for a session token.
export async function signIn(baseUrl: string, email: string): Promise<{ token: string; userId: string }> {
  const listMail = async () =>
    ((await json(baseUrl, 'GET', '/api/dev/mail')) as { messages: { id: string; to: string }[] }).messages;
  // Only a mail that was not there before: an earlier link for the same person is used up.
  const earlier = new Set((await listMail()).map((message) => message.id));
  await json(baseUrl, 'POST', '/api/auth/sign-in-requests', { email });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const mail = (await listMail()).find((message) => message.to.includes(email) && !earlier.has(message.id));
    if (mail) {
      const { message } = await json(baseUrl, 'GET', `/api/dev/mail/${mail.id}`);
      const linkToken = /sign-in\/link\?token=([A-Za-z0-9_%-]+)/.exec(message.text as string)?.[1];
      if (!linkToken) throw new Error(`no sign-in link in the mail to ${email}`);
      const session = await json(baseUrl, 'POST', '/api/auth/sessions', { token: decodeURIComponent(linkToken) });
      return { token: session.token, userId: session.user.id };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no sign-in mail to ${email} arrived in the developer mailbox`);
}

// The launcher's output (api, worker and portal logs) is appended to a file; a reader returns
// what was written since it last looked.
export function productLogReader(file: string): () => string {
  let offset = fs.existsSync(file) ? fs.statSync(file).size : 0;
  return () => {
    if (!fs.existsSync(file)) return '';
    const size = fs.statSync(file).size;
    if (size <= offset) return '';
    const buffer = Buffer.alloc(size - offset);
    const handle = fs.openSync(file, 'r');
    fs.readSync(handle, buffer, 0, buffer.length, offset);
    fs.closeSync(handle);
    offset = size;
    return buffer.toString('utf8');
  };
}
