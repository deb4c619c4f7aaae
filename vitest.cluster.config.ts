import { defineConfig } from 'vitest/config';

// Issue 14: several replicas of each process on one PostgreSQL, Redis and SMTP server behind a
// load balancer, and the fault suite (real processes, real signals). A few minutes; loopback only.
export default defineConfig({
  test: {
    include: ['apps/launcher/test/**/*.cluster.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    env: { TZ: 'UTC' },
  },
});
