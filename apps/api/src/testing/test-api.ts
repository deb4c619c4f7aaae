import { MikroORM } from '@mikro-orm/postgresql';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { dayText, helsinkiInstantAt } from '@talkoot/platform';
import { type Builders, builders, createTestDatabase, testConfig } from '@talkoot/testing';
import { createApi } from '../create-api.js';

export const ORIGIN = 'http://talkoot.test';

export interface TestApi {
  url: string;
  app: NestFastifyApplication;
  sql: pg.Pool;
  // The scenario builders of @talkoot/testing on the api's own database (rows a test starts from).
  build: Builders;
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
    build: builders(app.get(MikroORM).em),
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

// A mail as the api put it in the outbox: rendered by its domain in the reader's language (ADR 012),
// so tests read what the reader will read.
export interface OutboxMail {
  to: string;
  toName?: string;
  template: string;
  language: string;
  rendered: { subject: string; text: string; html: string };
  attachments?: { filename: string; contentType: string; content: string }[];
  unsubscribe?: { url: string };
}

// Reads the newest mail the api put in the outbox for an address (the worker would send it).
export async function lastMailTo(api: TestApi, email: string): Promise<OutboxMail | undefined> {
  const { rows } = await api.sql.query(
    `select payload from outbox_messages where topic = 'mail.send' and payload->>'to' = $1 order by id desc limit 1`,
    [email],
  );
  return rows[0]?.payload as OutboxMail | undefined;
}

// The first address in the mail's text that contains `part` (the link behind its button).
export function linkIn(mail: OutboxMail | undefined, part: string): string {
  const link = mail?.rendered.text.match(/https?:\/\/\S+/g)?.find((candidate) => candidate.includes(part));
  if (!link) throw new Error(`no link with "${part}" in the mail "${mail?.rendered.subject}"`);
  return link;
}

// The six-digit sign-in code as the mail shows it (on a line of its own).
export function codeIn(mail: OutboxMail | undefined): string {
  return mail?.rendered.text.match(/^ +(\d{6})$/m)?.[1] ?? '';
}

// The items of a labelled list in the mail's text ("Pyydetyt ajat" and the dates under it).
export function listIn(mail: OutboxMail | undefined, label: string): string[] {
  const lines = mail?.rendered.text.split('\n') ?? [];
  const start = lines.indexOf(label);
  if (start < 0) return [];
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('- ')) break;
    items.push(line.slice(2));
  }
  return items;
}

export async function signIn(api: TestApi, email: string): Promise<string> {
  const requested = await call(api, 'POST', '/api/auth/sign-in-requests', { body: { email } });
  if (requested.status !== 202) throw new Error(`sign-in request failed: ${requested.text}`);
  const mail = await lastMailTo(api, email);
  const token = new URL(linkIn(mail, '/sign-in/link')).searchParams.get('token')!;
  const session = await call(api, 'POST', '/api/auth/sessions', { body: { token } });
  if (session.status !== 201) throw new Error(`session failed: ${session.text}`);
  return session.json.token as string;
}

// Shorthands over the builders (`api.build`) that the api tests share.
export async function makeUser(
  api: TestApi,
  input: { name?: string; email?: string; isPlatformAdmin?: boolean; language?: 'fi' | 'sv' | 'en' } = {},
) {
  const user = await api.build.user(input);
  return { id: user.id, email: user.email };
}

export async function makeVillage(api: TestApi): Promise<string> {
  return (await api.build.village()).villageId;
}

export async function makeOrganisation(api: TestApi, villageId: string, name?: string): Promise<string> {
  return (await api.build.organisation({ villageId, ...(name ? { name } : {}) })).organisationId;
}

export async function addMember(api: TestApi, userId: string, organisationId: string, role: 'admin' | 'coordinator' | 'member') {
  await api.build.membership(userId, organisationId, role);
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
    build: builders(app.get(MikroORM).em),
    close: async () => {
      await app.close();
      await sql.end();
    },
  };
}
