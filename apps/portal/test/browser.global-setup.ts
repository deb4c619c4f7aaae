import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    // The launcher's embedded PostgreSQL (the fuzz test fingerprints the domain tables).
    databaseUrl: string;
    // Everything the launcher and its processes print, for tests that quote the product's errors.
    productLogFile: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// Starts the product exactly as `npm start` does (apps/launcher), on free ports and a fresh
// data folder, and stops it with SIGTERM afterwards: the clean stop is part of what is tested.
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../../..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'talkoot-browser-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_ORIGIN: `http://localhost:${port}`,
    DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    API_PORT: String(await freePort()),
    OUTBOX_POLL_MS: '200',
    LOG_LEVEL: 'warn',
    // Every test signs the demo people in again from 127.0.0.1: far beyond a person's limits.
    SIGN_IN_RATE_LIMIT_SCALE: '50',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.SMTP_URL;
  const launcher: ChildProcess = spawn(process.execPath, ['apps/launcher/dist/main.js'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const productLogFile = path.join(dataDir, 'product.log');
  const appendToLog = (chunk: Buffer) => fs.appendFileSync(productLogFile, chunk);
  launcher.stdout?.on('data', appendToLog);
  launcher.stderr?.on('data', appendToLog);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the product did not start in 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Talkoot is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    launcher.stdout?.on('data', onData);
    launcher.stderr?.on('data', onData);
    launcher.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the launcher exited with ${code}:\n${output}`));
    });
  });
  project.provide('baseUrl', `http://localhost:${port}`);
  // The launcher names the port it found free; user and password are the embedded server's own.
  const databasePort = /embedded PostgreSQL on port (\d+)/.exec(output)?.[1] ?? env.EMBEDDED_POSTGRES_PORT;
  project.provide('databaseUrl', `postgres://postgres:talkoot@127.0.0.1:${databasePort}/talkoot`);
  project.provide('productLogFile', productLogFile);

  return async () => {
    const exited = new Promise((resolve) => launcher.once('exit', resolve));
    launcher.kill('SIGTERM');
    const timer = setTimeout(() => launcher.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
