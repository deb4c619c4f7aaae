import { defineConfig } from 'vitest/config';

// The fuzz test over every route of the OpenAPI document, through the public origin. It starts a
// product of its own (the browser tests' global setup: launcher, free ports, throw-away data),
// because the requests it gets accepted change the demo data the browser tests rely on.
// CI: a fixed seed and a few runs per route; `pnpm test:fuzz` sets FUZZ_RUNS higher.
export default defineConfig({
  test: {
    include: ['apps/portal/test/fuzz.public.test.ts'],
    globalSetup: ['./apps/portal/test/browser.global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
  },
});
