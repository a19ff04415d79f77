import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outboxEvents } from '../../events/tables.js';
import { ManualClock, MINUTE } from '../../kernel/clock.js';
import { makeTenant } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { commit, getLevels, receive, releaseExpiredReservations, reserve, setReservationExpiry } from './index.js';
import { countEvents, ledgerCheck, makeSkus } from './test-helpers.js';

describe('reservation expiry job', async () => {
  const database = await createTestDatabase({ poolSize: 20 });
  const clock = new ManualClock(new Date('2026-11-25T10:00:00Z'));
  const tenant = await makeTenant(database.db, { clock });
  const ctx = tenant.ctx();

  it('releases each expired hold exactly once, even when two runs overlap', async () => {
    const [sku] = await makeSkus(ctx);
    await receive(ctx, { skuId: sku!, qty: 50 });
    const soon = new Date(clock.now().getTime() + 5 * MINUTE);
    const expiring = [];
    for (let i = 0; i < 12; i++) {
      expiring.push((await reserve(ctx, { skuId: sku!, qty: 2, channel: 'live', orderId: crypto.randomUUID(), expiresAt: soon })).reservationId);
    }
    const kept = await reserve(ctx, { skuId: sku!, qty: 3, channel: 'groupbuy', expiresAt: null });
    const later = await reserve(ctx, { skuId: sku!, qty: 1, channel: 'live', expiresAt: new Date(soon.getTime() + 10 * MINUTE) });
    // paid in time: the hold loses its expiry; committed holds never expire either
    await setReservationExpiry(ctx, expiring[0]!, null);
    await commit(ctx, expiring[1]!);

    expect(await releaseExpiredReservations(database.db, clock.now())).toBe(0);
    clock.advance(6 * MINUTE);
    const [a, b] = await Promise.all([
      releaseExpiredReservations(database.db, clock.now()),
      releaseExpiredReservations(database.db, clock.now()),
    ]);
    expect(a + b).toBe(10);
    expect(await releaseExpiredReservations(database.db, clock.now())).toBe(0);

    // 50 received, 2 committed; held: 2 (paid) + 3 (no expiry) + 1 (later)
    expect((await getLevels(ctx, [sku!])).get(sku!)).toEqual({ onHand: 48, reserved: 6, available: 42 });
    expect(await ledgerCheck(ctx, sku!)).toMatchObject({ movedOnHand: 48, movedReserved: 6, activeHeld: 6 });
    expect(await countEvents(ctx, 'inventory.reservation_expired')).toBe(10);
    const events = await database.db
      .select({ payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(and(eq(outboxEvents.storeId, ctx.storeId), eq(outboxEvents.type, 'inventory.reservation_expired')));
    const ids = events.map((e) => (e.payload as { reservationId: string }).reservationId).sort();
    expect(ids).toEqual(expiring.slice(2).sort());
    expect(ids).not.toContain(kept.reservationId);
    expect(ids).not.toContain(later.reservationId);
    expect(events[0]!.payload).toMatchObject({ skuId: sku, qty: 2, orderLineId: null });
  });
});
