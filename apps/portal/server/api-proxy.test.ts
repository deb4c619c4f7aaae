import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerApiProxy } from './api-proxy.js';

// The public origin in front of an upstream with the api's own limits: a body the api would
// refuse is answered 413 in the api's shape, never a 500 from a torn-down proxied request.
let upstream: FastifyInstance;
let portal: FastifyInstance;
let portalUrl: string;
let readyzCalls = 0;

beforeAll(async () => {
  upstream = Fastify({ bodyLimit: 1_048_576 });
  upstream.addContentTypeParser(/^image\//, { parseAs: 'buffer', bodyLimit: 10 * 1_048_576 }, (_request, body, done) =>
    done(null, body),
  );
  upstream.post('/api/echo', (request, reply) =>
    reply.send({
      body: request.body,
      forwardedFor: request.headers['x-forwarded-for'],
      length: request.headers['content-length'],
    }),
  );
  upstream.get('/api/readyz', (_request, reply) => {
    readyzCalls += 1;
    return reply.status(503).send({ status: 'not ready' });
  });
  upstream.post('/api/picture', (request, reply) => reply.send({ bytes: (request.body as Buffer).length }));
  await upstream.listen({ port: 0, host: '127.0.0.1' });
  const upstreamAddress = upstream.server.address();
  portal = Fastify();
  await registerApiProxy(
    portal,
    `http://127.0.0.1:${typeof upstreamAddress === 'object' && upstreamAddress ? upstreamAddress.port : 0}`,
  );
  await portal.listen({ port: 0, host: '127.0.0.1' });
  const address = portal.server.address();
  portalUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await portal?.close();
  await upstream?.close();
});

const bigJson = () => JSON.stringify({ name: 'a'.repeat(2 * 1_048_576) });

describe('the api proxy at the public origin', () => {
  it("passes the api's 503 on at once instead of retrying it (a load balancer must see 'not ready')", async () => {
    const started = Date.now();
    const response = await fetch(`${portalUrl}/api/readyz`);
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(readyzCalls).toBe(1);
  });

  it('answers 503 within a second when the api is not listening at all', async () => {
    const closed = Fastify();
    await closed.listen({ port: 0, host: '127.0.0.1' });
    const address = closed.server.address();
    await closed.close();
    const orphan = Fastify();
    await registerApiProxy(orphan, `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    await orphan.listen({ port: 0, host: '127.0.0.1' });
    const orphanAddress = orphan.server.address();
    const base = `http://127.0.0.1:${typeof orphanAddress === 'object' && orphanAddress ? orphanAddress.port : 0}`;
    try {
      for (const path of ['/api/readyz', '/api/events']) {
        const started = Date.now();
        const response = await fetch(`${base}${path}`);
        expect(response.status).toBe(503);
        expect(Date.now() - started).toBeLessThan(1_000);
      }
    } finally {
      await orphan.close();
    }
  });

  it('answers 413 in the api error shape to a JSON body over 1 MiB, with or without a length', async () => {
    const withLength = await fetch(`${portalUrl}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bigJson(),
    });
    expect(withLength.status).toBe(413);
    expect(await withLength.json()).toEqual({ error: { code: 'payload_too_large', message: 'The request is too large' } });
    const chunked = await fetch(`${portalUrl}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Readable.toWeb(Readable.from([bigJson()])) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('answers 413 to an 11 MB picture and passes a 2 MB one on whole', async () => {
    const tooBig = await fetch(`${portalUrl}/api/picture`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg' },
      body: new Uint8Array(11 * 1_048_576),
    });
    expect(tooBig.status).toBe(413);
    const fine = await fetch(`${portalUrl}/api/picture`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg' },
      body: new Uint8Array(2 * 1_048_576),
    });
    expect(fine.status).toBe(200);
    expect(await fine.json()).toEqual({ bytes: 2 * 1_048_576 });
  });

  it("passes a small body on byte for byte, chunked or not, with the client's address", async () => {
    const body = JSON.stringify({ name: 'Äänekosken Ässät', note: '😀' });
    const plain = await fetch(`${portalUrl}/api/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(await plain.json()).toEqual({
      body: JSON.parse(body),
      forwardedFor: '127.0.0.1',
      length: String(Buffer.byteLength(body)),
    });
    const chunked = await fetch(`${portalUrl}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Readable.toWeb(Readable.from([body])) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect((await chunked.json()).body).toEqual(JSON.parse(body));
  });

  it('answers 503 in the api error shape when the api is down', async () => {
    const down = Fastify();
    await registerApiProxy(down, 'http://127.0.0.1:9');
    await down.listen({ port: 0, host: '127.0.0.1' });
    const address = down.server.address();
    const answer = await fetch(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await down.close();
    expect(answer.status).toBe(503);
    expect((await answer.json()).error.code).toBe('api_unavailable');
  });
});
