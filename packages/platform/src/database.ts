import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { QUEUE_SCHEMA } from './queue.js';

export { MikroORM };

// One place for the ORM options every process and test uses. `entities` comes from
// @talkoot/database, which lists every entity of every domain.
export function createOrmOptions(input: {
  url: string;
  entities: NonNullable<Options['entities']>;
  migrationsPath?: string;
  debug?: boolean;
  poolMin?: number;
  poolMax?: number;
}): Options {
  return defineConfig({
    clientUrl: input.url,
    entities: input.entities,
    metadataProvider: ReflectMetadataProvider,
    discovery: { warnWhenNoEntities: false },
    debug: input.debug ?? false,
    pool: { min: Math.min(input.poolMin ?? 0, input.poolMax ?? 10), max: input.poolMax ?? 10 },
    allowGlobalContext: false,
    // BullMQ's tables live in the same database; the schema tools must never touch them.
    schemaGenerator: { ignoreSchema: [QUEUE_SCHEMA] },
    migrations: {
      path: input.migrationsPath,
      glob: '!(*.d).{js,ts}',
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      snapshotOnMigrate: false,
      emit: 'ts',
      // The launcher and the tests report what was applied themselves.
      silent: true,
    },
  });
}
