import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface EmbeddedDatabase {
  adminUrl: string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
}

export async function startEmbeddedDatabase(input: {
  dataDir: string;
  port: number;
  log: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'postgres-process.js');
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, TALKOOT_PG_DATA_DIR: input.dataDir, TALKOOT_PG_PORT: String(input.port) },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  readline.createInterface({ input: child.stderr }).on('line', input.log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ url: string; port: number; dataDir: string }>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`the embedded PostgreSQL stopped while starting (exit code ${code})`)));
  });
  return {
    adminUrl: ready.url,
    port: ready.port,
    dataDir: ready.dataDir,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
