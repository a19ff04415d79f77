import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { makeTenant } from '../../../testing/factories.js';
import { createTestDatabase } from '../../../testing/test-db.js';
import { getLevels } from '../../inventory/index.js';
import { reservations } from '../../inventory/tables.js';
import { ledgerCheck } from '../../inventory/test-helpers.js';
import type { OrderView } from '../../orders/index.js';
import { stockedSku } from '../../orders/testing.js';
import { FlashSaleEngine } from './engine.js';
import { findFlashSale } from './flash-sale.repo.js';
import { showSalesStats } from './stats.repo.js';
import { idempotencyKeys } from '../../../idempotency/tables.js';
import { liveFlashBuyers } from './tables.js';
import { liveShow, manyCustomers, ordersOfShow } from './testing.js';
import { endFlashSale } from './use-cases/end-flash-sale.js';
import { openFlashSale } from './use-cases/open-flash-sale.js';
import { FLASH_ORDER_SCOPE } from './use-cases/sell-flash-batch.js';

describe('flash sale engine (秒杀)', async () => {
  // on PostgreSQL the batches of two engines ("two processes") really run side by side
  const database = await createTestDatabase({ poolSize: 20 });
  const db = database.db;

  it('2,000 concurrent buyers on 100 units: exactly 100 sold, nobody above the cap, ledger consistent, nothing orphaned', async () => {
    const tenant = await makeTenant(db);
    const ctx = tenant.ctx();
    const skuId = await stockedSku(ctx, { priceFen: 3990, qty: 150, name: '阳光玫瑰' });
    const showId = await liveShow(ctx);
    const sale = await openFlashSale(ctx, showId, { skuId, priceFen: 990, qty: 100, perPersonLimit: 2, durationSec: 600 });
    expect((await getLevels(ctx, [skuId])).get(skuId)).toEqual({ onHand: 150, reserved: 100, available: 50 });

    const buyers = await manyCustomers(ctx, 2000);
    const engines = [new FlashSaleEngine(), new FlashSaleEngine({ maxBatch: 64 })];
    // qty 1..3 against a cap of 2, and every tenth buyer tries twice (another key): the cap must hold across batches
    const attempts = buyers.flatMap((customerId, i) => {
      const one = { customerId, qty: (i % 3) + 1, key: `k-${newId()}` };
      return i % 10 === 0 ? [one, { customerId, qty: 2, key: `k-${newId()}` }] : [one];
    });
    const results = await Promise.allSettled(
      attempts.map((a, i) =>
        engines[i % 2]!.order(tenant.ctx({ kind: 'customer', customerId: a.customerId }), a.customerId, sale.id, { qty: a.qty, paymentMethod: 'pay_at_pickup' }, a.key),
      ),
    );
    const sold = results.flatMap((r, i) => (r.status === 'fulfilled' ? [{ order: r.value, ...attempts[i]! }] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).code] : []));
    expect(sold.reduce((s, o) => s + o.qty, 0)).toBe(100);
    expect(new Set(refused)).toEqual(new Set(['FLASH_SALE_SOLD_OUT', 'FLASH_SALE_PERSON_LIMIT']));
    for (const o of sold) expect(o.order).toMatchObject({ channel: 'live', status: 'ready_for_pickup', totalFen: 990 * o.qty });

    const perBuyer = new Map<string, number>();
    for (const o of sold) perBuyer.set(o.customerId, (perBuyer.get(o.customerId) ?? 0) + o.qty);
    expect(Math.max(...perBuyer.values())).toBeLessThanOrEqual(2);
    const rows = await db.select().from(liveFlashBuyers).where(eq(liveFlashBuyers.flashSaleId, sale.id));
    expect(new Map(rows.map((r) => [r.customerId, r.qty]))).toEqual(perBuyer);

    // the orders core holds exactly these orders, for the show
    expect(await ordersOfShow(ctx, showId)).toEqual({ orders: sold.length, units: 100, lines: sold.length });
    expect((await findFlashSale(ctx, sale.id)).remaining).toBe(0);
    expect(await showSalesStats(ctx, showId)).toMatchObject({ orders: sold.length, units: 100, gmvFen: 99_000, flashSaleOrders: sold.length });

    // ledger: level = sum of movements; what is held = the orders' reservations only
    expect(await ledgerCheck(ctx, skuId)).toEqual({ onHand: 150, reserved: 100, movedOnHand: 150, movedReserved: 100, activeHeld: 100 });
    await endFlashSale(ctx, sale.id);
    const orphans = await db
      .select()
      .from(reservations)
      .where(and(eq(reservations.skuId, skuId), eq(reservations.status, 'active'), isNull(reservations.orderId)));
    expect(orphans).toEqual([]);
    expect(await ledgerCheck(ctx, skuId)).toEqual({ onHand: 150, reserved: 100, movedOnHand: 150, movedReserved: 100, activeHeld: 100 });

    // a retried request (same Idempotency-Key) answers its first order and changes nothing
    const first = sold[0]!;
    const again = await engines[1]!.order(tenant.ctx(), first.customerId, sale.id, { qty: first.qty, paymentMethod: 'pay_at_pickup' }, first.key);
    expect(again.id).toBe(first.order.id);
    expect(await ordersOfShow(ctx, showId)).toMatchObject({ units: 100 });
  });

  it('the rest goes back to the shelf at the end; after it nothing sells and nothing changes', async () => {
    const tenant = await makeTenant(db);
    const ctx = tenant.ctx();
    const skuId = await stockedSku(ctx, { priceFen: 1000, qty: 80 });
    const showId = await liveShow(ctx);
    const sale = await openFlashSale(ctx, showId, { skuId, priceFen: 500, qty: 50, perPersonLimit: 5, durationSec: 60 });
    const [a, b] = await manyCustomers(ctx, 2, 5000);
    const engine = new FlashSaleEngine();
    const buy = (c: string, qty: number, key = `k-${newId()}`) => engine.order(ctx, c, sale.id, { qty, paymentMethod: 'sandbox' }, key);
    const o: OrderView = await buy(a!, 4);
    expect(o).toMatchObject({ status: 'pending_payment', totalFen: 2000 });
    await expect(buy(a!, 2)).rejects.toMatchObject({ code: 'FLASH_SALE_PERSON_LIMIT' });
    await expect(buy(b!, 6)).rejects.toMatchObject({ code: 'FLASH_SALE_PERSON_LIMIT' });
    await expect(buy(b!, 1, 'short')).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED' });
    await expect(engine.order(ctx, b!, newId(), { qty: 1, paymentMethod: 'sandbox' }, `k-${newId()}`)).rejects.toMatchObject({ code: 'FLASH_SALE_NOT_FOUND' });
    expect((await getLevels(ctx, [skuId])).get(skuId)).toEqual({ onHand: 80, reserved: 50, available: 30 });

    const ended = await endFlashSale(ctx, sale.id);
    expect(ended).toMatchObject({ status: 'ended', remaining: 46 });
    expect((await getLevels(ctx, [skuId])).get(skuId)).toEqual({ onHand: 80, reserved: 4, available: 76 });
    await expect(buy(b!, 1)).rejects.toMatchObject({ code: 'FLASH_SALE_ENDED' });
    await endFlashSale(ctx, sale.id);
    expect(await ledgerCheck(ctx, skuId)).toEqual({ onHand: 80, reserved: 4, movedOnHand: 80, movedReserved: 4, activeHeld: 4 });
    expect(await ordersOfShow(ctx, showId)).toEqual({ orders: 1, units: 4, lines: 1 });
  });

  it('an Idempotency-Key is written with its order and answer only: a refusal leaves none, a replay answers the stored order', async () => {
    const tenant = await makeTenant(db);
    const ctx = tenant.ctx();
    const skuId = await stockedSku(ctx, { priceFen: 1000, qty: 10 });
    const showId = await liveShow(ctx);
    const sale = await openFlashSale(ctx, showId, { skuId, priceFen: 700, qty: 3, perPersonLimit: 2, durationSec: 60 });
    const [a] = await manyCustomers(ctx, 1, 7000);
    const engine = new FlashSaleEngine();
    const buy = (qty: number, key: string) => engine.order(ctx, a!, sale.id, { qty, paymentMethod: 'pay_at_pickup' }, key);
    const keysOf = async () =>
      (await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.storeId, ctx.storeId), eq(idempotencyKeys.scope, FLASH_ORDER_SCOPE)))).map((k) => [k.key, (k.response as OrderView).id]);

    await expect(buy(3, 'key-refused')).rejects.toMatchObject({ code: 'FLASH_SALE_PERSON_LIMIT' });
    expect(await keysOf()).toEqual([]);
    // the refused key is free: the same key with a body that fits sells
    const o = await buy(2, 'key-refused');
    expect(o).toMatchObject({ totalFen: 1400, status: 'ready_for_pickup' });
    expect(await keysOf()).toEqual([[`${a}:key-refused`, o.id]]);
    // replayed (alone, and twice at once in one batch): the stored order, nothing sold again
    const again = await Promise.all([buy(2, 'key-refused'), buy(2, 'key-refused'), engine.orderUnbatched(ctx, a!, sale.id, { qty: 2, paymentMethod: 'pay_at_pickup' }, 'key-refused')]);
    expect(again.map((x) => x.id)).toEqual([o.id, o.id, o.id]);
    await expect(buy(1, 'key-refused')).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect((await findFlashSale(ctx, sale.id)).remaining).toBe(1);
    expect(await ordersOfShow(ctx, showId)).toEqual({ orders: 1, units: 2, lines: 1 });
    expect(await ledgerCheck(ctx, skuId)).toEqual({ onHand: 10, reserved: 3, movedOnHand: 10, movedReserved: 3, activeHeld: 3 });
  });

  it('cannot open more than the shelf has, nor above the regular price', async () => {
    const tenant = await makeTenant(db);
    const ctx = tenant.ctx();
    const skuId = await stockedSku(ctx, { priceFen: 1000, qty: 10 });
    const showId = await liveShow(ctx);
    await expect(openFlashSale(ctx, showId, { skuId, priceFen: 500, qty: 11, perPersonLimit: 1, durationSec: 60 })).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    await expect(openFlashSale(ctx, showId, { skuId, priceFen: 1500, qty: 5, perPersonLimit: 1, durationSec: 60 })).rejects.toMatchObject({ code: 'FLASH_SALE_INVALID' });
    await expect(openFlashSale(ctx, newId(), { skuId, priceFen: 500, qty: 5, perPersonLimit: 1, durationSec: 60 })).rejects.toMatchObject({ code: 'LIVE_SHOW_NOT_FOUND' });
    expect(await ledgerCheck(ctx, skuId)).toEqual({ onHand: 10, reserved: 0, movedOnHand: 10, movedReserved: 0, activeHeld: 0 });
  });
});
