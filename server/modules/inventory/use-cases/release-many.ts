import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { insertJsonRows } from '../../../db/json-rows.js';
import { emitMany } from '../../../events/emit.js';
import { actorId, type Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import type { LevelView } from '../contract.js';
import { levels, movements, reservations } from '../tables.js';

/**
 * `release` (in full) for many reservations at once, in the caller's transaction (set-based use
 * cases: the orders of a failed 接龙 at cut-off), with the same invariants: the reservations are
 * locked before the levels, in id order; a released one is a no-op; a committed one throws
 * RESERVATION_NOT_ACTIVE (its goods left with the buyer). Statements: one lock, one reservation
 * update, one level UPDATE per SKU (SKU order), one movement insert, one event insert.
 */
export async function releaseMany(ctx: Ctx, reservationIds: string[]): Promise<Map<string, LevelView>> {
  if (!ctx.inTx) throw new Error('releaseMany must run inside a transaction');
  const after = new Map<string, LevelView>();
  const ids = [...new Set(reservationIds)];
  if (ids.length === 0) return after;
  const held = await ctx.db
    .select()
    .from(reservations)
    .where(and(eq(reservations.storeId, ctx.storeId), inArray(reservations.id, ids)))
    .orderBy(asc(reservations.id))
    .for('update');
  if (held.length !== ids.length) {
    const missing = ids.find((id) => !held.some((r) => r.id === id));
    throw new AppError('RESERVATION_NOT_FOUND', { reservationId: missing });
  }
  const committed = held.find((r) => r.status === 'committed');
  if (committed) throw new AppError('RESERVATION_NOT_ACTIVE', { reservationId: committed.id, status: committed.status });
  const active = held.filter((r) => r.status === 'active');
  if (active.length === 0) return after;

  await ctx.db
    .update(reservations)
    .set({ status: 'released', updatedAt: sql`now()` })
    .where(and(eq(reservations.storeId, ctx.storeId), inArray(reservations.id, active.map((r) => r.id))));

  const now = ctx.clock.now();
  const bySku = new Map<string, number>();
  for (const r of active) bySku.set(r.skuId, (bySku.get(r.skuId) ?? 0) + r.qty);
  for (const skuId of [...bySku.keys()].sort()) {
    const [row] = await ctx.db
      .update(levels)
      .set({ reserved: sql`${levels.reserved} - ${bySku.get(skuId)!}`, updatedAt: now })
      .where(and(eq(levels.storeId, ctx.storeId), eq(levels.skuId, skuId)))
      .returning({ onHand: levels.onHand, reserved: levels.reserved });
    if (!row) throw new Error(`no stock level for SKU ${skuId} holding a reservation`);
    after.set(skuId, { onHand: row.onHand, reserved: row.reserved, available: row.onHand - row.reserved });
  }

  // one movement per reservation, their running `reservedAfter` ending at the level after
  const reservedNow = new Map([...after].map(([skuId, l]) => [skuId, l.reserved + bySku.get(skuId)!]));
  await ctx.db.execute(insertJsonRows(
    movements,
    active.map((r) => {
      const reservedAfter = reservedNow.get(r.skuId)! - r.qty;
      reservedNow.set(r.skuId, reservedAfter);
      return {
        storeId: ctx.storeId, skuId: r.skuId, kind: 'release' as const, onHandDelta: 0, reservedDelta: -r.qty,
        onHandAfter: after.get(r.skuId)!.onHand, reservedAfter, reservationId: r.id, orderId: r.orderId, note: '',
        actor: actorId(ctx.actor), actorName: ctx.actor.kind === 'staff' ? ctx.actor.name : '', at: now,
      };
    }),
  ));
  await emitMany(ctx, [...after].map(([skuId, l]) => ({ type: 'inventory.level_changed' as const, payload: { skuId, kind: 'release' as const, ...l } })));
  return after;
}
