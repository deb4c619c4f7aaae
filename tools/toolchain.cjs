#!/usr/bin/env node
// Toolchain wrapper (think Gradle wrapper): `npm start` and `npm test` must work on a machine that
// has only an old Node.js and npm. When the running Node is older than the stack needs, the pinned
// Node and pnpm are installed from the npm registry into .toolchain/ (git-ignored) and the command
// is handed over to them. Written in plain CommonJS so that Node 18 can run it.
'use strict';

const { spawnSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const NODE_VERSION = '24.21.0';
const PNPM_VERSION = '12.21.0';
const MIN_NODE_MAJOR = 22;

const root = path.resolve(__dirname, '..');
const toolchainDir = path.join(root, '.toolchain');

function log(message) {
  process.stderr.write(`[toolchain] ${message}\n`);
}

function fail(message) {
  log(message);
  process.exit(1);
}

function npmCommand() {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

function npmInstall(prefix, spec) {
  fs.mkdirSync(prefix, { recursive: true });
  // A package.json of its own keeps npm from walking up into the workspace.
  const manifest = path.join(prefix, 'package.json');
  if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, '{ "private": true }\n');
  const result = spawnSync(
    npmCommand(),
    ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) fail(`could not install ${spec} from the npm registry`);
}

function versionOf(binary, args = ['--version']) {
  const result = spawnSync(binary, args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().replace(/^v/, '') : undefined;
}

function ensureNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= MIN_NODE_MAJOR) return path.dirname(process.execPath);
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = path.join(toolchainDir, 'node');
  const binDir = path.join(prefix, 'node_modules', pkg, 'bin');
  if (versionOf(path.join(binDir, 'node')) !== NODE_VERSION) {
    log(`Node ${process.versions.node} is older than ${MIN_NODE_MAJOR}; installing Node ${NODE_VERSION} into .toolchain/`);
    npmInstall(prefix, `${pkg}@${NODE_VERSION}`);
  }
  if (versionOf(path.join(binDir, 'node')) !== NODE_VERSION) fail(`Node ${NODE_VERSION} did not install (${pkg})`);
  return binDir;
}

function ensurePnpm(nodeBinDir) {
  const prefix = path.join(toolchainDir, 'pnpm');
  const binDir = path.join(prefix, 'node_modules', '.bin');
  const env = { ...process.env, PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH}` };
  const current = () => spawnSync(path.join(binDir, 'pnpm'), ['--version'], { encoding: 'utf8', env }).stdout?.trim();
  if (current() !== PNPM_VERSION) {
    log(`installing pnpm ${PNPM_VERSION} into .toolchain/`);
    npmInstall(prefix, `pnpm@${PNPM_VERSION}`);
  }
  if (current() !== PNPM_VERSION) fail(`pnpm ${PNPM_VERSION} did not install`);
  return binDir;
}

function installStamp() {
  const hash = crypto.createHash('sha256');
  for (const file of ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json']) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) hash.update(fs.readFileSync(full));
  }
  for (const group of ['apps', 'packages']) {
    const dir = path.join(root, group);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const manifest = path.join(dir, name, 'package.json');
      if (fs.existsSync(manifest)) hash.update(fs.readFileSync(manifest));
    }
  }
  return hash.digest('hex');
}

function ensureDependencies(env) {
  const stampFile = path.join(root, 'node_modules', '.talkoot-install-stamp');
  const stamp = installStamp();
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return;
  const hasLockfile = fs.existsSync(path.join(root, 'pnpm-lock.yaml'));
  const args = ['install', hasLockfile && process.env.CI ? '--frozen-lockfile' : '--prefer-offline'];
  log(`pnpm ${args.join(' ')}`);
  const result = spawnSync('pnpm', args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) fail('pnpm install failed');
  fs.writeFileSync(stampFile, installStamp());
}

function main() {
  const [script, ...args] = process.argv.slice(2);
  if (!script) fail('usage: toolchain.cjs <script> [args...]');
  const nodeBin = ensureNode();
  const pnpmBin = ensurePnpm(nodeBin);
  const env = {
    ...process.env,
    PATH: [nodeBin, pnpmBin, path.join(root, 'node_modules', '.bin'), process.env.PATH].join(path.delimiter),
    // Turbo and Corepack must not try to download another package manager.
    COREPACK_ENABLE_STRICT: '0',
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
  };
  ensureDependencies(env);
  const child = spawn('pnpm', ['run', '--silent', script, ...args], { cwd: root, stdio: 'inherit', env });
  // Ctrl-C reaches the whole foreground process group; forward TERM ourselves.
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  process.on('SIGINT', () => {});
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
