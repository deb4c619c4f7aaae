// Child processes of the events benchmark: the real api (bench/servers/api-server.mjs, shared with
// bench:venues) and the portal's server (apps/portal/dist/server/main.js, started the way
// apps/launcher starts it, with API_URL pointing at the api child). Each registers its stop with
// `cleanups`, and none outlives this process, whatever ends it.
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { distUrl, root } from './deps.mjs';

function killOnExit(child) {
  process.once('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
}

function waitForExit(child, timeoutMs) {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
  });
}

export function startApi(env, cleanups) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(root, 'bench', 'servers', 'api-server.mjs'), [], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const stop = () => {
      const exited = waitForExit(child, 5000);
      if (child.connected) child.send('stop', () => {});
      else child.kill('SIGTERM');
      return exited;
    };
    cleanups.push(stop);
    killOnExit(child);
    child.once('message', (message) => resolve({ url: `http://127.0.0.1:${message.port}`, pid: child.pid, stop }));
    child.once('exit', (code) => reject(new Error(`api exited with ${code} before listening`)));
  });
}

// Undefined when the portal has no server build (the api-only fallback is measured then).
export async function startPortal(apiUrl, cleanups, log, env = {}) {
  const script = path.join(root, 'apps', 'portal', 'dist', 'server', 'main.js');
  if (!fs.existsSync(script) || !fs.existsSync(path.join(root, 'apps', 'portal', 'build', 'server', 'index.js')))
    return undefined;
  const { findFreePort } = await import(distUrl('packages/platform/dist/index.js'));
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      API_URL: apiUrl,
      PUBLIC_ORIGIN: origin,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (chunk) => log(`[portal] ${String(chunk).trimEnd()}`));
  const stop = () => {
    const exited = waitForExit(child, 10_000);
    child.kill('SIGTERM');
    return exited;
  };
  cleanups.push(stop);
  killOnExit(child);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`portal exited with ${child.exitCode} before listening`);
    try {
      const response = await fetch(`${origin}/api/readyz`);
      if (response.ok) return { url: origin, pid: child.pid, stop };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('portal did not answer within 60 s');
}
