import { describe, expect, it } from 'vitest';
import { isAppError } from '../../kernel/errors.js';
import { makeTenant } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { adjust, commit, getLevels, loss, receive, release, reopen, reserve, returnStock, setReservationExpiry } from './index.js';
import { countEvents, ledgerCheck, makeSkus } from './test-helpers.js';

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe('inventory ledger', async () => {
  const database = await createTestDatabase();
  const tenant = await makeTenant(database.db);
  const ctx = tenant.ctx();

  it('keeps on hand, reserved and available through a reservation’s life', async () => {
    const [sku] = await makeSkus(ctx);
    await receive(ctx, { skuId: sku!, qty: 10 });
    const { reservationId } = await reserve(ctx, { skuId: sku!, qty: 4, channel: 'groupbuy', expiresAt: null });
    expect((await getLevels(ctx, [sku!])).get(sku!)).toEqual({ onHand: 10, reserved: 4, available: 6 });

    await release(ctx, reservationId, 1); // partial refund of one unit
    expect((await getLevels(ctx, [sku!])).get(sku!)).toEqual({ onHand: 10, reserved: 3, available: 7 });
    await commit(ctx, reservationId); // picked up
    await commit(ctx, reservationId); // a retried pickup takes nothing more
    expect((await getLevels(ctx, [sku!])).get(sku!)).toEqual({ onHand: 7, reserved: 0, available: 7 });
    await reopen(ctx, reservationId); // pickup undone
    expect((await getLevels(ctx, [sku!])).get(sku!)).toEqual({ onHand: 10, reserved: 3, available: 7 });
    await release(ctx, reservationId);
    await release(ctx, reservationId); // already released: no-op
    expect((await getLevels(ctx, [sku!])).get(sku!)).toEqual({ onHand: 10, reserved: 0, available: 10 });

    const e = await errorOf(commit(ctx, reservationId));
    expect(isAppError(e, 'RESERVATION_NOT_ACTIVE')).toBe(true);
    expect(isAppError(await errorOf(setReservationExpiry(ctx, reservationId, null)), 'RESERVATION_NOT_ACTIVE')).toBe(true);
    const check = await ledgerCheck(ctx, sku!);
    expect(check).toMatchObject({ onHand: 10, reserved: 0, movedOnHand: 10, movedReserved: 0, activeHeld: 0 });
  });

  it('refuses to reserve more than is available and says how much is', async () => {
    const [sku] = await makeSkus(ctx);
    await receive(ctx, { skuId: sku!, qty: 3 });
    const e = await errorOf(reserve(ctx, { skuId: sku!, qty: 5, channel: 'live', expiresAt: null }));
    expect(isAppError(e, 'INSUFFICIENT_STOCK')).toBe(true);
    expect((e as { details: object }).details).toEqual({ skuId: sku, requested: 5, available: 3 });
    // a SKU never received has nothing available
    const [empty] = await makeSkus(ctx);
    const e2 = await errorOf(reserve(ctx, { skuId: empty!, qty: 1, channel: 'pos', expiresAt: null }));
    expect((e2 as { details: object }).details).toMatchObject({ available: 0 });
    expect(await ledgerCheck(ctx, sku!)).toMatchObject({ onHand: 3, reserved: 0, movedOnHand: 3, activeHeld: 0 });
  });

  it('counts, writes off and takes back returns, never below what is held', async () => {
    const [sku] = await makeSkus(ctx);
    await receive(ctx, { skuId: sku!, qty: 20 });
    await reserve(ctx, { skuId: sku!, qty: 5, channel: 'groupbuy', expiresAt: null });
    const counted = await adjust(ctx, { skuId: sku!, countedQty: 18, reason: '盘点' });
    expect(counted.level).toEqual({ onHand: 18, reserved: 5, available: 13 });
    expect(isAppError(await errorOf(adjust(ctx, { skuId: sku!, countedQty: 4, reason: '盘点' })), 'STOCK_BELOW_RESERVED')).toBe(true);
    const lossErr = await errorOf(loss(ctx, { skuId: sku!, qty: 14, reason: '烂了' }));
    expect(isAppError(lossErr, 'INSUFFICIENT_STOCK')).toBe(true);
    await loss(ctx, { skuId: sku!, qty: 3, reason: '烂了' });
    await returnStock(ctx, { skuId: sku!, qty: 1, reason: '退货' });
    expect((await getLevels(ctx, [sku!])).get(sku!)).toEqual({ onHand: 16, reserved: 5, available: 11 });
    expect(await ledgerCheck(ctx, sku!)).toMatchObject({ onHand: 16, movedOnHand: 16, reserved: 5, movedReserved: 5, activeHeld: 5 });
  });

  it('refuses another store’s SKU and another store’s reservation', async () => {
    const other = await makeTenant(database.db);
    const [theirs] = await makeSkus(other.ctx());
    await receive(other.ctx(), { skuId: theirs!, qty: 5 });
    const { reservationId } = await reserve(other.ctx(), { skuId: theirs!, qty: 1, channel: 'pos', expiresAt: null });
    expect(isAppError(await errorOf(receive(ctx, { skuId: theirs!, qty: 5 })), 'SKU_NOT_FOUND')).toBe(true);
    expect(isAppError(await errorOf(release(ctx, reservationId)), 'RESERVATION_NOT_FOUND')).toBe(true);
    expect((await getLevels(ctx, [theirs!])).get(theirs!)).toEqual({ onHand: 0, reserved: 0, available: 0 });
    expect((await getLevels(other.ctx(), [theirs!])).get(theirs!)).toEqual({ onHand: 5, reserved: 1, available: 4 });
  });

  it('emits a level event with every movement, in the same transaction', async () => {
    const t = await makeTenant(database.db);
    const c = t.ctx();
    const [sku] = await makeSkus(c);
    await receive(c, { skuId: sku!, qty: 2 });
    await reserve(c, { skuId: sku!, qty: 1, channel: 'live', expiresAt: null });
    await errorOf(reserve(c, { skuId: sku!, qty: 5, channel: 'live', expiresAt: null })); // rolled back: no event
    expect(await countEvents(c, 'inventory.level_changed')).toBe(2);
  });
});
