import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { dayText, helsinkiInstantAt } from '@talkoot/platform';
import { createTestDatabase, testConfig } from '@talkoot/testing';
import { createApi } from '../create-api.js';

export const ORIGIN = 'http://talkoot.test';

export interface TestApi {
  url: string;
  app: NestFastifyApplication;
  sql: pg.Pool;
  close: () => Promise<void>;
}

// The real api (same module graph as production) on a fresh, migrated database, over HTTP.
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const config = testConfig({ DATABASE_URL: database.url, PUBLIC_ORIGIN: ORIGIN, ...env });
  const app = await createApi(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const sql = new pg.Pool({ connectionString: database.url, max: 3 });
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    sql,
    close: async () => {
      await app.close();
      await sql.end();
      await database.drop();
    },
  };
}

export interface CallOptions {
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
}

export interface CallResult {
  status: number;
  json: any;
  text: string;
  headers: globalThis.Headers;
}

export async function call(api: TestApi, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined;
  if (options.rawBody !== undefined) {
    body = options.rawBody;
    headers['content-type'] ??= 'application/json';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${api.url}${path}`, { method, headers, body });
  const text = await response.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text, headers: response.headers };
}

// Reads the newest mail the api put in the outbox for an address (the worker would send it).
export async function lastMailTo(api: TestApi, email: string) {
  const { rows } = await api.sql.query(
    `select payload from outbox_messages where topic = 'mail.send' and payload->>'to' = $1 order by id desc limit 1`,
    [email],
  );
  return rows[0]?.payload as { template: string; language: string; data: Record<string, any> } | undefined;
}

export async function signIn(api: TestApi, email: string): Promise<string> {
  const requested = await call(api, 'POST', '/api/auth/sign-in-requests', { body: { email } });
  if (requested.status !== 202) throw new Error(`sign-in request failed: ${requested.text}`);
  const mail = await lastMailTo(api, email);
  const token = new URL(mail!.data.link).searchParams.get('token')!;
  const session = await call(api, 'POST', '/api/auth/sessions', { body: { token } });
  if (session.status !== 201) throw new Error(`session failed: ${session.text}`);
  return session.json.token as string;
}

let counter = 0;

export async function makeUser(
  api: TestApi,
  input: { name?: string; email?: string; isPlatformAdmin?: boolean; language?: string } = {},
) {
  counter += 1;
  const email = input.email ?? `user${counter}-${Date.now()}@example.org`;
  const { rows } = await api.sql.query(
    `insert into users (id, name, email, language, is_platform_admin, created_at) values (gen_random_uuid(), $1, $2, $3, $4, now()) returning id`,
    [input.name ?? `Test User ${counter}`, email, input.language ?? 'fi', input.isPlatformAdmin ?? false],
  );
  return { id: rows[0].id as string, email };
}

export async function makeVillage(api: TestApi): Promise<string> {
  counter += 1;
  const { rows } = await api.sql.query(
    `with r as (insert into regions (id, name) values (gen_random_uuid(), $1) returning id),
          m as (insert into municipalities (id, region_id, name) select gen_random_uuid(), r.id, 'Rautalampi' from r returning id)
     insert into villages (id, municipality_id, name) select gen_random_uuid(), m.id, 'Kerkonkoski' from m returning id`,
    [`Region ${counter}-${Date.now()}`],
  );
  return rows[0].id as string;
}

export async function makeOrganisation(api: TestApi, villageId: string, name = `Kyläyhdistys ${++counter}`): Promise<string> {
  const { rows } = await api.sql.query(
    `insert into organisations (id, name, kind, village_id, description, created_at) values (gen_random_uuid(), $1, 'association', $2, '{}', now()) returning id`,
    [name, villageId],
  );
  return rows[0].id as string;
}

export async function addMember(api: TestApi, userId: string, organisationId: string, role: 'admin' | 'coordinator' | 'member') {
  await api.sql.query(
    `insert into memberships (id, user_id, organisation_id, role, created_at) values (gen_random_uuid(), $1, $2, $3, now())`,
    [userId, organisationId, role],
  );
}

// A Helsinki wall-clock time as the api writes the instant back (ISO, UTC).
export function helsinkiIso(year: number, month: number, day: number, hour: number, minute = 0): string {
  return helsinkiInstantAt(dayText(year, month, day), (hour * 60 + minute) * 60_000).toISOString();
}

// A second api process on the same database (another replica behind the load balancer): its own
// module graph, caches and listeners, as a separate process would have.
export async function startReplica(of: TestApi, env: Record<string, string> = {}): Promise<TestApi> {
  const databaseUrl = of.sql.options.connectionString!;
  const app = await createApi(testConfig({ DATABASE_URL: databaseUrl, PUBLIC_ORIGIN: ORIGIN, ...env }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const sql = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    sql,
    close: async () => {
      await app.close();
      await sql.end();
    },
  };
}
