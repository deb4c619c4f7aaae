import { defineConfig } from 'vitest/config';

// Unit tests of plain modules (locales, forms, cookies, CSP); no React Router plugin needed.
export default defineConfig({
  test: {
    include: ['app/**/*.test.ts', 'server/**/*.test.ts'],
  },
});
