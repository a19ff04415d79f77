import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { emit } from '../../events/emit.js';
import { actorId, type Ctx } from '../../kernel/ctx.js';
import { AppError } from '../../kernel/errors.js';
import type { LevelView, MovementKind, MovementView, StockChange } from './contract.js';
import { levels, movements } from './tables.js';

export interface MovementInput {
  skuId: string;
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  reservationId?: string | null;
  orderId?: string | null;
  note?: string;
}

const view = (l: { onHand: number; reserved: number }): LevelView => ({ ...l, available: l.onHand - l.reserved });

/**
 * The one way stock changes: the level, its movement and its event, in the caller's transaction.
 * The level moves by a single conditional statement, so concurrent writers queue on the row
 * lock and each re-checks the committed level: no oversell without SERIALIZABLE.
 */
export async function recordMovement(ctx: Ctx, m: MovementInput): Promise<StockChange> {
  if (!ctx.inTx) throw new Error(`inventory movement ${m.kind} must be recorded inside a transaction`);
  const level = await changeLevel(ctx, m);
  const [row] = await ctx.db
    .insert(movements)
    .values({
      storeId: ctx.storeId,
      skuId: m.skuId,
      kind: m.kind,
      onHandDelta: m.onHandDelta,
      reservedDelta: m.reservedDelta,
      onHandAfter: level.onHand,
      reservedAfter: level.reserved,
      reservationId: m.reservationId ?? null,
      orderId: m.orderId ?? null,
      note: m.note ?? '',
      actor: actorId(ctx.actor),
      actorName: ctx.actor.kind === 'staff' ? ctx.actor.name : '',
      at: ctx.clock.now(),
    })
    .returning({ id: movements.id });
  await emit(ctx, 'inventory.level_changed', { skuId: m.skuId, kind: m.kind, ...level });
  return { movementId: row!.id, skuId: m.skuId, level };
}

async function changeLevel(ctx: Ctx, m: MovementInput): Promise<LevelView> {
  const { onHandDelta: dOn, reservedDelta: dRes } = m;
  const set = {
    onHand: sql`${levels.onHand} + ${dOn}`,
    reserved: sql`${levels.reserved} + ${dRes}`,
    updatedAt: ctx.clock.now(),
  };
  const returning = { onHand: levels.onHand, reserved: levels.reserved };
  if (dOn >= 0 && dRes >= 0 && dRes <= dOn) {
    // adds stock only (receive, return, reopen): the row may not exist yet and nothing can go negative
    const [row] = await ctx.db
      .insert(levels)
      .values({ storeId: ctx.storeId, skuId: m.skuId, onHand: dOn, reserved: dRes, updatedAt: set.updatedAt })
      .onConflictDoUpdate({ target: [levels.storeId, levels.skuId], set })
      .returning(returning);
    return view(row!);
  }
  // the change takes `need` units out of what is available (reserve, loss, a lower count)
  const need = dRes - dOn;
  const rows = await ctx.db
    .update(levels)
    .set(set)
    .where(
      and(
        eq(levels.storeId, ctx.storeId),
        eq(levels.skuId, m.skuId),
        need > 0 ? sql`${levels.onHand} - ${levels.reserved} >= ${need}` : undefined,
      ),
    )
    .returning(returning);
  if (rows[0]) return view(rows[0]);
  if (need <= 0) throw new Error(`no stock level for sku ${m.skuId} to ${m.kind}`);
  const current = (await getLevels(ctx, [m.skuId])).get(m.skuId)!;
  throw new AppError('INSUFFICIENT_STOCK', { skuId: m.skuId, requested: need, available: current.available });
}

/** Levels of the ctx's store; a SKU never received has nothing on hand (zeros, not absent). */
export async function getLevels(ctx: Ctx, skuIds: string[]): Promise<Map<string, LevelView>> {
  const ids = [...new Set(skuIds)];
  const out = new Map<string, LevelView>(ids.map((id) => [id, view({ onHand: 0, reserved: 0 })]));
  if (ids.length === 0) return out;
  const rows = await ctx.db
    .select({ skuId: levels.skuId, onHand: levels.onHand, reserved: levels.reserved })
    .from(levels)
    .where(and(eq(levels.storeId, ctx.storeId), inArray(levels.skuId, ids)));
  for (const r of rows) out.set(r.skuId, view({ onHand: r.onHand, reserved: r.reserved }));
  return out;
}

/** Locks the level row for a decision that reads it first (a stock count). */
export async function lockLevel(ctx: Ctx, skuId: string): Promise<LevelView> {
  // make sure the row exists, then lock it; a count of a never-received SKU starts from zero
  await ctx.db.insert(levels).values({ storeId: ctx.storeId, skuId, updatedAt: ctx.clock.now() }).onConflictDoNothing();
  const [row] = await ctx.db
    .select({ onHand: levels.onHand, reserved: levels.reserved })
    .from(levels)
    .where(and(eq(levels.storeId, ctx.storeId), eq(levels.skuId, skuId)))
    .for('update');
  return view(row!);
}

export async function listMovements(ctx: Ctx, skuId: string, page: { limit: number; before?: number }): Promise<MovementView[]> {
  const rows = await ctx.db
    .select()
    .from(movements)
    .where(and(eq(movements.storeId, ctx.storeId), eq(movements.skuId, skuId), page.before ? lt(movements.id, page.before) : undefined))
    .orderBy(desc(movements.id))
    .limit(page.limit);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    onHandDelta: r.onHandDelta,
    reservedDelta: r.reservedDelta,
    onHandAfter: r.onHandAfter,
    reservedAfter: r.reservedAfter,
    reservationId: r.reservationId,
    orderId: r.orderId,
    note: r.note,
    actorName: r.actorName || (r.actor.startsWith('system:') ? r.actor : ''),
    at: r.at.toISOString(),
  }));
}
