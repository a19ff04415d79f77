import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inTx } from '../../db/tx.js';
import { newId } from '../../kernel/ids.js';
import { makeTenant } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { commit, getLevels, receive, release, reserve, reserveMany } from './index.js';
import { movements, reservations } from './tables.js';
import { countEvents, ledgerCheck, makeSkus } from './test-helpers.js';

describe('inventory: reserveMany (many lines in one go, or handed over from a pool)', async () => {
  const database = await createTestDatabase();
  const tenant = await makeTenant(database.db);
  const ctx = tenant.ctx();
  const buyer = (customerId = newId()) => ({ kind: 'customer' as const, customerId });

  it('reserves many lines with one conditional update per SKU, one movement per line, and refuses past available', async () => {
    const [a, b] = await makeSkus(ctx, 2);
    await receive(ctx, { skuId: a!, qty: 10 });
    await receive(ctx, { skuId: b!, qty: 3 });
    const events = await countEvents(ctx, 'inventory.level_changed');
    const r = await inTx(ctx, (tx) =>
      reserveMany(tx, 'live', [
        { skuId: a!, qty: 4, orderId: newId(), expiresAt: null, actor: buyer() },
        { skuId: b!, qty: 3, expiresAt: null },
        { skuId: a!, qty: 2, expiresAt: new Date(Date.now() + 60_000) },
      ]),
    );
    expect(r.reservationIds).toHaveLength(3);
    expect(r.levels.get(a!)).toEqual({ onHand: 10, reserved: 6, available: 4 });
    expect(await countEvents(ctx, 'inventory.level_changed')).toBe(events + 2);
    expect(await ledgerCheck(ctx, a!)).toEqual({ onHand: 10, reserved: 6, movedOnHand: 10, movedReserved: 6, activeHeld: 6 });
    expect(await ledgerCheck(ctx, b!)).toEqual({ onHand: 3, reserved: 3, movedOnHand: 3, movedReserved: 3, activeHeld: 3 });
    // each movement's "after" is the running level, in id order
    const moved = await ctx.db.select().from(movements).where(and(eq(movements.storeId, ctx.storeId), eq(movements.skuId, a!))).orderBy(asc(movements.id));
    expect(moved.map((m) => [m.kind, m.reservedDelta, m.reservedAfter, m.onHandAfter])).toEqual([['receive', 0, 0, 10], ['reserve', 4, 4, 10], ['reserve', 2, 6, 10]]);
    // a line of them is an ordinary reservation
    await commit(ctx, r.reservationIds[0]!);
    expect((await getLevels(ctx, [a!])).get(a!)).toEqual({ onHand: 6, reserved: 2, available: 4 });

    const short = inTx(ctx, (tx) => reserveMany(tx, 'live', [{ skuId: a!, qty: 3, expiresAt: null }, { skuId: a!, qty: 2, expiresAt: null }]));
    await expect(short).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { skuId: a, requested: 5, available: 4 } });
    expect(await ledgerCheck(ctx, a!)).toEqual({ onHand: 6, reserved: 2, movedOnHand: 6, movedReserved: 2, activeHeld: 2 });
    await expect(inTx(ctx, (tx) => reserveMany(tx, 'live', [{ skuId: a!, qty: 0, expiresAt: null }]))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('hands a pool over to order lines: never available in between, the pool released at 0, never more than it holds', async () => {
    const [sku] = await makeSkus(ctx);
    await receive(ctx, { skuId: sku!, qty: 20 });
    const pool = (await reserve(ctx, { skuId: sku!, qty: 10, channel: 'live', expiresAt: null })).reservationId;
    const lines = (qtys: number[]) => qtys.map((qty) => ({ skuId: sku!, qty, orderId: newId(), orderLineId: newId(), expiresAt: null, actor: buyer() }));

    await inTx(ctx, (tx) => reserveMany(tx, 'live', lines([3, 4]), { from: pool }));
    expect((await getLevels(ctx, [sku!])).get(sku!)).toEqual({ onHand: 20, reserved: 10, available: 10 });
    const [p] = await ctx.db.select().from(reservations).where(eq(reservations.id, pool));
    expect(p).toMatchObject({ qty: 3, status: 'active' });
    const moved = await ctx.db.select().from(movements).where(and(eq(movements.storeId, ctx.storeId), eq(movements.skuId, sku!))).orderBy(asc(movements.id));
    expect(moved.map((m) => [m.kind, m.reservedDelta, m.reservedAfter])).toEqual([['receive', 0, 0], ['reserve', 10, 10], ['release', -7, 3], ['reserve', 3, 6], ['reserve', 4, 10]]);

    await expect(inTx(ctx, (tx) => reserveMany(tx, 'live', lines([2, 2]), { from: pool }))).rejects.toMatchObject({ code: 'RESERVATION_NOT_ACTIVE', details: { qty: 3, requested: 4 } });
    await inTx(ctx, (tx) => reserveMany(tx, 'live', lines([1, 2]), { from: pool }));
    const [done] = await ctx.db.select().from(reservations).where(eq(reservations.id, pool));
    expect(done).toMatchObject({ qty: 3, status: 'released' });
    await expect(inTx(ctx, (tx) => reserveMany(tx, 'live', lines([1]), { from: pool }))).rejects.toMatchObject({ code: 'RESERVATION_NOT_ACTIVE', details: { status: 'released' } });
    await release(ctx, pool); // released already: a no-op
    expect(await ledgerCheck(ctx, sku!)).toEqual({ onHand: 20, reserved: 10, movedOnHand: 20, movedReserved: 10, activeHeld: 10 });
  });
});
