import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../kernel/clock.js';
import { newId } from '../../kernel/ids.js';
import { createTestApp } from '../../testing/api.js';
import { RELEASE_EXPIRED_JOB } from '../inventory/index.js';
import { EXPIRE_UNPAID_JOB } from './index.js';
import { orders } from './tables.js';
import { expectLevel, payOrder, placeOrder, settledSnapshot, shopWorld } from './testing.js';

/**
 * The expiry job's commit wakes the dispatcher itself; drain() does not wait for a pass that is
 * already running (its events are claimed), so the handler's effect is polled for.
 */
async function eventually<T>(probe: () => Promise<T | null>): Promise<T | null> {
  for (let i = 0; i < 100; i++) {
    const v = await probe();
    if (v !== null) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

describe('orders over HTTP', async () => {
  const t = await createTestApp();
  const ordersOf = async (storeId: string) =>
    (await t.database.db.select({ n: count() }).from(orders).where(eq(orders.storeId, storeId)))[0]!.n;

  it('prices from the catalog, replays a retried key, refuses a reused key, and needs a key', async () => {
    const w = await shopWorld(t, { qty: 10, priceFen: 1250 });
    const me = await w.neighbour();
    const url = `/api/shop/${w.tenant.slug}/orders`;
    const key = newId();
    // the client cannot set a price: unknown fields are dropped, the catalog price is used
    const body = { lines: [{ skuId: w.skuId, qty: 2, unitPriceFen: 1 }], paymentMethod: 'sandbox' };
    const first = await me.post(url, body, key);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ totalFen: 2500, status: 'pending_payment', customerId: me.customerId, channel: 'groupbuy' });
    const again = await me.post(url, body, key);
    expect(again.json()).toEqual(first.json());
    await expectLevel(w.ctx, w.skuId, { onHand: 10, reserved: 2 });

    const reused = await me.post(url, { ...body, lines: [{ skuId: w.skuId, qty: 3 }] }, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const noKey = await me.post(url, body);
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    await expectLevel(w.ctx, w.skuId, { onHand: 10, reserved: 2 });
    expect(await ordersOf(w.tenant.storeId)).toBe(1);
  });

  it('makes one order of concurrent duplicates', async () => {
    const w = await shopWorld(t, { qty: 10 });
    const me = await w.neighbour();
    const key = newId();
    const body = { lines: [{ skuId: w.skuId, qty: 3 }], paymentMethod: 'pay_at_pickup' };
    const all = await Promise.all(Array.from({ length: 8 }, () => me.post(`/api/shop/${w.tenant.slug}/orders`, body, key)));
    expect(all.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    expect(new Set(all.map((r) => r.json().id)).size).toBe(1);
    expect(await ordersOf(w.tenant.storeId)).toBe(1);
    await expectLevel(w.ctx, w.skuId, { onHand: 10, reserved: 3 });
  });

  it('pays through the sandbox, tells the neighbour to come, and refunds in full on cancel (随时退)', async () => {
    const w = await shopWorld(t, { qty: 10, priceFen: 800 });
    const me = await w.neighbour();
    const o = await placeOrder(w, me, { lines: [{ skuId: w.skuId, qty: 3 }], paymentMethod: 'sandbox' });
    await payOrder(t, w, me, o.id);
    const paid = (await me.get(`/api/shop/${w.tenant.slug}/orders/${o.id}`)).json();
    expect(paid).toMatchObject({ status: 'ready_for_pickup', paidFen: 2400, payBy: null, pickupCode: o.pickupCode });
    await t.dispatcher.drain();
    const outbox = (await w.owner.get('/api/console/outbox')).json().items as Array<{ template: string; phone: string; body: string }>;
    const ready = outbox.find((m) => m.template === 'order_ready' && m.phone === me.phone);
    expect(ready?.body).toContain(o.pickupCode);

    const cancel = await me.post(`/api/shop/${w.tenant.slug}/orders/${o.id}/cancel`, { reason: '临时有事' }, newId());
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json()).toMatchObject({ status: 'refunded', refundState: 'full', refundedFen: 2400 });
    const refunds = await t.payments.listRefunds(w.ctx, { orderId: o.id });
    expect(refunds.map((r) => [r.amountFen, r.status])).toEqual([[2400, 'succeeded']]);
    await expectLevel(w.ctx, w.skuId, { onHand: 10, reserved: 0 });
  });

  it('refunds part from the console (owner or manager only), never more than was paid', async () => {
    const w = await shopWorld(t, { qty: 10, priceFen: 1000 });
    const me = await w.neighbour();
    const o = await placeOrder(w, me, { lines: [{ skuId: w.skuId, qty: 4 }], paymentMethod: 'sandbox' });
    await payOrder(t, w, me, o.id);
    const url = `/api/console/orders/${o.id}/refund`;
    const clerk = await w.staff('staff');
    expect((await clerk.post(url, { amountFen: 100, reason: 'x' }, newId())).statusCode).toBe(403);

    const key = newId();
    const part = { amountFen: 1000, reason: '坏了一盒', lines: [{ lineId: o.lines[0]!.id, qty: 1 }] };
    const r1 = await w.owner.post(url, part, key);
    expect(r1.statusCode).toBe(200);
    expect(r1.json()).toMatchObject({ status: 'succeeded', amountFen: 1000, order: { status: 'ready_for_pickup', refundState: 'partial', refundedFen: 1000 } });
    expect((await w.owner.post(url, part, key)).json()).toEqual(r1.json());
    await expectLevel(w.ctx, w.skuId, { onHand: 10, reserved: 3 });

    const over = await w.owner.post(url, { amountFen: 3001, reason: 'too much' }, newId());
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'REFUND_EXCEEDS_PAID', details: { refundableFen: 3000 } });
    const view = (await w.owner.get(`/api/console/orders/${o.id}`)).json();
    expect(view).toMatchObject({ paidFen: 4000, refundedFen: 1000 });
    const sum = (await t.payments.listRefunds(w.ctx, { orderId: o.id })).reduce((s, r) => s + r.amountFen, 0);
    expect(sum).toBe(1000);
  });

  it("shows a neighbour only their own orders; another's cannot be read, paid or cancelled", async () => {
    const w = await shopWorld(t);
    const alice = await w.neighbour();
    const bob = await w.neighbour();
    const o = await placeOrder(w, alice, { lines: [{ skuId: w.skuId, qty: 1 }], paymentMethod: 'sandbox' });
    const base = `/api/shop/${w.tenant.slug}/orders`;
    const before = await settledSnapshot(t, w.tenant);
    for (const res of [
      await bob.get(`${base}/${o.id}`),
      await bob.post(`${base}/${o.id}/pay`, undefined, newId()),
      await bob.post(`${base}/${o.id}/cancel`, {}, newId()),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('ORDER_NOT_FOUND');
    }
    expect((await bob.get(base)).json()).toEqual([]);
    expect((await alice.get(base)).json().map((x: { id: string }) => x.id)).toEqual([o.id]);
    expect(await settledSnapshot(t, w.tenant)).toBe(before);
  });

  it("keeps one store's orders from another store's staff", async () => {
    const a = await shopWorld(t);
    const b = await shopWorld(t);
    const me = await a.neighbour();
    const o = await placeOrder(a, me, { lines: [{ skuId: a.skuId, qty: 1 }], paymentMethod: 'pay_at_pickup' });
    const before = await settledSnapshot(t, a.tenant);
    expect((await b.owner.get(`/api/console/orders/${o.id}`)).statusCode).toBe(404);
    expect((await b.owner.post(`/api/console/orders/${o.id}/ready`)).statusCode).toBe(404);
    expect((await b.owner.post(`/api/console/orders/${o.id}/refund`, { amountFen: 1, reason: 'x' }, newId())).statusCode).toBe(404);
    expect((await b.owner.get('/api/console/orders')).json()).toEqual([]);
    const listed = (await a.owner.get('/api/console/orders?status=ready_for_pickup')).json();
    expect(listed.map((x: { id: string }) => x.id)).toEqual([o.id]);
    expect(listed[0].customer).toMatchObject({ id: me.customerId, phone: me.phone });
    expect(await settledSnapshot(t, a.tenant)).toBe(before);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const paths = Object.keys((await t.app.inject('/api/openapi.json')).json().paths);
    for (const p of ['/api/shop/{slug}/orders', '/api/shop/{slug}/orders/{id}/pay', '/api/console/orders/{id}/refund', '/api/counter/verifications']) {
      expect(paths).toContain(p);
    }
  });

  it('cancels an unpaid order when its hold expires, and puts the stock back', async () => {
    const w = await shopWorld(t, { qty: 5 });
    const me = await w.neighbour();
    const o = await placeOrder(w, me, { lines: [{ skuId: w.skuId, qty: 5 }], paymentMethod: 'sandbox' });
    await expectLevel(w.ctx, w.skuId, { onHand: 5, reserved: 5 });
    t.clock.advance(16 * MINUTE);
    await t.scheduler.runNow(RELEASE_EXPIRED_JOB);
    await t.dispatcher.drain();
    const view = await eventually(async () => {
      const v = (await me.get(`/api/shop/${w.tenant.slug}/orders/${o.id}`)).json();
      return v.status === 'cancelled' ? v : null;
    });
    expect(view).toMatchObject({ status: 'cancelled', cancelReason: 'payment_timeout' });
    await expectLevel(w.ctx, w.skuId, { onHand: 5, reserved: 0 });
    const pay = await me.post(`/api/shop/${w.tenant.slug}/orders/${o.id}/pay`, undefined, newId());
    expect(pay.json()).toMatchObject({ code: 'ORDER_STATE_INVALID', details: { from: 'cancelled', to: 'paid' } });
  });

  it('sweeps overdue unpaid orders even when no expiry event came', async () => {
    const w = await shopWorld(t, { qty: 5 });
    const me = await w.neighbour();
    const o = await placeOrder(w, me, { lines: [{ skuId: w.skuId, qty: 2 }], paymentMethod: 'sandbox' });
    t.clock.advance(15 * MINUTE);
    await t.scheduler.runNow(EXPIRE_UNPAID_JOB);
    expect((await me.get(`/api/shop/${w.tenant.slug}/orders/${o.id}`)).json()).toMatchObject({ status: 'cancelled' });
    await expectLevel(w.ctx, w.skuId, { onHand: 5, reserved: 0 });
  });
});
