import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AppConfig, configureQueueBackend, createHttpApplication, requireDatabaseUrl } from '@talkoot/platform';
import { openOrm } from '@talkoot/database';
import { AppModule } from './app.module.js';

// Used by main.ts and by the api tests, so tests run the very same application.
export async function createApi(config: AppConfig): Promise<NestFastifyApplication> {
  const queueConnection = configureQueueBackend(config);
  const orm = await openOrm(requireDatabaseUrl(config), { poolMin: config.DATABASE_POOL_MIN, poolMax: config.DATABASE_POOL_MAX });
  return createHttpApplication(AppModule.forRoot({ config, orm, queueConnection }), { config });
}
