import { Validator } from '@seriousme/openapi-schema-validator';
import { registeredRoutes } from '@talkoot/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, call, makeUser, makeVillage, signIn, startTestApi } from './testing/test-api.js';

let api: TestApi;
let token: string;
let adminToken: string;
beforeAll(async () => {
  api = await startTestApi();
  token = await signIn(api, (await makeUser(api)).email);
  adminToken = await signIn(api, (await makeUser(api, { isPlatformAdmin: true })).email);
  // An organisation that exists, so the admin's bad input reaches validation (a missing one is a 404).
  await api.build.organisation({ id: someId, name: 'Testiseura ry', villageId: await makeVillage(api) });
});
afterAll(async () => {
  await api?.close();
});

const someId = '00000000-0000-4000-8000-000000000000';

describe('api conventions', () => {
  it('publishes a valid OpenAPI 3 document listing every route', async () => {
    const response = await call(api, 'GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    const result = await new Validator().validate(response.json);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const documented = Object.entries(response.json.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    for (const route of registeredRoutes) {
      expect(documented).toContain(`${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    }
  });

  it('serves browsable docs', async () => {
    const page = await call(api, 'GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    // Only its own scripts and styles (no inline code), the document from here, never framed.
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect((await call(api, 'GET', '/api/docs/swagger-ui-bundle.js')).status).toBe(200);
    expect((await call(api, 'GET', '/api/docs/..%2F..%2Fpackage.json')).status).toBe(404);
  });

  it('reports liveness and readiness', async () => {
    expect((await call(api, 'GET', '/api/healthz')).json).toEqual({ status: 'ok' });
    // Probed as an orchestrator does: a few tries a second apart (each check has 500 ms).
    let ready = await call(api, 'GET', '/api/readyz');
    for (let attempt = 0; attempt < 10 && ready.status !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      ready = await call(api, 'GET', '/api/readyz');
    }
    expect(ready.status).toBe(200);
    expect(ready.json).toEqual({ status: 'ready', checks: { database: true, queue: true, draining: false } });
  });

  it('tags every answer with a request id', async () => {
    const response = await call(api, 'GET', '/api/healthz', { headers: { 'x-request-id': 'trace-me-123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-me-123');
    // Only a short, plain id is kept (it ends up in log lines and rows); anything else gets a new one.
    for (const unsafe of ['a'.repeat(129), 'two words', 'x"}{"admin":true']) {
      const answered = await call(api, 'GET', '/api/healthz', { headers: { 'x-request-id': unsafe } });
      expect(answered.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('stamps the outbox rows a request writes with its request id, for the jobs they become', async () => {
    const email = 'traced-reader@example.org';
    const asked = await call(api, 'POST', '/api/digest-subscriptions', {
      headers: { 'x-request-id': 'trace-digest-42' },
      body: { email, language: 'fi', frequency: 'weekly' },
    });
    expect(asked.status).toBe(202);
    const { rows } = await api.sql.query(`select request_id from outbox_messages where payload::text like $1`, [`%${email}%`]);
    expect(rows).toEqual([{ request_id: 'trace-digest-42' }]);
  });

  // Bad input to every write route: a 4xx in the error shape, never a 500.
  const badInputs: {
    method: string;
    path: string;
    body?: unknown;
    rawBody?: string;
    as: 'user' | 'admin';
    expected: number;
    field?: string;
  }[] = [
    {
      method: 'POST',
      path: '/api/auth/sign-in-requests',
      body: { email: 'not an address' },
      as: 'user',
      expected: 400,
      field: 'email',
    },
    {
      method: 'POST',
      path: '/api/auth/sign-in-requests',
      body: { email: 'a@example.org', language: 'de' },
      as: 'user',
      expected: 400,
      field: 'language',
    },
    { method: 'POST', path: '/api/auth/sign-in-requests', body: { email: 'a@example.org', extra: 1 }, as: 'user', expected: 400 },
    { method: 'POST', path: '/api/auth/sign-in-requests', rawBody: '{"email": ', as: 'user', expected: 400 },
    { method: 'POST', path: '/api/auth/sign-in-requests', body: ['a'], as: 'user', expected: 400 },
    { method: 'POST', path: '/api/auth/sessions', body: { email: 'a@example.org', code: '12ab' }, as: 'user', expected: 400 },
    { method: 'POST', path: '/api/auth/sessions', body: {}, as: 'user', expected: 400 },
    { method: 'PATCH', path: '/api/me', body: { name: '' }, as: 'user', expected: 400, field: 'name' },
    { method: 'PATCH', path: '/api/me', body: { phone: 'call me maybe' }, as: 'user', expected: 400, field: 'phone' },
    { method: 'PATCH', path: '/api/me', body: { language: 'klingon' }, as: 'user', expected: 400, field: 'language' },
    { method: 'PATCH', path: '/api/me', body: { isPlatformAdmin: true }, as: 'user', expected: 400 },
    {
      method: 'POST',
      path: '/api/organisations',
      body: { name: 'X', kind: 'cult', villageId: 'nope' },
      as: 'admin',
      expected: 400,
      field: 'kind',
    },
    {
      method: 'POST',
      path: '/api/organisations',
      body: { name: 'Hyvä ry', kind: 'association', villageId: someId, contactEmail: 'bad' },
      as: 'admin',
      expected: 400,
      field: 'contactEmail',
    },
    { method: 'PATCH', path: `/api/organisations/not-a-uuid`, body: { name: 'X' }, as: 'admin', expected: 404 },
    { method: 'PATCH', path: `/api/organisations/${someId}`, body: { name: '' }, as: 'admin', expected: 400, field: 'name' },
    {
      method: 'PATCH',
      path: `/api/organisations/${someId}/members/${someId}`,
      body: { role: 'king' },
      as: 'admin',
      expected: 400,
      field: 'role',
    },
    { method: 'DELETE', path: `/api/organisations/${someId}/members/${someId}`, as: 'admin', expected: 404 },
    {
      method: 'POST',
      path: `/api/organisations/${someId}/invitations`,
      body: { email: 'x', role: 'member' },
      as: 'admin',
      expected: 400,
      field: 'email',
    },
    { method: 'DELETE', path: `/api/organisations/${someId}/invitations/nope`, as: 'admin', expected: 404 },
    { method: 'POST', path: '/api/invitations/short/accept', body: {}, as: 'user', expected: 404 },
    {
      method: 'POST',
      path: `/api/invitations/${'x'.repeat(43)}/accept`,
      body: { name: 5 },
      as: 'user',
      expected: 400,
      field: 'name',
    },
  ];

  for (const input of badInputs) {
    it(`answers ${input.expected} to bad input: ${input.method} ${input.path} ${input.rawBody ?? JSON.stringify(input.body ?? '')}`, async () => {
      const response = await call(api, input.method, input.path, {
        token: input.as === 'admin' ? adminToken : token,
        body: input.body,
        rawBody: input.rawBody,
      });
      expect(response.status).toBe(input.expected);
      expect(response.json.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
      if (input.field) expect(Object.keys(response.json.error.fields ?? {})).toContain(input.field);
    });
  }

  it('answers 413 to a body over the limit', async () => {
    const response = await call(api, 'PATCH', '/api/me', { token, rawBody: JSON.stringify({ name: 'x'.repeat(2_000_000) }) });
    expect(response.status).toBe(413);
    expect(response.json.error.code).toBe('payload_too_large');
  });

  it('answers 404 in the error shape for an unknown route', async () => {
    const response = await call(api, 'GET', '/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('not_found');
  });
});

describe('fail closed', () => {
  it('refuses a route that declares no access rule', async () => {
    const { Controller, Get, Module } = await import('@nestjs/common');
    const { CoreModule, createHttpApplication } = await import('@talkoot/platform');
    const { IdentityModule } = await import('@talkoot/identity');
    const { testConfig } = await import('@talkoot/testing');
    const { MikroORM } = await import('@mikro-orm/postgresql');

    @Controller()
    class ForgetfulController {
      @Get('/api/forgotten')
      forgotten() {
        return { secret: 'should not be seen' };
      }
    }
    const orm = api.app.get(MikroORM) as unknown as Parameters<typeof CoreModule.forRoot>[0]['orm'];
    const config = testConfig({ DATABASE_URL: 'postgres://unused@127.0.0.1/unused' });
    @Module({ imports: [CoreModule.forRoot({ config, orm }), IdentityModule], controllers: [ForgetfulController] })
    class ForgetfulModule {}
    const app = await createHttpApplication(ForgetfulModule, { config });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.getHttpServer().address();
      const response = await fetch(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/forgotten`);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('should not be seen');
    } finally {
      await app.close();
    }
  });
});
