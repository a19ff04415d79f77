import { defineConfig } from 'vitest/config';

/**
 * Test tiers: unit (no database), db (real SQL: PGlite, or PostgreSQL with TEST_DB=postgres),
 * api (the whole app through app.inject, no port), media (ffmpeg pushes RTMP into the running
 * app and pulls HTTP-FLV/HLS back; skipped where ffmpeg is missing). e2e runs separately
 * (vitest.e2e.config.ts).
 */
export default defineConfig({
  test: {
    globalSetup: ['server/testing/global-setup.ts'],
    // both cores: each test file has its own database (PGlite in-process, or its own PostgreSQL
    // database), so files never share state; the default on 2 cores is one worker
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['server/**/*.test.ts', 'web/src/**/*.test.ts'], exclude: ['**/*.db.test.ts', '**/*.api.test.ts', '**/*.media.test.ts', 'node_modules/**'] } },
      { extends: true, test: { name: 'db', include: ['server/**/*.db.test.ts'] } },
      { extends: true, test: { name: 'api', include: ['server/**/*.api.test.ts'] } },
      // real RTMP pushes and pulls with ffmpeg on loopback ports; each file skips itself without ffmpeg
      { extends: true, test: { name: 'media', include: ['server/**/*.media.test.ts'], testTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
