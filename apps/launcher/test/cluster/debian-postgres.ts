import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '@talkoot/platform';
import { waitFor } from './cluster.js';

// Debian's PostgreSQL server and its pg_dump/pg_restore (tools/test-setup.mjs installs them), for
// the backup test: pg_dump refuses a server newer than itself, and the embedded server of
// `npm start` ships no pg_dump, so the backup is tested where client and server match.
export interface DebianPostgres {
  adminUrl: string;
  bin: (program: string) => string;
  stop: () => Promise<void>;
}

export function debianPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const majors = fs
    .readdirSync(root)
    .filter(
      (major) =>
        fs.existsSync(path.join(root, major, 'bin', 'pg_dump')) && fs.existsSync(path.join(root, major, 'bin', 'postgres')),
    )
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? path.join(root, majors[0], 'bin') : undefined;
}

function run(program: string, args: string[], user: { uid?: number; gid?: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...user, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(program)} exited ${code}: ${errors}`)),
    );
  });
}

export async function startDebianPostgres(): Promise<DebianPostgres> {
  const binDir = debianPostgresBin();
  if (!binDir)
    throw new Error('Debian PostgreSQL is not installed: apt-get install postgresql (tools/test-setup.mjs does it as root)');
  const bin = (program: string) => path.join(binDir, program);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talkoot-debian-pg-'));
  // The server refuses to run as root: as root, run it as Debian's postgres user.
  let user: { uid?: number; gid?: number } = {};
  if (process.getuid?.() === 0) {
    const [, , uid, gid] = fs
      .readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((line) => line.startsWith('postgres:'))!
      .split(':');
    user = { uid: Number(uid), gid: Number(gid) };
    fs.chownSync(dir, user.uid!, user.gid!);
  }
  const dataDir = path.join(dir, 'data');
  await run(
    bin('initdb'),
    ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8'],
    user,
  );
  const port = await findFreePort();
  const server: ChildProcess = spawn(
    bin('postgres'),
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'max_connections=100',
    ],
    { ...user, stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitFor(
    () =>
      run(bin('pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], {}).then(
        () => true,
        () => false,
      ),
    30_000,
    'Debian PostgreSQL to accept connections',
  );
  return {
    adminUrl,
    bin,
    stop: async () => {
      if (server.exitCode === null) {
        server.kill('SIGINT');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
