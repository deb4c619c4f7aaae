// `npm test`: build, typecheck, lint, then every test tier against real services, ending with
// one summary line. Run through tools/toolchain.cjs so the pinned Node and pnpm are on PATH.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'talkoot-test-report-'));
const started = Date.now();
const done = [];

function run(label, command, args) {
  const stepStarted = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' },
  });
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(0);
  if (result.status !== 0) {
    console.log(
      `\nnpm test: FAILED at "${label}" after ${((Date.now() - started) / 1000).toFixed(0)} s (passed before it: ${done.join(', ') || 'nothing'})`,
    );
    process.exit(result.status ?? 1);
  }
  done.push(`${label} (${seconds} s)`);
}

function vitestCounts(file) {
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    return `${report.numPassedTests} passed${report.numPendingTests ? `, ${report.numPendingTests} skipped` : ''}`;
  } catch {
    return 'no report';
  }
}

run('test setup', process.execPath, ['tools/test-setup.mjs']);
run('build', 'pnpm', ['exec', 'turbo', 'run', 'build', 'typecheck', '--output-logs=errors-only']);
run('lint', 'pnpm', ['run', '--silent', 'lint']);
const unitReport = path.join(reportDir, 'unit.json');
run('unit, integration and api tests', 'pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitReport}`,
]);
const browserReport = path.join(reportDir, 'browser.json');
run('browser tests', 'pnpm', [
  'exec',
  'vitest',
  'run',
  '--config',
  'vitest.browser.config.ts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${browserReport}`,
]);
const healingReport = path.join(reportDir, 'healing.json');
run('self-healing under kill -9 (real processes)', 'pnpm', [
  'exec',
  'vitest',
  'run',
  '--config',
  'vitest.healing.config.ts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${healingReport}`,
]);
const fuzzReport = path.join(reportDir, 'fuzz.json');
run('fuzz test of every api route through the public origin', 'pnpm', [
  'exec',
  'vitest',
  'run',
  '--config',
  'vitest.fuzz.config.ts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${fuzzReport}`,
]);

const minutes = ((Date.now() - started) / 60000).toFixed(1);
console.log(
  `\nnpm test: PASSED in ${minutes} min — build, typecheck and lint clean; unit/integration/api tests ${vitestCounts(unitReport)}; browser tests ${vitestCounts(browserReport)}; self-healing tests ${vitestCounts(healingReport)}; fuzz test ${vitestCounts(fuzzReport)}`,
);
