import { and, eq, sql } from 'drizzle-orm';
import { insertJsonRows } from '../../../db/json-rows.js';
import { emitMany } from '../../../events/emit.js';
import { actorId, type Actor, type Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { LevelView, ReservationChannel } from '../contract.js';
import { getLevels } from '../ledger.repo.js';
import { lockReservation } from '../reservation.repo.js';
import { assertQty } from '../sku-check.js';
import { levels, movements, reservations } from '../tables.js';

export interface ReserveManyLine {
  skuId: string;
  qty: number;
  orderId?: string;
  orderLineId?: string;
  /** null: held until committed or released */
  expiresAt: Date | null;
  /** who the movement is recorded for (default: the ctx's actor) */
  actor?: Actor;
}

export interface ReserveManyResult {
  /** one per line, in the order given */
  reservationIds: string[];
  /** the levels after the change, per SKU */
  levels: Map<string, LevelView>;
}

/**
 * `reserve` for many order lines in one go (set-based use cases: a flash-sale batch), in the
 * caller's transaction, with the same invariants: every level change is one conditional UPDATE
 * per SKU (so nothing oversells without SERIALIZABLE) and its movements, one per reservation,
 * sum to it. With `from`, the lines' units are handed over from that (pool) reservation: it is
 * lowered by their sum (released when it reaches 0) by a conditional UPDATE, with a `release`
 * movement, so the ledger never shows the units available in between. Statements: pool update,
 * one reservation insert, one level UPDATE per SKU, one movement insert, one event insert.
 * Throws INSUFFICIENT_STOCK (a SKU short) or RESERVATION_NOT_ACTIVE (the pool holds less).
 */
export async function reserveMany(ctx: Ctx, channel: ReservationChannel, lines: ReserveManyLine[], opts: { from?: string } = {}): Promise<ReserveManyResult> {
  if (!ctx.inTx) throw new Error('reserveMany must run inside a transaction');
  for (const l of lines) assertQty(l.qty);
  if (lines.length === 0) return { reservationIds: [], levels: new Map() };
  const now = ctx.clock.now();

  // the pool first (reservation before level, as every state change does)
  let pool: { id: string; skuId: string; orderId: string | null; qty: number } | null = null;
  if (opts.from) {
    const taken = lines.reduce((s, l) => s + l.qty, 0);
    const [row] = await ctx.db
      .update(reservations)
      .set({
        qty: sql`case when ${reservations.qty} = ${taken} then ${reservations.qty} else ${reservations.qty} - ${taken} end`,
        status: sql`case when ${reservations.qty} = ${taken} then 'released' else ${reservations.status} end`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(reservations.storeId, ctx.storeId), eq(reservations.id, opts.from), eq(reservations.status, 'active'), sql`${reservations.qty} >= ${taken}`))
      .returning({ skuId: reservations.skuId, orderId: reservations.orderId });
    if (!row) {
      const r = await lockReservation(ctx, opts.from);
      throw new AppError('RESERVATION_NOT_ACTIVE', { reservationId: opts.from, status: r.status, qty: r.qty, requested: taken });
    }
    if (lines.some((l) => l.skuId !== row.skuId)) throw new Error(`reservation ${opts.from} holds another SKU than the lines`);
    pool = { id: opts.from, skuId: row.skuId, orderId: row.orderId, qty: taken };
  }

  const ids = lines.map(() => newId());
  await ctx.db.execute(
    insertJsonRows(
      reservations,
      lines.map((l, i) => ({
        id: ids[i]!, orgId: ctx.orgId, storeId: ctx.storeId, skuId: l.skuId, channel,
        orderId: l.orderId ?? null, orderLineId: l.orderLineId ?? null, qty: l.qty, expiresAt: l.expiresAt,
      })),
    ),
  );

  // one conditional UPDATE per SKU, in SKU order (two batches never wait on each other crosswise)
  const net = new Map<string, number>();
  for (const l of lines) net.set(l.skuId, (net.get(l.skuId) ?? 0) + l.qty);
  if (pool) net.set(pool.skuId, net.get(pool.skuId)! - pool.qty);
  const after = new Map<string, LevelView>();
  for (const skuId of [...net.keys()].sort()) {
    const need = net.get(skuId)!;
    const [row] = await ctx.db
      .update(levels)
      .set({ reserved: sql`${levels.reserved} + ${need}`, updatedAt: now })
      .where(and(eq(levels.storeId, ctx.storeId), eq(levels.skuId, skuId), need > 0 ? sql`${levels.onHand} - ${levels.reserved} >= ${need}` : undefined))
      .returning({ onHand: levels.onHand, reserved: levels.reserved });
    if (!row) {
      const current = (await getLevels(ctx, [skuId])).get(skuId)!;
      throw new AppError('INSUFFICIENT_STOCK', { skuId, requested: need, available: current.available });
    }
    after.set(skuId, { onHand: row.onHand, reserved: row.reserved, available: row.onHand - row.reserved });
  }

  // the movements, in the order they are taken to happen: the pool's release, then each line
  const reservedNow = new Map([...after].map(([skuId, l]) => [skuId, l.reserved - net.get(skuId)!]));
  const move = (skuId: string, delta: number, actor: Actor, reservationId: string, orderId: string | null, kind: 'reserve' | 'release') => {
    const reservedAfter = reservedNow.get(skuId)! + delta;
    reservedNow.set(skuId, reservedAfter);
    return {
      storeId: ctx.storeId, skuId, kind, onHandDelta: 0, reservedDelta: delta, onHandAfter: after.get(skuId)!.onHand, reservedAfter,
      reservationId, orderId, note: '', actor: actorId(actor), actorName: actor.kind === 'staff' ? actor.name : '', at: now,
    };
  };
  const rows = [];
  if (pool) rows.push(move(pool.skuId, -pool.qty, ctx.actor, pool.id, pool.orderId, 'release'));
  lines.forEach((l, i) => rows.push(move(l.skuId, l.qty, l.actor ?? ctx.actor, ids[i]!, l.orderId ?? null, 'reserve')));
  await ctx.db.execute(insertJsonRows(movements, rows));
  // one stock event per SKU with its level after the batch (what the shop's stock relay shows)
  await emitMany(ctx, [...after].map(([skuId, l]) => ({ type: 'inventory.level_changed' as const, payload: { skuId, kind: 'reserve' as const, ...l } })));
  return { reservationIds: ids, levels: after };
}
