import { createTestDatabase } from '@talkoot/testing';
import { describe, expect, it } from 'vitest';
import { openOrm } from './orm.js';

describe('migrations', () => {
  it('match the entities: a migrated database needs no further schema change', async () => {
    const database = await createTestDatabase();
    const orm = await openOrm(database.url, { poolMax: 2 });
    try {
      const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim(), 'run `pnpm migration:create <Name>` and commit the new migration').toBe('');
    } finally {
      await orm.close(true);
      await database.drop();
    }
  });

  it('leave the queue store alone: the schema tools ignore BullMQ tables', async () => {
    const database = await createTestDatabase();
    const orm = await openOrm(database.url, { poolMax: 2 });
    try {
      await orm.em.fork().execute('create schema if not exists bullmq; create table if not exists bullmq.jobs_probe (id int)');
      const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
      expect(diff).not.toMatch(/bullmq/);
    } finally {
      await orm.close(true);
      await database.drop();
    }
  });
});
