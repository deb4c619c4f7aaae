import { migrate } from './orm.js';

// `node packages/database/dist/migrate-cli.js`: applies pending migrations to DATABASE_URL and exits.
// Run once before a rollout (the compose `migrate` service, the Kubernetes migration Job).
const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('DATABASE_URL: required to run migrations\n');
  process.exit(1);
}
const applied = await migrate(url);
process.stdout.write(applied.length ? `applied migrations: ${applied.join(', ')}\n` : 'no pending migrations\n');
