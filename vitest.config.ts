import { defineConfig } from 'vitest/config';

// Unit, integration (real PostgreSQL, Redis, SMTP) and api tests. Browser tests: vitest.browser.config.ts.
export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/portal/app/**/*.test.ts',
      'apps/portal/server/**/*.test.ts',
      'tools/**/*.test.ts',
      'infra/test/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.browser.test.ts'],
    globalSetup: ['./tools/vitest.global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
    reporters: ['default'],
  },
});
