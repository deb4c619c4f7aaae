import { loadConfigOrExit, startEmbeddedPostgres } from '@talkoot/platform';

// The embedded PostgreSQL in a process of its own group: Ctrl-C at a terminal reaches the whole
// foreground group, and the database must outlive the api and worker until they have finished.
// It stops on SIGTERM, or when the launcher goes away (its stdin closes).
const config = loadConfigOrExit();
const server = await startEmbeddedPostgres({
  dataDir: process.env.TALKOOT_PG_DATA_DIR ?? '.data/postgres',
  port: Number(process.env.TALKOOT_PG_PORT ?? 54329),
  log: (line) => process.stderr.write(`${line}\n`),
  // Sized for a small box (ADR 016); EMBEDDED_POSTGRES_* change it.
  settings: {
    maxConnections: config.EMBEDDED_POSTGRES_MAX_CONNECTIONS,
    sharedBuffersMb: config.EMBEDDED_POSTGRES_SHARED_BUFFERS_MB,
    workMemMb: config.EMBEDDED_POSTGRES_WORK_MEM_MB,
    maintenanceWorkMemMb: Math.max(16, Math.min(256, config.EMBEDDED_POSTGRES_SHARED_BUFFERS_MB / 2)),
  },
}).catch((error: unknown) => {
  // embedded-postgres rejects without a reason when the server exits; its log lines above say why.
  process.stderr.write(`PostgreSQL did not start${error instanceof Error ? `: ${error.message}` : ''}\n`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);

let isStopping = false;
async function stop(): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  await server.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
process.stdout.write(`${JSON.stringify({ url: server.url('postgres'), port: server.port, dataDir: server.dataDir })}\n`);
