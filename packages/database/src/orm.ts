import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { createOrmOptions } from '@talkoot/platform';
import { allEntities } from './entities.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// Compiled migrations run from dist/migrations; new ones are written to src/migrations.
export const migrationsDir = path.join(here, 'migrations');
export const migrationsSourceDir = path.resolve(here, '..', 'src', 'migrations');

export function ormOptions(url: string, overrides: { poolMin?: number; poolMax?: number; debug?: boolean } = {}): Options {
  const options = createOrmOptions({ url, entities: allEntities, migrationsPath: migrationsDir, ...overrides });
  return { ...options, extensions: [Migrator] };
}

export async function openOrm(
  url: string,
  overrides: { poolMin?: number; poolMax?: number; debug?: boolean } = {},
): Promise<MikroORM> {
  return MikroORM.init(ormOptions(url, overrides));
}

export async function migrate(url: string): Promise<string[]> {
  const orm = await openOrm(url, { poolMax: 2 });
  try {
    const applied = await orm.migrator.up();
    return applied.map((migration) => migration.name);
  } finally {
    await orm.close(true);
  }
}
