import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ManualClock, MINUTE } from '../../kernel/clock.js';
import { newId } from '../../kernel/ids.js';
import { makeTenant } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { findOrCreateCustomerByPhone } from '../customers/index.js';
import { releaseExpiredReservations } from '../inventory/index.js';
import { cancelOrder, createOrder, expireUnpaidOrder, getOrder, markPaid, markReady, refundOrder } from './index.js';
import { orders } from './tables.js';
import { expectLevel, recordingPayments, stockedSku } from './testing.js';

describe('orders: stock and money', async () => {
  const database = await createTestDatabase();
  const db = database.db;
  const clock = new ManualClock();

  async function setup(qty = 10, priceFen = 1250) {
    const tenant = await makeTenant(db, { clock });
    const ctx = tenant.ctx();
    const skuId = await stockedSku(ctx, { priceFen, qty });
    const { customerId } = await findOrCreateCustomerByPhone(ctx, `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`);
    return { tenant, ctx, skuId, customerId, pay: recordingPayments() };
  }

  it('prices lines from the catalog, reserves the stock, and holds unpaid sandbox orders for 15 minutes', async () => {
    const { ctx, skuId, customerId } = await setup(10, 1250);
    const o = await createOrder(ctx, { channel: 'groupbuy', customerId, lines: [{ skuId, qty: 3 }], paymentMethod: 'sandbox', fulfilment: 'in_stock' });
    expect(o).toMatchObject({ status: 'pending_payment', totalFen: 3750, paidFen: 0, refundState: 'none' });
    expect(o.lines[0]).toMatchObject({ qty: 3, unitPriceFen: 1250, lineTotalFen: 3750, spec: '500g/盒' });
    expect(o.pickupCode).toMatch(/^\d{8}$/);
    expect(new Date(o.payBy!).getTime() - clock.now().getTime()).toBe(15 * MINUTE);
    await expectLevel(ctx, skuId, { onHand: 10, reserved: 3 });
  });

  it('refuses more than is available and leaves nothing behind', async () => {
    const { ctx, skuId, customerId } = await setup(2);
    const other = await stockedSku(ctx, { priceFen: 100, qty: 5 });
    const err = await createOrder(ctx, {
      channel: 'groupbuy',
      customerId,
      lines: [{ skuId: other, qty: 1 }, { skuId, qty: 3 }],
      paymentMethod: 'sandbox',
      fulfilment: 'in_stock',
    }).catch((e) => e);
    expect(err).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { skuId, requested: 3, available: 2 } });
    await expectLevel(ctx, other, { onHand: 5, reserved: 0 });
    const [n] = await db.select({ n: count() }).from(orders).where(eq(orders.storeId, ctx.storeId));
    expect(n!.n).toBe(0);
  });

  it("refuses another store's SKU, an unknown one and an empty order", async () => {
    const a = await setup();
    const b = await setup();
    const base = { channel: 'groupbuy' as const, customerId: a.customerId, paymentMethod: 'sandbox' as const, fulfilment: 'in_stock' as const };
    await expect(createOrder(a.ctx, { ...base, lines: [{ skuId: b.skuId, qty: 1 }] })).rejects.toMatchObject({ code: 'SKU_NOT_FOUND' });
    await expect(createOrder(a.ctx, { ...base, lines: [{ skuId: newId(), qty: 1 }] })).rejects.toMatchObject({ code: 'SKU_NOT_FOUND' });
    await expect(createOrder(a.ctx, { ...base, lines: [] })).rejects.toMatchObject({ code: 'ORDER_EMPTY' });
    await expectLevel(b.ctx, b.skuId, { onHand: 10, reserved: 0 });
  });

  it('pays once: the hold loses its expiry, in_stock orders are ready; a second payment is refused', async () => {
    const { ctx, skuId, customerId } = await setup();
    const o = await createOrder(ctx, { channel: 'live', customerId, lines: [{ skuId, qty: 2 }], paymentMethod: 'sandbox', fulfilment: 'in_stock' });
    const paymentId = newId();
    await markPaid(ctx, { orderId: o.id, paymentId, amountFen: o.totalFen });
    await markPaid(ctx, { orderId: o.id, paymentId, amountFen: o.totalFen }); // duplicate notification
    expect(await getOrder(ctx, o.id)).toMatchObject({ status: 'ready_for_pickup', paidFen: 2500, payBy: null });
    await expect(markPaid(ctx, { orderId: o.id, paymentId: newId(), amountFen: o.totalFen })).rejects.toMatchObject({ code: 'ORDER_STATE_INVALID' });
    // the hold no longer expires
    clock.advance(60 * MINUTE);
    await releaseExpiredReservations(db, clock.now());
    await expectLevel(ctx, skuId, { onHand: 10, reserved: 2 });
  });

  it('refuses a payment of another amount (payments then refunds it)', async () => {
    const { ctx, skuId, customerId } = await setup();
    const o = await createOrder(ctx, { channel: 'groupbuy', customerId, lines: [{ skuId, qty: 1 }], paymentMethod: 'sandbox', fulfilment: 'in_stock' });
    await expect(markPaid(ctx, { orderId: o.id, paymentId: newId(), amountFen: 1 })).rejects.toMatchObject({ code: 'ORDER_STATE_INVALID' });
    expect((await getOrder(ctx, o.id)).status).toBe('pending_payment');
  });

  it('keeps presale orders paid until the goods are marked ready', async () => {
    const { ctx, skuId, customerId } = await setup();
    const o = await createOrder(ctx, { channel: 'groupbuy', customerId, lines: [{ skuId, qty: 1 }], paymentMethod: 'sandbox', fulfilment: 'presale' });
    await markPaid(ctx, { orderId: o.id, paymentId: newId(), amountFen: o.totalFen });
    expect((await getOrder(ctx, o.id)).status).toBe('paid');
    expect((await markReady(ctx, o.id)).status).toBe('ready_for_pickup');
    expect((await markReady(ctx, o.id)).status).toBe('ready_for_pickup');
  });

  it('cancels an unpaid order and puts its stock back', async () => {
    const { ctx, skuId, customerId, pay } = await setup();
    const o = await createOrder(ctx, { channel: 'groupbuy', customerId, lines: [{ skuId, qty: 4 }], paymentMethod: 'pay_at_pickup', fulfilment: 'in_stock' });
    expect(o.status).toBe('ready_for_pickup');
    const c = await cancelOrder(ctx, o.id, 'changed my mind', pay.port);
    expect(c).toMatchObject({ status: 'cancelled', cancelReason: 'changed my mind', refundedFen: 0 });
    expect(pay.calls.refunds).toHaveLength(0);
    await expectLevel(ctx, skuId, { onHand: 10, reserved: 0 });
    await expect(cancelOrder(ctx, o.id, 'again', pay.port)).rejects.toMatchObject({ code: 'ORDER_STATE_INVALID', details: { from: 'cancelled' } });
  });

  it('cancelling a paid order refunds everything left (随时退) and releases the stock', async () => {
    const { ctx, skuId, customerId, pay } = await setup(10, 500);
    const o = await createOrder(ctx, { channel: 'groupbuy', customerId, lines: [{ skuId, qty: 4 }], paymentMethod: 'sandbox', fulfilment: 'in_stock' });
    await markPaid(ctx, { orderId: o.id, paymentId: newId(), amountFen: 2000 });
    await refundOrder(ctx, { orderId: o.id, amountFen: 500, reason: '少一盒', lines: [{ lineId: o.lines[0]!.id, qty: 1 }] }, pay.port);
    await expectLevel(ctx, skuId, { onHand: 10, reserved: 3 });
    const c = await cancelOrder(ctx, o.id, '随时退', pay.port);
    expect(c).toMatchObject({ status: 'refunded', refundState: 'full', paidFen: 2000, refundedFen: 2000 });
    expect(c.lines[0]!.refundedQty).toBe(4);
    expect(pay.calls.refunds.map((r) => r.amountFen)).toEqual([500, 1500]);
    await expectLevel(ctx, skuId, { onHand: 10, reserved: 0 });
  });

  it('partial refunds keep the status, release only the units named, and never exceed what was paid', async () => {
    const { ctx, skuId, customerId, pay } = await setup(10, 1000);
    const other = await stockedSku(ctx, { priceFen: 300, qty: 10 });
    const o = await createOrder(ctx, {
      channel: 'groupbuy',
      customerId,
      lines: [{ skuId, qty: 3 }, { skuId: other, qty: 2 }],
      paymentMethod: 'sandbox',
      fulfilment: 'in_stock',
    });
    await markPaid(ctx, { orderId: o.id, paymentId: newId(), amountFen: 3600 });
    const line = o.lines[0]!;
    const r1 = await refundOrder(ctx, { orderId: o.id, amountFen: 1000, reason: '坏了一盒', lines: [{ lineId: line.id, qty: 1 }] }, pay.port);
    expect(r1.order).toMatchObject({ status: 'ready_for_pickup', refundState: 'partial', refundedFen: 1000 });
    await expectLevel(ctx, skuId, { onHand: 10, reserved: 2 });
    await expectLevel(ctx, other, { onHand: 10, reserved: 2 });

    // money only: nothing goes back on the shelf
    await refundOrder(ctx, { orderId: o.id, amountFen: 100, reason: '差价' }, pay.port);
    await expectLevel(ctx, skuId, { onHand: 10, reserved: 2 });

    await expect(refundOrder(ctx, { orderId: o.id, amountFen: 2501, reason: 'too much' }, pay.port)).rejects.toMatchObject({
      code: 'REFUND_EXCEEDS_PAID',
      details: { refundableFen: 2500 },
    });
    await expect(
      refundOrder(ctx, { orderId: o.id, amountFen: 100, reason: 'x', lines: [{ lineId: line.id, qty: 3 }] }, pay.port),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await getOrder(ctx, o.id)).toMatchObject({ refundedFen: 1100 });

    const last = await refundOrder(ctx, { orderId: o.id, amountFen: 2500, reason: '全退' }, pay.port);
    expect(last.order).toMatchObject({ status: 'refunded', refundState: 'full', refundedFen: 3600, paidFen: 3600 });
    await expectLevel(ctx, skuId, { onHand: 10, reserved: 0 });
    await expectLevel(ctx, other, { onHand: 10, reserved: 0 });
    await expect(refundOrder(ctx, { orderId: o.id, amountFen: 1, reason: 'x' }, pay.port)).rejects.toMatchObject({ code: 'ORDER_STATE_INVALID' });
    expect(pay.calls.refunds.reduce((s, r) => s + r.amountFen, 0)).toBe(3600);
  });

  it('refuses to refund an unpaid order', async () => {
    const { ctx, skuId, customerId, pay } = await setup();
    const o = await createOrder(ctx, { channel: 'groupbuy', customerId, lines: [{ skuId, qty: 1 }], paymentMethod: 'pay_at_pickup', fulfilment: 'in_stock' });
    await expect(refundOrder(ctx, { orderId: o.id, amountFen: 1, reason: 'x' }, pay.port)).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_PAID' });
    expect(pay.calls.refunds).toHaveLength(0);
  });

  it('cancels an unpaid order whose hold expired, and leaves a paid one alone', async () => {
    const { ctx, skuId, customerId } = await setup();
    const unpaid = await createOrder(ctx, { channel: 'live', customerId, lines: [{ skuId, qty: 2 }], paymentMethod: 'sandbox', fulfilment: 'in_stock' });
    const paid = await createOrder(ctx, { channel: 'live', customerId, lines: [{ skuId, qty: 3 }], paymentMethod: 'sandbox', fulfilment: 'in_stock' });
    await markPaid(ctx, { orderId: paid.id, paymentId: newId(), amountFen: paid.totalFen });
    clock.advance(16 * MINUTE);
    expect(await releaseExpiredReservations(db, clock.now())).toBeGreaterThanOrEqual(1);
    expect(await expireUnpaidOrder(ctx, unpaid.id)).toBe(true);
    expect(await expireUnpaidOrder(ctx, unpaid.id)).toBe(false);
    expect(await expireUnpaidOrder(ctx, paid.id)).toBe(false);
    expect(await getOrder(ctx, unpaid.id)).toMatchObject({ status: 'cancelled', cancelReason: 'payment_timeout' });
    expect((await getOrder(ctx, paid.id)).status).toBe('ready_for_pickup');
    await expectLevel(ctx, skuId, { onHand: 10, reserved: 3 });
  });

  it('takes a late payment of an expired hold if the stock is still there, refuses it if not', async () => {
    const { ctx, skuId, customerId } = await setup(2);
    const late = await createOrder(ctx, { channel: 'live', customerId, lines: [{ skuId, qty: 2 }], paymentMethod: 'sandbox', fulfilment: 'in_stock' });
    clock.advance(16 * MINUTE);
    await releaseExpiredReservations(db, clock.now());
    await markPaid(ctx, { orderId: late.id, paymentId: newId(), amountFen: late.totalFen });
    expect((await getOrder(ctx, late.id)).status).toBe('ready_for_pickup');
    await expectLevel(ctx, skuId, { onHand: 2, reserved: 2 });

    const skuB = await stockedSku(ctx, { priceFen: 100, qty: 1 });
    const gone = await createOrder(ctx, { channel: 'live', customerId, lines: [{ skuId: skuB, qty: 1 }], paymentMethod: 'sandbox', fulfilment: 'in_stock' });
    clock.advance(16 * MINUTE);
    await releaseExpiredReservations(db, clock.now());
    await createOrder(ctx, { channel: 'pos', customerId: null, lines: [{ skuId: skuB, qty: 1 }], paymentMethod: 'cash', fulfilment: 'in_stock' });
    await expect(markPaid(ctx, { orderId: gone.id, paymentId: newId(), amountFen: gone.totalFen })).rejects.toMatchObject({
      code: 'ORDER_STATE_INVALID',
      details: { reason: 'stock' },
    });
    await expectLevel(ctx, skuB, { onHand: 1, reserved: 1 });
  });

  it('sells exactly the stock under 200 concurrent orders for 50 units', async () => {
    const { ctx, skuId, customerId } = await setup(50, 990);
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () =>
        createOrder(ctx, { channel: 'live', customerId, lines: [{ skuId, qty: 1 }], paymentMethod: 'sandbox', fulfilment: 'in_stock' }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(50);
    expect(failed).toHaveLength(150);
    for (const f of failed) expect(f.reason).toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    await expectLevel(ctx, skuId, { onHand: 50, reserved: 50 });
    const [n] = await db.select({ n: count() }).from(orders).where(eq(orders.storeId, ctx.storeId));
    expect(n!.n).toBe(50);
    const codes = new Set(ok.map((r) => (r as PromiseFulfilledResult<{ pickupCode: string }>).value.pickupCode));
    expect(codes.size).toBe(50);
  });
});
