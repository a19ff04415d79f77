import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktopContext, launchBrowser, shot, watchPage } from './harness/browser.js';
import { ApiClient, startLinli, startLinliExpectingExit, tempDir, type LinliServer } from './harness/server.js';

/**
 * Smoke: the product as `npm start` runs it — a real process on a PGlite data dir with the demo
 * store — opens in Chromium, survives a restart with its data, and refuses a second process on
 * the same embedded database.
 */
const dataDir = tempDir('linli-e2e-smoke');
/** the restart budget; CI holds the product to 5 s (override only on a loaded dev machine) */
const RESTART_MS = Number(process.env.LINLI_E2E_RESTART_MS ?? 5_000);
let first: LinliServer | undefined;
let second: LinliServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  [first, browser] = await Promise.all([startLinli({ name: 'smoke-first', dataDir }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await first?.stop();
  await second?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('smoke', () => {
  it('opens the console on its login form', async () => {
    const context = await desktopContext(browser!, first!.url);
    const page = await context.newPage();
    const watch = watchPage(page);
    const res = await page.goto('/console');
    expect(res?.status(), 'GET /console').toBe(200);
    const form = page.locator('[data-testid=login-form]');
    try {
      // tolerant of timing only: the SPA renders after its JS chunk loads
      await form.waitFor({ state: 'visible', timeout: 20_000 });
    } finally {
      await shot(page, 'smoke-console-login');
    }
    await expect.poll(() => page.title()).toMatch(/邻里|Linli/);
    await expect(form.locator('input[type=password]').count()).resolves.toBe(1);
    expect(watch.errors, 'uncaught errors in the page').toEqual([]);
    await context.close();
  });

  it('keeps its data over a restart on the same DATA_DIR and is healthy within 5 s', async () => {
    const api = new ApiClient(first!.url);
    const login = await api.post('/api/auth/staff/login', { login: 'laozhao', password: 'linli-demo-2026' });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const before = await api.get<{ staffId: string; store: { id: string; slug: string }; stores: unknown[] }>('/api/auth/staff/me');
    expect(before.status).toBe(200);
    expect(before.body.store.slug).toBe('xiangkou');

    const stopped = await first!.stop();
    expect(stopped.code, `first server exit\n${first!.output()}`).toBe(0);

    second = await startLinli({ name: 'smoke-second', dataDir, timeoutMs: 30_000 });
    expect(second.readyMs, 'second start: ms until /api/health answered').toBeLessThan(RESTART_MS);

    // the session written by the first process is still there, and the store is the same row:
    // the database was kept, not re-created and re-seeded
    const again = new ApiClient(second.url);
    const after = await again.request<typeof before.body>('GET', '/api/auth/staff/me', undefined, { cookie: api.cookieHeader() });
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    expect(after.body.store).toEqual(before.body.store);
    expect(after.body.staffId).toBe(before.body.staffId);
    expect(after.body.stores).toHaveLength(1);
  });

  it('refuses a second process on the same PGlite data dir, saying why', async () => {
    expect(second, 'needs the restarted server of the previous test').toBeDefined();
    const refused = await startLinliExpectingExit({ name: 'smoke-refused', dataDir, timeoutMs: 60_000 });
    expect(refused.code, refused.output).not.toBe(0);
    expect(refused.output).toContain(`already used by Linli process ${second!.pid}`);
    expect(refused.output).toMatch(/DATABASE_URL/);
    // and the running one is unharmed
    const health = await fetch(`${second!.url}/api/health`);
    expect(health.status).toBe(200);
  });
});
