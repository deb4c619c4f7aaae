// Installs what the tests need from Debian's packages when it is missing: redis-server (the
// Redis queue backend), chromium (browser tests) and PostgreSQL with pg_dump/pg_restore (the
// backup test; its server is started by the test itself, never as a system service). Needs root, as in CI; otherwise it says
// what to install and the affected tests fail with the same advice.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const needs = [
  { command: 'redis-server', args: ['--version'], pkg: 'redis-server' },
  { command: '/usr/bin/chromium', args: ['--version'], pkg: 'chromium' },
  {
    command: 'sh',
    args: ['-c', 'ls /usr/lib/postgresql/*/bin/pg_restore /usr/lib/postgresql/*/bin/postgres'],
    pkg: 'postgresql',
  },
];

const has = (need) => spawnSync(need.command, need.args, { stdio: 'ignore' }).status === 0;
const missing = needs.filter((need) => !has(need)).map((need) => need.pkg);

if (missing.length) {
  if (process.getuid?.() !== 0) {
    console.error(`[test-setup] missing: ${missing.join(', ')}. Install them: sudo apt-get install -y ${missing.join(' ')}`);
  } else {
    console.log(`[test-setup] installing ${missing.join(', ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const run = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
    // apt's post-install would start PostgreSQL and Redis as system services: "not now".
    const policy = '/usr/sbin/policy-rc.d';
    const ownPolicy = !fs.existsSync(policy);
    if (ownPolicy) fs.writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
    try {
      if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', '--no-install-recommends', ...missing])) {
        console.error('[test-setup] apt-get failed; the tests that need these will fail');
      }
    } finally {
      if (ownPolicy) fs.rmSync(policy, { force: true });
    }
  }
}
