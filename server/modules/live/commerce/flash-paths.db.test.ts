import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../kernel/ids.js';
import { makeTenant } from '../../../testing/factories.js';
import { createTestDatabase } from '../../../testing/test-db.js';
import { movements } from '../../inventory/tables.js';
import { ledgerCheck } from '../../inventory/test-helpers.js';
import { stockedSku } from '../../orders/testing.js';
import { FlashSaleEngine } from './engine.js';
import { liveShow, manyCustomers, ordersOfShow } from './testing.js';
import { endFlashSale } from './use-cases/end-flash-sale.js';
import { openFlashSale } from './use-cases/open-flash-sale.js';

describe('flash sale: the set-based batches and the per-request path write the same ledger', async () => {
  const database = await createTestDatabase({ poolSize: 10 });

  it('both paths on one sale: the pool handed over to each order line, movements per line for its buyer, sold out exactly', async () => {
    const tenant = await makeTenant(database.db);
    const ctx = tenant.ctx();
    const skuId = await stockedSku(ctx, { priceFen: 2000, qty: 30 });
    const showId = await liveShow(ctx);
    const sale = await openFlashSale(ctx, showId, { skuId, priceFen: 1500, qty: 12, perPersonLimit: 3, durationSec: 600 });
    const buyers = await manyCustomers(ctx, 8, 7000);
    const engine = new FlashSaleEngine();
    const body = { qty: 2, paymentMethod: 'pay_at_pickup' as const };
    const batched = await Promise.allSettled(buyers.slice(0, 4).map((c) => engine.order(tenant.ctx({ kind: 'customer', customerId: c }), c, sale.id, body, `k-${newId()}`)));
    const naive = await Promise.allSettled(buyers.slice(4).map((c) => engine.orderUnbatched(tenant.ctx({ kind: 'customer', customerId: c }), c, sale.id, body, `k-${newId()}`)));
    expect(batched.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    // the four naive requests race for the last 4 units: which two win is up to the database's lock order
    expect(naive.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code)).sort()).toEqual(['FLASH_SALE_SOLD_OUT', 'FLASH_SALE_SOLD_OUT', 'ok', 'ok']);
    const winners = [...buyers.slice(0, 4), ...buyers.slice(4).filter((_, i) => naive[i]!.status === 'fulfilled')];
    expect(await ordersOfShow(ctx, showId)).toEqual({ orders: 6, units: 12, lines: 6 });

    const moved = await ctx.db.select().from(movements).where(and(eq(movements.storeId, ctx.storeId), eq(movements.skuId, skuId))).orderBy(asc(movements.id));
    const reserves = moved.filter((m) => m.kind === 'reserve' && m.orderId !== null);
    expect(reserves.map((m) => m.actor).sort()).toEqual(winners.sort());
    expect(moved.filter((m) => m.kind === 'release').reduce((s, m) => s - m.reservedDelta, 0)).toBe(12);
    // the level never moved while the units passed from the pool to the orders
    expect(new Set(moved.filter((m) => m.id > moved[1]!.id).map((m) => m.onHandAfter))).toEqual(new Set([30]));
    await endFlashSale(ctx, sale.id);
    expect(await ledgerCheck(ctx, skuId)).toEqual({ onHand: 30, reserved: 12, movedOnHand: 30, movedReserved: 12, activeHeld: 12 });
  });
});
