import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktopContext, launchBrowser, phoneContext, shot, watchPage } from './harness/browser.js';
import { ApiClient, startLinli, type LinliServer } from './harness/server.js';

/**
 * The foundation journey, as people do it: a neighbour logs in by phone on the shop, orders for
 * pickup and pays in the sandbox wallet; 小美 verifies the pickup code at the counter. The order
 * ends picked up and paid, and the stock ledger moved exactly one sale.
 */
interface StockRow { skuId: string; productName: string; onHand: number; reserved: number; available: number }
interface Order { id: string; status: string; paidFen: number; totalFen: number; pickupCode: string; lines: Array<{ skuId: string; qty: number }> }

let server: LinliServer;
let browser: Browser;
const owner = () => {
  const api = new ApiClient(server.url);
  return api.post('/api/auth/staff/login', { login: 'laozhao', password: 'linli-demo-2026' }).then(() => api);
};
const stockOf = async (api: ApiClient, skuId: string) =>
  (await api.get<StockRow[]>('/api/console/stock')).body.find((r) => r.skuId === skuId)!;

beforeAll(async () => {
  [server, browser] = await Promise.all([startLinli({ name: 'pickup-journey' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The owner reads the neighbour's login code off the console's outbox page (the dev SMS adapter). */
async function codeFromOutboxPage(phone: string): Promise<string> {
  const ctx = await desktopContext(browser, server.url);
  const page = await ctx.newPage();
  await page.goto('/console');
  await page.fill('[data-testid=login-name]', 'laozhao');
  await page.fill('[data-testid=login-password]', 'linli-demo-2026');
  await page.click('[data-testid=login-submit]');
  await page.locator('[data-testid=console-store-name]').waitFor();
  await page.goto('/console/outbox');
  const el = page.locator(`[data-testid=outbox-otp][data-phone="${phone}"]`).first();
  await el.waitFor({ timeout: 20_000 });
  await shot(page, 'journey-02-console-outbox');
  const code = (await el.textContent())!.trim();
  await ctx.close();
  return code;
}

describe('pickup journey', () => {
  it('neighbour orders and pays on the phone, staff verifies at the counter; order and stock are right', async () => {
    const api = await owner();
    const phone = '13912345678';

    // — the neighbour's phone —
    const shop = await phoneContext(browser, server.url);
    const p: Page = await shop.newPage();
    const shopWatch = watchPage(p);
    await p.goto('/shop/xiangkou');
    const add = p.locator('[data-testid^=add-]:not([disabled])').first();
    await add.waitFor();
    const skuId = (await add.getAttribute('data-testid'))!.slice('add-'.length);
    const before = await stockOf(api, skuId);
    await add.click();
    await shot(p, 'journey-01-shop-cart');
    await p.click('[data-testid=checkout]');
    await p.fill('[data-testid=shop-phone] input', phone);
    await p.click('[data-testid=shop-otp-send]');
    const code = await codeFromOutboxPage(phone);
    expect(code).toMatch(/^\d{6}$/);
    await p.fill('[data-testid=shop-otp-code] input', code);
    await p.click('[data-testid=shop-login]');
    await p.locator('[data-testid=place-order]').waitFor();
    await shot(p, 'journey-03-shop-checkout');
    await p.click('[data-testid=place-order]');
    await p.locator('[data-testid=wallet-confirm]').waitFor();
    await shot(p, 'journey-04-sandbox-wallet');
    await p.click('[data-testid=wallet-confirm]');
    const codeEl = p.locator('[data-testid=pickup-code]');
    await codeEl.waitFor({ timeout: 30_000 });
    await p.locator('[data-testid=pickup-qr]').waitFor();
    await expect.poll(() => p.locator('[data-testid=order-status]').textContent()).toContain('待提货');
    await shot(p, 'journey-05-shop-pickup-code');
    const pickupCode = (await codeEl.getAttribute('data-code'))!;
    expect(pickupCode).toMatch(/^\d{8}$/);

    // paid and held: one unit reserved, nothing has left the shelf yet
    const orders = (await api.get<{ items: Order[] } | Order[]>('/api/console/orders')).body;
    const order = (Array.isArray(orders) ? orders : orders.items).find((o) => o.pickupCode === pickupCode)!;
    expect(order).toMatchObject({ status: 'ready_for_pickup', paidFen: order.totalFen });
    expect(order.lines).toEqual([expect.objectContaining({ skuId, qty: 1 })]);
    expect(await stockOf(api, skuId)).toMatchObject({ onHand: before.onHand, reserved: before.reserved + 1 });

    // — the counter tablet: 小美 types the code and verifies —
    const counter = await desktopContext(browser, server.url, { viewport: { width: 1180, height: 820 }, hasTouch: true });
    const c = await counter.newPage();
    const counterWatch = watchPage(c);
    await c.goto('/counter');
    await c.fill('[data-testid=login-name]', 'xiaomei');
    await c.fill('[data-testid=login-password]', 'linli-demo-2026');
    await c.click('[data-testid=login-submit]');
    await c.fill('[data-testid=counter-code-input]', pickupCode);
    await c.locator('[data-testid=counter-order]').waitFor();
    await shot(c, 'journey-06-counter-order');
    await c.click('[data-testid=counter-verify]');
    await c.locator('[data-testid=counter-verified]').waitFor();
    await shot(c, 'journey-07-counter-verified');

    // the order is picked up; the sale left the shelf: on hand −1, the hold released into it
    const done = (await api.get<Order>(`/api/console/orders/${order.id}`)).body;
    expect(done).toMatchObject({ status: 'picked_up', paidFen: order.totalFen });
    expect(await stockOf(api, skuId)).toMatchObject({ onHand: before.onHand - 1, reserved: before.reserved });

    // the neighbour's phone shows it picked up without being told twice
    await p.reload();
    await expect.poll(() => p.locator('[data-testid=order-status]').textContent(), { timeout: 15_000 }).toContain('已提货');
    await shot(p, 'journey-08-shop-picked-up');

    expect(shopWatch.errors, 'uncaught errors on the shop page').toEqual([]);
    expect(counterWatch.errors, 'uncaught errors on the counter page').toEqual([]);
    await shop.close();
    await counter.close();
  });
});
