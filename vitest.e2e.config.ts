import { defineConfig } from 'vitest/config';

/**
 * e2e: the real product (a child process on its own port and data dir) driven through Debian's
 * Chromium. One file at a time (each starts servers and a browser; 2 cores), long timeouts.
 * Screenshots → artifacts/screenshots/, server logs → artifacts/e2e-logs/.
 * Run: npm run test:e2e   (npm run build:web first, or the global setup builds web/ if stale)
 */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/harness/global-setup.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});
