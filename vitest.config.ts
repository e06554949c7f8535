import { defineConfig } from 'vitest/config';

// Set here as well as in test.env so worker processes (and anything they spawn) start in UTC.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
    pool: 'forks',
    // Two files at once: vitest's default on a 2-core machine is one (cores - 1), and the suite is
    // mostly waiting (on Postgres, Slack's pace, timers), so a second file nearly halves its time.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Work the app does after acknowledging Slack can take more than poll's default second on a
    // loaded machine (CI runs two test files at once beside Postgres and Chromium).
    expect: { poll: { timeout: 10_000 } },
    globalSetup: ['test/helpers/postgres-cluster.ts'],
    // In CI a JSON report lets .ci/run print the counts as one plain line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-artifacts/vitest.json' }]] : ['default'],
  },
});
