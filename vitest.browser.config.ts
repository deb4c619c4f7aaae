import { defineConfig } from 'vitest/config';

// Browser tests: the whole product started the way `npm start` starts it (on a free port and a
// throw-away data folder), driven by Playwright in Debian's chromium.
export default defineConfig({
  test: {
    include: ['apps/portal/test/**/*.browser.test.ts'],
    globalSetup: ['./apps/portal/test/browser.global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // A page that answers after a second is slow, not broken: CI machines are busy.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    env: { TZ: 'UTC' },
  },
});
