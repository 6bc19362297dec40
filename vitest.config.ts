import { defineConfig } from 'vitest/config';

// Tiers: unit (no tools: pure code, loopback servers, images written in-process), hostile (generated bad
// input), e2e and oracle (Debian tools, images built once and cached; provisioned by test/support/provision.ts).
// `npm test` runs all of them; `npm run test:unit` only the first.
const common = { testTimeout: 30_000, hookTimeout: 600_000 };
const withTools = { ...common, globalSetup: ['test/support/provision.ts'] };

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      { test: { ...common, name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { ...common, name: 'hostile', include: ['test/hostile/**/*.test.ts'] } },
      // Heavy suites take a shared lock (serialHeavySuite) so they run one at a time.
      { test: { ...withTools, name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
      { test: { ...withTools, name: 'oracle', include: ['test/oracle/**/*.test.ts'] } },
    ],
  },
});
