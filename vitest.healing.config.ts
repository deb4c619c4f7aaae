import { defineConfig } from 'vitest/config';

// Self-healing with real processes and real signals (ADR 015): the product started as `npm start`
// starts it, on free ports, with a Redis of its own that the test can stop. About a minute.
export default defineConfig({
  test: {
    include: ['apps/launcher/test/**/*.process.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
  },
});
