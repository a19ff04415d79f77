import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../kernel/clock.js';
import { newId } from '../../../kernel/ids.js';
import { createTestApp } from '../../../testing/api.js';
import { createOrder, markPaid } from '../index.js';
import { expectLevel, placeOrder, settledSnapshot, shopWorld, type Http, type ShopWorld } from '../testing.js';
import { pickupVerifications } from './tables.js';

describe('pickup verification (核销) at the counter', async () => {
  const t = await createTestApp();

  const verify = (who: Http, code: string, requestId = newId(), device?: string) =>
    who.post('/api/counter/verifications', { code, requestId, ...(device ? { device } : {}) });
  const undo = (who: Http, id: string) => who.post(`/api/counter/verifications/${id}/undo`);
  const lookup = (who: Http, code: string) => who.get(`/api/counter/pickups/${code}`);
  const verificationsOf = async (orderId: string) =>
    (await t.database.db.select({ n: count() }).from(pickupVerifications).where(eq(pickupVerifications.orderId, orderId)))[0]!.n;

  async function readyOrder(w: ShopWorld, qty = 3) {
    const me = await w.neighbour();
    return placeOrder(w, me, { lines: [{ skuId: w.skuId, qty }], paymentMethod: 'pay_at_pickup' });
  }

  it('verifies once: commits the stock, collects at the counter, records who, when and where', async () => {
    const w = await shopWorld(t, { qty: 10, priceFen: 1500 });
    const o = await readyOrder(w, 3);
    const clerk = await w.staff('staff');
    const seen = (await lookup(clerk, o.pickupCode)).json();
    expect(seen).toMatchObject({ canVerify: true, dueFen: 4500, order: { id: o.id, status: 'ready_for_pickup' }, lastVerification: null });
    expect(seen.customer).toMatchObject({ id: o.customerId, phone: expect.stringMatching(/^137\d{8}$/) });

    const requestId = newId();
    const res = await verify(clerk, o.pickupCode, requestId, '收银台平板 1');
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.verification).toMatchObject({ staffId: clerk.staffId, device: '收银台平板 1', collectedFen: 4500, verifiedAt: t.clock.now().toISOString(), undoneAt: null });
    expect(v.order).toMatchObject({ status: 'picked_up', paidFen: 4500 });
    await expectLevel(w.ctx, w.skuId, { onHand: 7, reserved: 0 });

    const retry = await verify(clerk, o.pickupCode, requestId, '收银台平板 1');
    expect(retry.json().verification.id).toBe(v.verification.id);
    expect((await verify(clerk, '12345678', requestId)).json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const second = await verify(clerk, o.pickupCode);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('PICKUP_ALREADY_VERIFIED');

    await expectLevel(w.ctx, w.skuId, { onHand: 7, reserved: 0 });
    expect(await verificationsOf(o.id)).toBe(1);
    const payments = await t.payments.listPayments(w.ctx, o.id);
    expect(payments.map((p) => [p.provider, p.amountFen, p.status])).toEqual([['pay_at_pickup', 4500, 'succeeded']]);
    expect((await lookup(clerk, o.pickupCode)).json()).toMatchObject({ canVerify: false, lastVerification: { id: v.verification.id } });
  });

  it('counts concurrent retries and rival verifications of one order once', async () => {
    const w = await shopWorld(t, { qty: 10 });
    const o = await readyOrder(w, 2);
    const clerk = await w.staff('staff');
    const requestId = newId();
    const same = await Promise.all(Array.from({ length: 6 }, () => verify(clerk, o.pickupCode, requestId)));
    expect(same.map((r) => r.statusCode)).toEqual(Array(6).fill(200));
    expect(new Set(same.map((r) => r.json().verification.id)).size).toBe(1);

    const o2 = await readyOrder(w, 2);
    const rivals = await Promise.all(Array.from({ length: 6 }, () => verify(clerk, o2.pickupCode)));
    expect(rivals.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(rivals.filter((r) => r.json().code === 'PICKUP_ALREADY_VERIFIED')).toHaveLength(5);
    expect([await verificationsOf(o.id), await verificationsOf(o2.id)]).toEqual([1, 1]);
    await expectLevel(w.ctx, w.skuId, { onHand: 6, reserved: 0 });
  });

  it('refuses an order that is not ready: unpaid, or a presale whose goods have not arrived', async () => {
    const w = await shopWorld(t, { qty: 10 });
    const me = await w.neighbour();
    const clerk = await w.staff('staff');
    const unpaid = await placeOrder(w, me, { lines: [{ skuId: w.skuId, qty: 1 }], paymentMethod: 'sandbox' });
    const presale = await createOrder(w.ctx, { channel: 'groupbuy', customerId: me.customerId, lines: [{ skuId: w.skuId, qty: 1 }], paymentMethod: 'sandbox', fulfilment: 'presale' });
    await markPaid(w.ctx, { orderId: presale.id, paymentId: newId(), amountFen: presale.totalFen });
    for (const code of [unpaid.pickupCode, presale.pickupCode]) {
      const res = await verify(clerk, code);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('PICKUP_NOT_READY');
    }
    await expectLevel(w.ctx, w.skuId, { onHand: 10, reserved: 2 });
  });

  it('undoes within the hour (stock held again, nothing collected twice), not after', async () => {
    const w = await shopWorld(t, { qty: 10, priceFen: 1000 });
    const o = await readyOrder(w, 2);
    const clerk = await w.staff('staff');
    const v1 = (await verify(clerk, o.pickupCode)).json().verification;
    t.clock.advance(59 * MINUTE);
    const u = await undo(clerk, v1.id);
    expect(u.statusCode).toBe(200);
    expect(u.json()).toMatchObject({ verification: { id: v1.id, undoneBy: clerk.staffId }, order: { status: 'ready_for_pickup', paidFen: 2000 } });
    expect((await undo(clerk, v1.id)).json().verification.undoneAt).toBe(u.json().verification.undoneAt);
    await expectLevel(w.ctx, w.skuId, { onHand: 10, reserved: 2 });

    const v2 = (await verify(clerk, u.json().order.pickupCode)).json().verification;
    expect(v2.collectedFen).toBe(0);
    expect((await t.payments.listPayments(w.ctx, o.id)).map((p) => p.amountFen)).toEqual([2000]);
    t.clock.advance(61 * MINUTE);
    const late = await undo(clerk, v2.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('PICKUP_UNDO_EXPIRED');
    await expectLevel(w.ctx, w.skuId, { onHand: 8, reserved: 0 });
  });

  it('allows at most 10 undo cycles per order', async () => {
    const w = await shopWorld(t, { qty: 10 });
    const o = await readyOrder(w, 1);
    const clerk = await w.staff('staff');
    for (let i = 0; i < 10; i++) {
      const v = (await verify(clerk, o.pickupCode)).json().verification;
      expect((await undo(clerk, v.id)).statusCode).toBe(200);
    }
    const v = (await verify(clerk, o.pickupCode)).json().verification;
    const capped = await undo(clerk, v.id);
    expect(capped.statusCode).toBe(409);
    expect(capped.json().code).toBe('PICKUP_UNDO_LIMIT');
    expect((await lookup(clerk, o.pickupCode)).json().order.status).toBe('picked_up');
    await expectLevel(w.ctx, w.skuId, { onHand: 9, reserved: 0 });
  });

  it('stops code guessing per staff member and per store, for five minutes', async () => {
    const w = await shopWorld(t, { qty: 10 });
    const o = await readyOrder(w, 1);
    const guess = (i: number) => String(10_000_000 + i * 7919).slice(0, 8);
    const [a, b, c, d] = [await w.staff(), await w.staff(), await w.staff(), await w.staff()];
    for (let i = 0; i < 10; i++) {
      const miss = await lookup(a, guess(i) === o.pickupCode ? '00000000' : guess(i));
      expect(miss.statusCode).toBe(404);
      expect(miss.json().code).toBe('PICKUP_CODE_INVALID');
    }
    // blocked even for a real code, on lookup and on verification
    expect((await lookup(a, o.pickupCode)).json().code).toBe('RATE_LIMITED');
    expect((await verify(a, o.pickupCode)).statusCode).toBe(429);
    expect((await lookup(b, o.pickupCode)).statusCode).toBe(200);

    // verification misses count too; 30 misses in the store block everyone
    for (let i = 0; i < 10; i++) expect((await verify(b, guess(100 + i))).statusCode).toBe(404);
    for (let i = 0; i < 10; i++) expect((await lookup(c, guess(200 + i))).statusCode).toBe(404);
    expect((await lookup(d, o.pickupCode)).statusCode).toBe(429);

    t.clock.advance(5 * MINUTE + 1);
    expect((await lookup(d, o.pickupCode)).statusCode).toBe(200);
    expect((await verify(a, o.pickupCode)).statusCode).toBe(200);
  });

  it("never lets another store's staff read, verify or undo a store's pickups", async () => {
    const a = await shopWorld(t, { qty: 10 });
    const b = await shopWorld(t, { qty: 10 });
    const open = await readyOrder(a, 1);
    const done = await readyOrder(a, 1);
    const clerkA = await a.staff();
    const v = (await verify(clerkA, done.pickupCode)).json().verification;
    const clerkB = await b.staff();
    const neighbour = await a.neighbour();
    const before = await settledSnapshot(t, a.tenant);
    expect((await lookup(clerkB, open.pickupCode)).json().code).toBe('PICKUP_CODE_INVALID');
    expect((await verify(clerkB, open.pickupCode)).json().code).toBe('PICKUP_CODE_INVALID');
    expect((await undo(clerkB, v.id)).statusCode).toBe(404);
    expect((await lookup(neighbour, open.pickupCode)).statusCode).toBe(401);
    expect(await settledSnapshot(t, a.tenant)).toBe(before);
  });
});
