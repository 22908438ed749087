import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';
import { SummaryLineReporter } from './test/support/summary-line-reporter.js';

export default defineConfig({
  // SWC emits the decorator metadata NestJS and TypeORM rely on (esbuild does not).
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', new SummaryLineReporter()],
    // One PostgreSQL, one time-skipping Temporal server and one SMTP server for the whole run.
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/support/quiet-temporal-runtime.ts'],
    // The Temporal bridge is a native addon: forks are safer than threads. The time-skipping
    // server's clock is shared, so test files run one after another.
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
