import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/api.js';
import { makeTenant, TEST_PASSWORD } from '../../testing/factories.js';
import { reserve } from './index.js';
import { movements } from './tables.js';
import { makeSkus } from './test-helpers.js';

describe('stock console API', async () => {
  const t = await createTestApp();
  const tenant = await makeTenant(t.database.db);
  const ctx = tenant.ctx();
  const owner = await t.loginStaff(tenant.ownerLogin, TEST_PASSWORD);
  const clerk = await t.loginStaff((await tenant.addStaff('staff')).login, TEST_PASSWORD);
  const post = (url: string, payload: object, key?: string, cookie = owner) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'x-linli-csrf': '1', ...(key ? { 'idempotency-key': key } : {}) },
      payload,
    });
  const stockOf = async (skuId: string, cookie = owner) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/console/stock', headers: { cookie } });
    return (res.json() as Array<{ skuId: string }>).find((r) => r.skuId === skuId);
  };
  const movementCount = async (skuId: string) =>
    (await t.database.db.select().from(movements).where(and(eq(movements.storeId, tenant.storeId), eq(movements.skuId, skuId)))).length;

  it('receives once per idempotency key, and refuses the key for another body', async () => {
    const [sku] = await makeSkus(ctx);
    const first = await post('/api/console/stock/receive', { skuId: sku, qty: 24, note: '第一批' }, 'recv-key-0001');
    expect(first.statusCode).toBe(200);
    expect(first.json().level).toEqual({ onHand: 24, reserved: 0, available: 24 });
    const again = await post('/api/console/stock/receive', { skuId: sku, qty: 24, note: '第一批' }, 'recv-key-0001');
    expect(again.json()).toEqual(first.json());
    const other = await post('/api/console/stock/receive', { skuId: sku, qty: 30 }, 'recv-key-0001');
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const noKey = await post('/api/console/stock/receive', { skuId: sku, qty: 1 });
    expect(noKey.json().code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect(await movementCount(sku!)).toBe(1);
    expect(await stockOf(sku!)).toMatchObject({ onHand: 24, reserved: 0, available: 24, spec: '规格1', unit: '个' });
  });

  it('lets every staff member read stock, but only owner and managers change it', async () => {
    const [sku] = await makeSkus(ctx);
    expect(await stockOf(sku!, clerk)).toMatchObject({ onHand: 0 });
    const res = await post('/api/console/stock/receive', { skuId: sku, qty: 5 }, 'recv-key-clerk', clerk);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    const anon = await t.app.inject({ method: 'GET', url: '/api/console/stock' });
    expect(anon.statusCode).toBe(401);
    expect(await movementCount(sku!)).toBe(0);
  });

  it('refuses bad input and impossible changes without writing anything', async () => {
    const [sku] = await makeSkus(ctx);
    await post('/api/console/stock/receive', { skuId: sku, qty: 10 }, 'recv-key-bad-0');
    await reserve(ctx, { skuId: sku!, qty: 4, channel: 'groupbuy', expiresAt: null });
    const cases = [
      { url: '/api/console/stock/receive', body: { skuId: sku, qty: 0 }, status: 400, code: 'VALIDATION_FAILED' },
      { url: '/api/console/stock/receive', body: { skuId: sku, qty: 1.5 }, status: 400, code: 'VALIDATION_FAILED' },
      { url: '/api/console/stock/receive', body: { skuId: 'not-a-uuid', qty: 1 }, status: 400, code: 'VALIDATION_FAILED' },
      { url: '/api/console/stock/receive', body: { skuId: crypto.randomUUID(), qty: 1 }, status: 404, code: 'SKU_NOT_FOUND' },
      { url: '/api/console/stock/loss', body: { skuId: sku, qty: 7, reason: '坏了' }, status: 409, code: 'INSUFFICIENT_STOCK' },
      { url: '/api/console/stock/loss', body: { skuId: sku, qty: 1, reason: '' }, status: 400, code: 'VALIDATION_FAILED' },
      { url: '/api/console/stock/adjust', body: { skuId: sku, countedQty: 3, reason: '盘点' }, status: 409, code: 'STOCK_BELOW_RESERVED' },
      { url: '/api/console/stock/adjust', body: { skuId: sku, countedQty: -1, reason: '盘点' }, status: 400, code: 'VALIDATION_FAILED' },
    ];
    for (const [i, c] of cases.entries()) {
      const res = await post(c.url, c.body, `bad-input-key-${i}`);
      expect([res.statusCode, res.json().code]).toEqual([c.status, c.code]);
    }
    const loss = await post('/api/console/stock/loss', { skuId: sku, qty: 7, reason: '坏了' }, 'loss-key-0001');
    expect(loss.json().details).toMatchObject({ requested: 7, available: 6 });
    expect(await movementCount(sku!)).toBe(2); // the receive and the reservation
    expect(await stockOf(sku!)).toMatchObject({ onHand: 10, reserved: 4, available: 6 });
    // a refused write leaves its key unused: the corrected request may reuse it
    const retry = await post('/api/console/stock/loss', { skuId: sku, qty: 2, reason: '坏了' }, 'loss-key-0002');
    expect(retry.json().level).toEqual({ onHand: 8, reserved: 4, available: 4 });
  });

  it('counts stock and lists the movements newest first, with who did them', async () => {
    const [sku] = await makeSkus(ctx);
    await post('/api/console/stock/receive', { skuId: sku, qty: 12 }, 'mv-key-recv');
    const counted = await post('/api/console/stock/adjust', { skuId: sku, countedQty: 11, reason: '盘点少一个' }, 'mv-key-adj');
    expect(counted.json().level).toEqual({ onHand: 11, reserved: 0, available: 11 });
    await post('/api/console/stock/loss', { skuId: sku, qty: 1, reason: '摔碎' }, 'mv-key-loss');
    const res = await t.app.inject({ method: 'GET', url: `/api/console/stock/${sku}/movements`, headers: { cookie: clerk } });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((m: { kind: string; onHandDelta: number; onHandAfter: number }) => [m.kind, m.onHandDelta, m.onHandAfter])).toEqual([
      ['loss', -1, 10],
      ['adjust', -1, 11],
      ['receive', 12, 12],
    ]);
    expect(res.json()[0]).toMatchObject({ note: '摔碎', actorName: '店主' });
    const page2 = await t.app.inject({ method: 'GET', url: `/api/console/stock/${sku}/movements?limit=1&before=${res.json()[1].id}`, headers: { cookie: owner } });
    expect(page2.json().map((m: { kind: string }) => m.kind)).toEqual(['receive']);
  });

  it('shows no stock or movements of another store', async () => {
    const other = await makeTenant(t.database.db);
    const [theirs] = await makeSkus(other.ctx());
    expect(await stockOf(theirs!)).toBeUndefined();
    const res = await t.app.inject({ method: 'GET', url: `/api/console/stock/${theirs}/movements`, headers: { cookie: owner } });
    expect(res.json().code).toBe('SKU_NOT_FOUND');
  });

  it('runs the expiry job every 30 s through the scheduler', async () => {
    const [sku] = await makeSkus(ctx);
    await post('/api/console/stock/receive', { skuId: sku, qty: 3 }, 'job-key-recv');
    await reserve(ctx, { skuId: sku!, qty: 2, channel: 'live', expiresAt: new Date(t.clock.now().getTime() + 60_000) });
    t.clock.advance(61_000);
    await t.scheduler.runNow('inventory.release-expired');
    expect(await stockOf(sku!)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
  });
});
