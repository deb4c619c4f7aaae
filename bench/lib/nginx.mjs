// nginx serving the very same feed bytes from disk: the limit the feed routes are compared with.
// Debian's package is installed when missing (the benchmark runs as root on the project's machines);
// its service is never started, the benchmark runs its own single-process nginx on a loopback port.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';

const candidates = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];

function findNginx() {
  return candidates.find((file) => fs.existsSync(file));
}

// apt's post-install would start the system service on port 80: a policy-rc.d that says "not now"
// keeps it from doing so (and is removed again if the benchmark put it there).
export function ensureNginx(log) {
  const found = findNginx();
  if (found) return found;
  log('nginx is not installed: installing Debian’s nginx (apt-get)…');
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !fs.existsSync(policy);
  if (ownPolicy) fs.writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
    for (const pkg of ['nginx-light', 'nginx']) {
      try {
        execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { env, stdio: 'ignore' });
        break;
      } catch {
        log(`apt-get install ${pkg} failed`);
      }
    }
  } finally {
    if (ownPolicy) fs.rmSync(policy, { force: true });
  }
  const installed = findNginx();
  if (!installed) throw new Error('nginx could not be installed (apt-get install nginx-light / nginx failed)');
  return installed;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// One nginx process (no master, one worker's work in it, as the api is one Node process), the
// feed and its gzip beside it (`gzip_static`), the api's Content-Type and Cache-Control. nginx's
// own ETag (mtime-size) answers If-None-Match with 304 as the api's does.
export async function startNginx({ body, contentType, cacheControl, dir, log, cleanups }) {
  const binary = ensureNginx(log);
  const root = path.join(dir, 'nginx');
  fs.mkdirSync(path.join(root, 'www', 'feeds'), { recursive: true });
  fs.mkdirSync(path.join(root, 'temp'), { recursive: true });
  const file = path.join(root, 'www', 'feeds', 'calendar.ics');
  fs.writeFileSync(file, body);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 6 }));
  const port = await freePort();
  const conf = path.join(root, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `daemon off;
master_process off;
worker_processes 1;
error_log ${path.join(root, 'error.log')} warn;
pid ${path.join(root, 'nginx.pid')};
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${path.join(root, 'temp')};
  proxy_temp_path ${path.join(root, 'temp')};
  fastcgi_temp_path ${path.join(root, 'temp')};
  uwsgi_temp_path ${path.join(root, 'temp')};
  scgi_temp_path ${path.join(root, 'temp')};
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:${port};
    root ${path.join(root, 'www')};
    location = /feeds/calendar.ics {
      types { }
      default_type "${contentType}";
      gzip_static on;
      add_header Cache-Control "${cacheControl}";
      add_header Vary "Accept-Encoding";
    }
  }
}
`,
  );
  const child = spawn(binary, ['-c', conf, '-p', root], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGQUIT');
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  };
  cleanups.push(stop);
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr.trim()}`);
    try {
      const response = await fetch(`${url}/feeds/calendar.ics`, { headers: { 'accept-encoding': 'gzip' } });
      await response.arrayBuffer();
      if (response.ok) return { url, pid: child.pid, stop, etag: response.headers.get('etag') };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx did not answer on ${url}: ${stderr.trim()}`);
}
