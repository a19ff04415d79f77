import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inTx } from '../../db/tx.js';
import { outboxEvents } from '../../events/tables.js';
import { ManualClock } from '../../kernel/clock.js';
import type { Ctx } from '../../kernel/ctx.js';
import { newId } from '../../kernel/ids.js';
import { makeTenant } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { findOrCreateCustomerByPhone } from '../customers/index.js';
import { movements, reservations } from '../inventory/tables.js';
import { ledgerCheck } from '../inventory/test-helpers.js';
import { notificationTables } from '../notifications/index.js';
import { cancelOrder, cancelOrdersBulk, createOrder, markPaid, verifyPickup, type CreateOrderInput, type OrderView } from './index.js';
import { orderLines, orderRefunds, orders } from './tables.js';
import { recordingPayments, stockedSku } from './testing.js';

const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));

describe('orders: cancelOrdersBulk (set-based, a failed 接龙 at cut-off)', async () => {
  const database = await createTestDatabase();
  const db = database.db;

  /** paid in stock (2 lines), unpaid sandbox, pay at pickup, paid presale without stock held, and one picked up */
  async function world() {
    const clock = new ManualClock();
    const tenant = await makeTenant(db, { clock });
    const ctx = tenant.ctx();
    const a = await stockedSku(ctx, { priceFen: 1250, qty: 20, name: '草莓' });
    const b = await stockedSku(ctx, { priceFen: 800, qty: 20, name: '蓝莓' });
    const who: string[] = [];
    for (const phone of ['13900000001', '13900000002', '13900000003']) who.push((await findOrCreateCustomerByPhone(ctx, phone)).customerId);
    const make = (i: Omit<CreateOrderInput, 'channel'>) => createOrder(ctx, { channel: 'groupbuy', ...i });
    const pay = async (o: OrderView) => inTx(ctx, (tx) => markPaid(tx, { orderId: o.id, paymentId: newId(), amountFen: o.totalFen }));
    const paid = await make({ customerId: who[0]!, lines: [{ skuId: a, qty: 2 }, { skuId: b, qty: 1 }], paymentMethod: 'sandbox', fulfilment: 'in_stock' });
    await pay(paid);
    const unpaid = await make({ customerId: who[1]!, lines: [{ skuId: a, qty: 3 }], paymentMethod: 'sandbox', fulfilment: 'in_stock' });
    const atPickup = await make({ customerId: who[2]!, lines: [{ skuId: b, qty: 4 }], paymentMethod: 'pay_at_pickup', fulfilment: 'in_stock' });
    const presale = await make({ customerId: who[1]!, lines: [{ skuId: a, qty: 1 }], paymentMethod: 'sandbox', fulfilment: 'presale', reserveStock: false });
    await pay(presale);
    const done = await make({ customerId: who[2]!, lines: [{ skuId: a, qty: 1 }], paymentMethod: 'sandbox', fulfilment: 'in_stock' });
    await pay(done);
    await verifyPickup(ctx, { code: done.pickupCode, requestId: `counter-${newId()}` }, recordingPayments().port);
    return { clock, ctx, a, b, list: [paid, unpaid, atPickup, presale, done] };
  }

  /** what the cancel wrote, without ids and times */
  async function rowsOf(ctx: Ctx) {
    const os = await db.select().from(orders).where(eq(orders.storeId, ctx.storeId)).orderBy(asc(orders.totalFen));
    const lines = await db.select().from(orderLines).where(eq(orderLines.storeId, ctx.storeId)).orderBy(asc(orderLines.lineTotalFen), asc(orderLines.qty));
    const refunds = await db.select().from(orderRefunds).where(eq(orderRefunds.storeId, ctx.storeId)).orderBy(asc(orderRefunds.amountFen));
    const held = await db.select().from(reservations).where(eq(reservations.storeId, ctx.storeId)).orderBy(asc(reservations.qty), asc(reservations.status));
    const released = await db.select().from(movements).where(eq(movements.storeId, ctx.storeId)).orderBy(asc(movements.reservedDelta));
    const msgs = await db.select().from(notificationTables.messages).where(eq(notificationTables.messages.storeId, ctx.storeId));
    const events = await db
      .select({ type: outboxEvents.type, n: sql<number>`count(*)::int` })
      .from(outboxEvents)
      .where(eq(outboxEvents.storeId, ctx.storeId))
      .groupBy(outboxEvents.type)
      .orderBy(asc(outboxEvents.type));
    return {
      // sorted by every field: equal totals would otherwise come back in any order
      orders: os.map((o) => [o.status, o.totalFen, o.paidFen, o.refundedFen, o.cancelReason, o.payBy ? 'set' : null, o.version]).sort(byJson),
      lines: lines.map((l) => [l.qty, l.refundedQty, !!l.reservationId]).sort(byJson),
      // the status is the provider's answer: at once on the single path, after attemptRefunds on the bulk one
      refunds: refunds.map((r) => [r.amountFen, r.reason, r.lines.map((x) => x.qty).sort()]).sort(byJson),
      reservations: held.map((r) => [r.qty, r.status]).sort(byJson),
      movements: released.filter((m) => m.kind === 'release').map((m) => [m.reservedDelta, !!m.orderId]).sort(byJson),
      messages: msgs.map((m) => [m.template, m.body.replace(/[0-9a-f-]{8,}/g, 'X')]).sort(),
      // level events are one per SKU per statement: the bulk path writes fewer
      events: events.filter((e) => e.type !== 'inventory.level_changed'),
    };
  }

  it('leaves the same orders, lines, refunds, stock, messages and events as cancelOrder one by one; a second call changes nothing', async () => {
    const one = await world();
    const single = recordingPayments();
    for (const o of one.list.slice(0, 4)) await cancelOrder(one.ctx, o.id, 'groupbuy_failed', single.port);

    const bulk = await world();
    const many = recordingPayments();
    const ids = bulk.list.map((o) => o.id);
    const r = await inTx(bulk.ctx, (tx) => cancelOrdersBulk(tx, ids, 'groupbuy_failed', many.port));
    expect(ids.map((id) => r.outcomes.get(id)!.outcome)).toEqual(['refunded', 'cancelled', 'cancelled', 'refunded', 'skipped']);
    expect(r.refundIds).toHaveLength(2);

    // the money: each paid order once, in full, through the port
    const asked = (calls: typeof single.calls.refunds) => calls.map((c) => c.amountFen).sort((x, y) => x - y);
    expect(asked(many.calls.refunds)).toEqual(asked(single.calls.refunds));
    expect(asked(many.calls.refunds)).toEqual([1250, 2 * 1250 + 800]);

    const [x, y] = [await rowsOf(one.ctx), await rowsOf(bulk.ctx)];
    expect(y).toEqual(x);
    const pending = await db.select().from(orderRefunds).where(eq(orderRefunds.storeId, bulk.ctx.storeId));
    expect(pending.map((p) => [p.status, r.refundIds.includes(p.paymentRefundId!)])).toEqual([['pending', true], ['pending', true]]);
    for (const w of [one, bulk]) {
      // only the picked-up unit is gone; everything else is back on the shelf
      expect(await ledgerCheck(w.ctx, w.a)).toEqual({ onHand: 19, reserved: 0, movedOnHand: 19, movedReserved: 0, activeHeld: 0 });
      expect(await ledgerCheck(w.ctx, w.b)).toEqual({ onHand: 20, reserved: 0, movedOnHand: 20, movedReserved: 0, activeHeld: 0 });
    }

    const again = await inTx(bulk.ctx, (tx) => cancelOrdersBulk(tx, ids, 'groupbuy_failed', many.port));
    expect([...again.outcomes.values()].every((o) => o.outcome === 'skipped')).toBe(true);
    expect(many.calls.refunds).toHaveLength(2);
    expect(await rowsOf(bulk.ctx)).toEqual(y);
  });

  it('an order whose money cannot be promised is left exactly as it was; the rest go through', async () => {
    const w = await world();
    const port = recordingPayments().port;
    const [paid, unpaid] = w.list;
    const refusing = { ...port, requestRefunds: async (_c: Ctx, list: Parameters<typeof port.requestRefunds>[1]) => list.map(() => null) };
    const r = await inTx(w.ctx, (tx) => cancelOrdersBulk(tx, [paid!.id, unpaid!.id], 'groupbuy_failed', refusing));
    expect(r.outcomes.get(paid!.id)).toMatchObject({ outcome: 'refused', error: { code: 'REFUND_EXCEEDS_PAID' } });
    expect(r.outcomes.get(unpaid!.id)).toEqual({ outcome: 'cancelled' });
    const [row] = await db.select().from(orders).where(eq(orders.id, paid!.id));
    expect(row).toMatchObject({ status: 'ready_for_pickup', paidFen: 3300, refundedFen: 0 });
    // the paid order still holds its 2 + 1 units; the unpaid one's 3 are back
    expect(await ledgerCheck(w.ctx, w.a)).toEqual({ onHand: 19, reserved: 2, movedOnHand: 19, movedReserved: 2, activeHeld: 2 });
    await expect(cancelOrdersBulk(w.ctx, [paid!.id], 'x', port)).rejects.toThrow(/transaction/);
  });
});
