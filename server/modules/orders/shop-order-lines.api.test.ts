import { describe, expect, it } from 'vitest';
import { newId } from '../../kernel/ids.js';
import { createTestApp } from '../../testing/api.js';
import { dropUnpaidUnits } from './index.js';
import { payOrder, placeOrder, shopWorld, stockedSku } from './testing.js';

/**
 * 我的订单 summarises each order by what the neighbour will actually get: qty − refundedQty of
 * each line (a line refunded or dropped in full is marked). These are the fields it relies on.
 */
describe('my orders carry the units taken off each line', async () => {
  const t = await createTestApp();

  it('a partial refund with lines and a shortage on a pay-at-pickup order show as refundedQty in the list and the order; others see nothing', async () => {
    const w = await shopWorld(t, { qty: 10, priceFen: 800 });
    const eggs = await stockedSku(w.ctx, { priceFen: 1500, qty: 10, name: '土鸡蛋' });
    const me = await w.neighbour();
    const paid = await placeOrder(w, me, { lines: [{ skuId: w.skuId, qty: 3 }, { skuId: eggs, qty: 1 }], paymentMethod: 'sandbox' });
    await payOrder(t, w, me, paid.id);
    const lineOf = (o: { lines: Array<{ id: string; skuId: string }> }, skuId: string) => o.lines.find((l) => l.skuId === skuId)!.id;
    // the store refunds one of the three boxes and the eggs in full
    const refund = await w.owner.post(
      `/api/console/orders/${paid.id}/refund`,
      { amountFen: 800 + 1500, reason: '少件', lines: [{ lineId: lineOf(paid, w.skuId), qty: 1 }, { lineId: lineOf(paid, eggs), qty: 1 }] },
      newId(),
    );
    expect(refund.statusCode).toBe(200);

    const atCounter = await placeOrder(w, me, { lines: [{ skuId: w.skuId, qty: 2 }, { skuId: eggs, qty: 2 }], paymentMethod: 'pay_at_pickup' });
    await dropUnpaidUnits(w.ctx, atCounter.id, [{ lineId: lineOf(atCounter, eggs), qty: 1 }], 'shortage');

    await t.dispatcher.drain();
    const list = (await me.get(`/api/shop/${w.tenant.slug}/orders`)).json() as Array<{ id: string; totalFen: number; refundedFen: number; lines: Array<{ skuId: string; qty: number; refundedQty: number }> }>;
    const byId = new Map(list.map((o) => [o.id, o]));
    const units = (id: string) => byId.get(id)!.lines.map((l) => [l.skuId, l.qty, l.refundedQty]);
    expect(units(paid.id)).toEqual([[w.skuId, 3, 1], [eggs, 1, 1]]);
    expect(byId.get(paid.id)).toMatchObject({ status: 'ready_for_pickup', totalFen: 3900, refundedFen: 2300 });
    expect(units(atCounter.id)).toEqual([[w.skuId, 2, 0], [eggs, 2, 1]]);
    // unpaid: nothing refunded, the units are simply no longer owed
    expect(byId.get(atCounter.id)).toMatchObject({ refundedFen: 0, paidFen: 0 });
    // the order page says the same
    expect((await me.get(`/api/shop/${w.tenant.slug}/orders/${paid.id}`)).json().lines.map((l: { refundedQty: number }) => l.refundedQty)).toEqual([1, 1]);

    const other = await w.neighbour();
    expect((await other.get(`/api/shop/${w.tenant.slug}/orders`)).json()).toEqual([]);
    expect((await other.get(`/api/shop/${w.tenant.slug}/orders/${paid.id}`)).statusCode).toBe(404);
  });
});
