import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The Temporal runtime's warnings (activity failures a test provokes on purpose, with their stacks) go to a file: test output is about failures.
const workerLog = process.env.MQCHAOS_WORKER_LOG ?? fileURLToPath(new URL('./test-logs/worker.log', import.meta.url));

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'reports/out/**'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['./test/support/temporal.global-setup.ts'],
    env: { MQCHAOS_WORKER_LOG: workerLog },
  },
});
