// Child process: the real api (the same createApi() that apps/api/src/main.ts runs), with the
// production configuration and quiet logs, on a free loopback port. Reports its port over IPC.
import { distUrl, importFromApi } from '../lib/deps.mjs';

await importFromApi('reflect-metadata');
const { parseConfig } = await import(distUrl('packages/platform/dist/index.js'));
const { createApi } = await import(distUrl('apps/api/dist/create-api.js'));

const config = parseConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? 'silent',
  DATABASE_URL: process.env.DATABASE_URL,
  DATA_DIR: process.env.BENCH_DATA_DIR,
  PUBLIC_ORIGIN: 'http://localhost:3000',
  API_PORT: '3101',
});
const app = await createApi(config);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.getHttpServer().address();
process.send({ port: address.port });
process.on('message', async (message) => {
  if (message === 'stop') {
    await app.close();
    process.exit(0);
  }
});
