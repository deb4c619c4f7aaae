import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { migrate } from '../packages/database/dist/index.js';
import { ensureDatabase, startEmbeddedPostgres, testPostgresSettings } from '../packages/platform/dist/index.js';
import { startRedisServer } from './redis-server.js';

// One real PostgreSQL (embedded, or TEST_DATABASE_URL's server) and one real Redis per test run.
// Each test file clones the migrated template database, so files never share rows.
export default async function setup(project: TestProject) {
  const stops: (() => Promise<void>)[] = [];
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'talkoot-test-pg-'));
    fs.chmodSync(dataDir, 0o755);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'pg'),
      persistent: false,
      settings: testPostgresSettings,
    });
    stops.push(async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    adminUrl = server.url('postgres');
  }
  const template = `talkoot_template_${process.pid}`;
  await ensureDatabase(adminUrl, template);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  await migrate(templateUrl.toString());

  const redis = process.env.TEST_REDIS_URL ? { url: process.env.TEST_REDIS_URL, stop: async () => {} } : await startRedisServer();
  if (redis) stops.push(redis.stop);

  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDatabase', template);
  project.provide('redisUrl', redis?.url);

  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
