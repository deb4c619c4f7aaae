// Generates a migration from the difference between the entities and a database migrated to
// the latest committed migration. Run: pnpm migration:create (uses a throw-away embedded PostgreSQL).
import os from 'node:os';
import path from 'node:path';
import { ensureDatabase, startEmbeddedPostgres } from '@talkoot/platform';
import { migrationsSourceDir, openOrm } from './orm.js';

const server = await startEmbeddedPostgres({
  dataDir: path.join(os.tmpdir(), `talkoot-migration-${process.pid}`),
  persistent: false,
  log: (line) => console.log(line),
});
try {
  await ensureDatabase(server.url('postgres'), 'talkoot');
  const orm = await openOrm(server.url('talkoot'));
  await orm.migrator.up();
  const result = await orm.migrator.create(migrationsSourceDir, false, false, process.argv[2]);
  console.log(
    result.fileName ? `wrote ${path.join(migrationsSourceDir, result.fileName)}` : 'no changes: entities match the migrations',
  );
  await orm.close(true);
} finally {
  await server.stop();
}
