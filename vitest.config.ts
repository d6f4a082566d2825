import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/sequencer.ts';

/**
 * Three projects, one naming convention: `*.browser.test.ts` drive headless Chromium,
 * `*.e2e.test.ts` run the real CLI, git, Prism and servers in processes, every other `*.test.ts`
 * is in-process (unit). `npm test` runs them all; `npm run test:unit` only the fast ones.
 */
const env = { SCARF_ANALYTICS: 'false', REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' };

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    // Most of the suite waits on child processes that need the cores themselves: two workers on CI's
    // 2-core machine (three measured no faster on 2026-11-30, 4:49 to 6:19 over four runs, and flakier).
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
    env,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // In-process tests of pure logic share their workers' module cache: importing the rule set,
          // the comparer and the generated code once per worker instead of once per file (27 s of 41).
          isolate: false,
          include: ['test/**/*.test.ts', 'rules/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.e2e.test.ts', '**/*.browser.test.ts', '**/node_modules/**'],
        },
      },
      // End-to-end files spend their time in the processes they start; sharing a worker's module
      // cache (helpers, the in-process CLI) between them saves importing it again for each file.
      { extends: true, test: { name: 'e2e', isolate: false, include: ['test/**/*.e2e.test.ts'] } },
      { extends: true, test: { name: 'browser', isolate: false, include: ['test/**/*.browser.test.ts'] } },
    ],
  },
});
