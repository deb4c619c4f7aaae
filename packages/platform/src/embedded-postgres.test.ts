import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedPostgresHandle, smallBoxPostgresSettings, startEmbeddedPostgres } from './embedded-postgres.js';

// The embedded PostgreSQL of `npm start` shares a small box with three Node processes (ADR 016).
describe('the embedded PostgreSQL on a small box', () => {
  let tempDir: string;
  let server: EmbeddedPostgresHandle;

  beforeAll(async () => {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'talkoot-small-pg-'));
    fs.chmodSync(tempDir, 0o755);
    server = await startEmbeddedPostgres({ dataDir: path.join(tempDir, 'pg'), persistent: false });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 5 });
  });

  it('runs with small buffers and as many connections as the pools need, not the test-run 300', async () => {
    const client = new pg.Client({ connectionString: server.url('postgres') });
    await client.connect();
    try {
      const setting = async (name: string) =>
        (await client.query(`select setting, unit from pg_settings where name = $1`, [name])).rows[0];
      expect(Number((await setting('max_connections')).setting)).toBe(smallBoxPostgresSettings.maxConnections);
      // shared_buffers is counted in 8 kB pages, work_mem in kB.
      expect(Number((await setting('shared_buffers')).setting) * 8).toBe(smallBoxPostgresSettings.sharedBuffersMb * 1024);
      expect(Number((await setting('work_mem')).setting)).toBe(smallBoxPostgresSettings.workMemMb * 1024);
      expect(Number((await setting('maintenance_work_mem')).setting)).toBe(smallBoxPostgresSettings.maintenanceWorkMemMb * 1024);
    } finally {
      await client.end();
    }
  });
});
