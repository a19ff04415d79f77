import { and, count, desc, eq, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import type { OrderRow } from '../orders.repo.js';
import { orders } from '../tables.js';
import { pickupMisses, pickupVerifications } from './tables.js';

export type VerificationRow = typeof pickupVerifications.$inferSelect;

/**
 * The order a code names in the ctx's store: the open one, else the latest picked-up one (so
 * the counter can say "already picked up"). Cancelled and refunded orders are not found.
 */
export async function orderByCode(ctx: Ctx, code: string, lock = false): Promise<OrderRow | null> {
  const q = ctx.db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.storeId, ctx.storeId),
        eq(orders.pickupCode, code),
        inArray(orders.status, ['pending_payment', 'paid', 'ready_for_pickup', 'picked_up']),
      ),
    )
    .orderBy(sql`(${orders.status} = 'picked_up')`, desc(orders.updatedAt))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function verificationByRequest(ctx: Ctx, requestId: string): Promise<VerificationRow | null> {
  const [row] = await ctx.db
    .select()
    .from(pickupVerifications)
    .where(and(eq(pickupVerifications.storeId, ctx.storeId), eq(pickupVerifications.requestId, requestId)))
    .limit(1);
  return row ?? null;
}

export async function verificationById(ctx: Ctx, id: string, lock = false): Promise<VerificationRow | null> {
  const q = ctx.db
    .select()
    .from(pickupVerifications)
    .where(and(eq(pickupVerifications.storeId, ctx.storeId), eq(pickupVerifications.id, id)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The verification of a picked-up order that an undo would reverse. */
export async function activeVerification(ctx: Ctx, orderId: string): Promise<VerificationRow | null> {
  const [row] = await ctx.db
    .select()
    .from(pickupVerifications)
    .where(and(eq(pickupVerifications.storeId, ctx.storeId), eq(pickupVerifications.orderId, orderId), isNull(pickupVerifications.undoneAt)))
    .orderBy(desc(pickupVerifications.verifiedAt))
    .limit(1);
  return row ?? null;
}

export async function undoneCount(ctx: Ctx, orderId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(pickupVerifications)
    .where(and(eq(pickupVerifications.storeId, ctx.storeId), eq(pickupVerifications.orderId, orderId), isNotNull(pickupVerifications.undoneAt)));
  return row?.n ?? 0;
}

export async function insertVerification(ctx: Ctx, v: typeof pickupVerifications.$inferInsert): Promise<VerificationRow> {
  const [row] = await ctx.db.insert(pickupVerifications).values(v).returning();
  return row!;
}

export async function markUndone(ctx: Ctx, id: string, at: Date, by: string): Promise<VerificationRow> {
  const [row] = await ctx.db
    .update(pickupVerifications)
    .set({ undoneAt: at, undoneBy: by })
    .where(and(eq(pickupVerifications.storeId, ctx.storeId), eq(pickupVerifications.id, id)))
    .returning();
  return row!;
}

export async function missesSince(ctx: Ctx, since: Date, staffId: string): Promise<{ staff: number; store: number }> {
  const [row] = await ctx.db
    .select({
      store: count(),
      staff: sql<number>`count(*) filter (where ${pickupMisses.staffId} = ${staffId})`.mapWith(Number),
    })
    .from(pickupMisses)
    .where(and(eq(pickupMisses.storeId, ctx.storeId), gte(pickupMisses.at, since)));
  return { staff: row?.staff ?? 0, store: row?.store ?? 0 };
}

export async function insertMiss(ctx: Ctx, staffId: string, code: string): Promise<void> {
  await ctx.db.insert(pickupMisses).values({ storeId: ctx.storeId, staffId, code, at: ctx.clock.now() });
}
