// docs/operations.md, "Back up and restore": pg_dump of a running system while people keep writing,
// pg_restore into an empty database, and the product started on the restored copy answers as the
// original did. On Debian's PostgreSQL, whose pg_dump matches its server (see debian-postgres.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDatabase, findFreePort } from '@talkoot/platform';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster, waitFor } from './cluster/cluster.js';
import { type DebianPostgres, startDebianPostgres } from './cluster/debian-postgres.js';

const root = path.resolve(import.meta.dirname, '../../..');
let server: DebianPostgres;
let cluster: Cluster;
const dumpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'talkoot-backup-'));

beforeAll(async () => {
  server = await startDebianPostgres();
  cluster = await startCluster({ apis: 1, workers: 1, portals: 1, postgresAdminUrl: server.adminUrl });
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
  await server?.stop();
  fs.rmSync(dumpDir, { recursive: true, force: true });
}, 120_000);

function run(program: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

async function readJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  return response.json();
}

describe('backup and restore of a running system', () => {
  it('restores a pg_dump taken under writes into a consistent database the product runs on', async () => {
    const subscribed: string[] = [];
    const writes = { isOn: true };
    const writing = Promise.all(
      Array.from({ length: 5 }, async (_, client) => {
        for (let index = 0; writes.isOn; index++) {
          const email = `backup-${client}-${index}@backup.example`;
          const answer = await fetch(`${cluster.publicUrl}/api/digest-subscriptions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email, language: 'fi', frequency: 'weekly' }),
          });
          expect(answer.status).toBe(202);
          subscribed.push(email);
        }
      }),
    );
    await waitFor(() => subscribed.length >= 20, 30_000, 'writes to be under way');
    const acceptedBeforeDump = subscribed.length;
    const dumpFile = path.join(dumpDir, 'talkoot.dump');
    const started = Date.now();
    const dump = await run(server.bin('pg_dump'), [
      '--format=custom',
      '--no-owner',
      `--file=${dumpFile}`,
      `--dbname=${cluster.databaseUrl}`,
    ]);
    const dumpMs = Date.now() - started;
    writes.isOn = false;
    await writing;
    expect(dump.stderr).toBe('');
    expect(dump.code).toBe(0);

    await ensureDatabase(server.adminUrl, 'talkoot_restored');
    const restoredUrl = cluster.databaseUrl.replace(/\/talkoot$/, '/talkoot_restored');
    const restore = await run(server.bin('pg_restore'), ['--no-owner', '--exit-on-error', `--dbname=${restoredUrl}`, dumpFile]);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);

    const restored = new pg.Pool({ connectionString: restoredUrl, max: 2 });
    try {
      // One snapshot: everything accepted before the dump began is in it, and no subscription is
      // without the confirmation mail written in its transaction.
      const { rows: kept } = await restored.query<{ email: string }>(
        `select email from digest_subscriptions where email like '%@backup.example'`,
      );
      expect(kept.map((row) => row.email)).toEqual(expect.arrayContaining(subscribed.slice(0, acceptedBeforeDump)));
      const { rows: orphans } = await restored.query(
        `select s.email from digest_subscriptions s
          where s.email like '%@backup.example'
            and not exists (select 1 from outbox_messages m where m.payload::text like '%' || s.email || '%')`,
      );
      expect(orphans).toEqual([]);
      // The migrations table came along: the restored database needs no migrating.
      const { rows: migrations } = await restored.query<{ n: number }>(`select count(*)::int n from mikro_orm_migrations`);
      expect(migrations[0]!.n).toBeGreaterThan(10);
      console.log(
        `backup: pg_dump of a running system in ${dumpMs} ms (${fs.statSync(dumpFile).size} bytes) while ${subscribed.length - acceptedBeforeDump} more writes came in; restored ${kept.length} of ${subscribed.length} subscriptions, consistent`,
      );
    } finally {
      await restored.end();
    }

    // The product on the restored copy answers as the original does.
    const port = await findFreePort();
    const api = spawn(process.execPath, ['apps/api/dist/main.js'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: restoredUrl, API_PORT: String(port), LOG_LEVEL: 'warn', REDIS_URL: '' },
      stdio: 'ignore',
    });
    try {
      const restoredApi = `http://127.0.0.1:${port}`;
      await waitFor(
        async () => (await fetch(`${restoredApi}/api/readyz`).catch(() => undefined))?.status === 200,
        60_000,
        'the api on the restored database',
      );
      for (const route of ['/api/calendar', '/api/venues', '/api/lending/give-aways']) {
        expect(await readJson(`${restoredApi}${route}`), route).toEqual(await readJson(`${cluster.publicUrl}${route}`));
      }
    } finally {
      const exited = new Promise((resolve) => api.once('exit', resolve));
      api.kill('SIGTERM');
      await exited;
    }
  });
});
