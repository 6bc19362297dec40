import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 2,
    // Heavy end-to-end suites (test/e2e) take a shared lock so they run one at a time.
    reporters: ['default'],
  },
});
