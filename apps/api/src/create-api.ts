import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AppConfig, configureQueueBackend, createHttpApplication, requireDatabaseUrl } from '@talkoot/platform';
import { openOrm } from '@talkoot/database';
import { AppModule } from './app.module.js';
import { QUEUE_PROBE, type QueueProbe } from '@talkoot/platform';

// Used by main.ts and by the api tests, so tests run the very same application.
export async function createApi(config: AppConfig): Promise<NestFastifyApplication> {
  const queueConnection = configureQueueBackend(config);
  const orm = await openOrm(requireDatabaseUrl(config));
  const app = await createHttpApplication(AppModule.forRoot({ config, orm, queueConnection }), { config });
  const close = app.close.bind(app);
  app.close = async () => {
    await close();
    await app.get<QueueProbe>(QUEUE_PROBE).close();
    await orm.close(true);
  };
  return app;
}
