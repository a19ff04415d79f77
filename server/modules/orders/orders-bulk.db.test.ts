import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inTx } from '../../db/tx.js';
import { outboxEvents } from '../../events/tables.js';
import { ManualClock } from '../../kernel/clock.js';
import { actorId, type Ctx } from '../../kernel/ctx.js';
import { makeTenant } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { findOrCreateCustomerByPhone } from '../customers/index.js';
import { movements, reservations } from '../inventory/tables.js';
import { ledgerCheck } from '../inventory/test-helpers.js';
import { notificationTables } from '../notifications/index.js';
import { cancelOrder, createOrder, createOrdersBulk, type BulkOrderInput } from './index.js';
import { orderLines, orders } from './tables.js';
import { expectLevel, recordingPayments, stockedSku } from './testing.js';

describe('orders: createOrdersBulk (set-based, the flash-sale batches)', async () => {
  const database = await createTestDatabase();
  const db = database.db;

  async function world() {
    const clock = new ManualClock();
    const tenant = await makeTenant(db, { clock });
    const ctx = tenant.ctx();
    const a = await stockedSku(ctx, { priceFen: 1250, qty: 20, name: '草莓' });
    const b = await stockedSku(ctx, { priceFen: 800, qty: 20, name: '蓝莓' });
    const customers: string[] = [];
    for (const phone of ['13900000001', '13900000002', '13900000003']) customers.push((await findOrCreateCustomerByPhone(ctx, phone)).customerId);
    const inputs: BulkOrderInput[] = [
      { channel: 'live', customerId: customers[0]!, lines: [{ skuId: a, qty: 2, unitPriceFen: 990 }], paymentMethod: 'pay_at_pickup', fulfilment: 'in_stock', sourceRef: 'live:x', note: '秒杀' },
      { channel: 'live', customerId: customers[1]!, lines: [{ skuId: b, qty: 1 }, { skuId: a, qty: 3 }], paymentMethod: 'sandbox', fulfilment: 'in_stock' },
      { channel: 'pos', customerId: null, lines: [{ skuId: b, qty: 4 }], paymentMethod: 'cash', fulfilment: 'in_stock' },
      { channel: 'groupbuy', customerId: customers[2]!, lines: [{ skuId: a, qty: 1 }], paymentMethod: 'sandbox', fulfilment: 'presale', reserveStock: false },
    ];
    return { tenant, ctx, a, b, inputs };
  }

  /** every row the orders write, without ids, codes and times */
  async function rowsOf(ctx: Ctx) {
    const os = await db.select().from(orders).where(eq(orders.storeId, ctx.storeId)).orderBy(asc(orders.totalFen));
    const lines = await db.select().from(orderLines).where(eq(orderLines.storeId, ctx.storeId)).orderBy(asc(orderLines.lineTotalFen), asc(orderLines.qty));
    const held = await db.select().from(reservations).where(eq(reservations.storeId, ctx.storeId)).orderBy(asc(reservations.qty));
    const moved = await db.select().from(movements).where(and(eq(movements.storeId, ctx.storeId), eq(movements.kind, 'reserve'))).orderBy(asc(movements.reservedDelta));
    const msgs = await db.select().from(notificationTables.messages).where(eq(notificationTables.messages.storeId, ctx.storeId));
    const events = await db
      .select({ type: outboxEvents.type, n: sql<number>`count(*)::int` })
      .from(outboxEvents)
      .where(eq(outboxEvents.storeId, ctx.storeId))
      .groupBy(outboxEvents.type)
      .orderBy(asc(outboxEvents.type));
    return {
      orders: os.map((o) => ({ ...o, id: 0, orgId: 0, storeId: 0, customerId: !!o.customerId, pickupCode: /^\d{8}$/.test(o.pickupCode) })),
      lines: lines.map((l) => ({ ...l, id: 0, orderId: 0, storeId: 0, productId: 0, skuId: 0, reservationId: !!l.reservationId })),
      reservations: held.map((r) => ({ channel: r.channel, qty: r.qty, status: r.status, expiresAt: r.expiresAt, order: !!r.orderId, line: !!r.orderLineId })),
      movements: moved.map((m) => ({ kind: m.kind, onHandDelta: m.onHandDelta, reservedDelta: m.reservedDelta, order: !!m.orderId, actor: m.actor === actorId(ctx.actor) ? 'the ctx actor' : m.actor })),
      messages: msgs.map((m) => ({ template: m.template, status: m.status, phone: m.phone, body: m.body.replace(/[0-9a-f-]{8,}/g, 'X') })).sort((x, y) => x.body.localeCompare(y.body)),
      events: events.filter((e) => e.type !== 'inventory.level_changed'),
    };
  }

  it('writes the same orders, lines, reservations, movements, messages and events as createOrder one by one', async () => {
    const one = await world();
    for (const i of one.inputs) await createOrder(one.ctx, i);
    const bulk = await world();
    const views = await inTx(bulk.ctx, (tx) => createOrdersBulk(tx, bulk.inputs));

    expect(views.map((v) => [v.channel, v.status, v.totalFen, v.lines.length])).toEqual([
      ['live', 'ready_for_pickup', 1980, 1],
      ['live', 'pending_payment', 800 + 3750, 2],
      ['pos', 'ready_for_pickup', 3200, 1],
      ['groupbuy', 'pending_payment', 1250, 1],
    ]);
    expect(new Set(views.map((v) => v.pickupCode)).size).toBe(4);
    const [x, y] = [await rowsOf(one.ctx), await rowsOf(bulk.ctx)];
    for (const r of [x, y]) r.orders.forEach((o) => Object.assign(o, { createdAt: 0, updatedAt: 0, payBy: o.payBy ? 'set' : null }));
    for (const r of [x, y]) r.reservations.forEach((o) => Object.assign(o, { expiresAt: o.expiresAt ? 'set' : null }));
    expect(y).toEqual(x);
    for (const w of [one, bulk]) {
      await expectLevel(w.ctx, w.a, { onHand: 20, reserved: 5 });
      await expectLevel(w.ctx, w.b, { onHand: 20, reserved: 5 });
      expect(await ledgerCheck(w.ctx, w.a)).toEqual({ onHand: 20, reserved: 5, movedOnHand: 20, movedReserved: 5, activeHeld: 5 });
    }

    // the orders are ordinary orders: a cancel gives their stock back
    await cancelOrder(bulk.ctx, views[1]!.id, 'changed mind', recordingPayments().port);
    await expectLevel(bulk.ctx, bulk.a, { onHand: 20, reserved: 2 });
    expect(await ledgerCheck(bulk.ctx, bulk.b)).toEqual({ onHand: 20, reserved: 4, movedOnHand: 20, movedReserved: 4, activeHeld: 4 });
  });

  it('one line short fails the whole batch and leaves nothing behind', async () => {
    const { ctx, a, inputs } = await world();
    const big = { ...inputs[0]!, lines: [{ skuId: a, qty: 19 }] };
    await expect(inTx(ctx, (tx) => createOrdersBulk(tx, [inputs[0]!, big]))).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { requested: 21, available: 20 } });
    expect(await db.select().from(orders).where(eq(orders.storeId, ctx.storeId))).toEqual([]);
    expect(await ledgerCheck(ctx, a)).toEqual({ onHand: 20, reserved: 0, movedOnHand: 20, movedReserved: 0, activeHeld: 0 });
    await expect(inTx(ctx, (tx) => createOrdersBulk(tx, [{ ...inputs[0]!, lines: [] }]))).rejects.toMatchObject({ code: 'ORDER_EMPTY' });
    await expect(createOrdersBulk(ctx, inputs)).rejects.toThrow(/transaction/);
  });
});
