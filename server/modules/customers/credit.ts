import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { inTx } from '../../db/tx.js';
import { emit } from '../../events/emit.js';
import { actorId, type Ctx } from '../../kernel/ctx.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { CreditView } from './contract.js';
import { creditEntries } from './tables.js';

/**
 * Grants store credit for an order, once per (order, reason): a second grant (a job that runs
 * twice, a retry after a crash) inserts nothing and answers false. In the caller's transaction.
 */
export async function grantCredit(ctx: Ctx, i: { customerId: string; amountFen: number; reason: string; orderId: string }): Promise<boolean> {
  if (!Number.isSafeInteger(i.amountFen) || i.amountFen <= 0) throw new AppError('VALIDATION_FAILED', { amountFen: i.amountFen });
  return inTx(ctx, async (tx) => {
    const inserted = await tx.db
      .insert(creditEntries)
      .values({
        id: newId(),
        orgId: tx.orgId,
        storeId: tx.storeId,
        customerId: i.customerId,
        amountFen: i.amountFen,
        reason: i.reason,
        orderId: i.orderId,
        actor: actorId(tx.actor),
        createdAt: tx.clock.now(),
      })
      .onConflictDoNothing()
      .returning({ id: creditEntries.id });
    if (inserted.length === 0) return false;
    await emit(tx, 'customer.credit_changed', { customerId: i.customerId, amountFen: i.amountFen, reason: i.reason, orderId: i.orderId });
    return true;
  });
}

/** A neighbour's balance in the ctx's store and the latest entries (newest first). */
export async function creditOf(ctx: Ctx, customerId: string): Promise<CreditView> {
  const where = and(eq(creditEntries.storeId, ctx.storeId), eq(creditEntries.customerId, customerId));
  const [sum] = await ctx.db.select({ balance: sql<number>`coalesce(sum(${creditEntries.amountFen}), 0)::int` }).from(creditEntries).where(where);
  const rows = await ctx.db.select().from(creditEntries).where(where).orderBy(desc(creditEntries.createdAt)).limit(100);
  return {
    customerId,
    balanceFen: Number(sum?.balance ?? 0),
    entries: rows.map((r) => ({ id: r.id, amountFen: r.amountFen, reason: r.reason, orderId: r.orderId, at: r.createdAt.toISOString() })),
  };
}

/** Balances of several neighbours in the ctx's store (0 for those without entries). */
export async function creditBalances(ctx: Ctx, customerIds: string[]): Promise<Map<string, number>> {
  const ids = [...new Set(customerIds)];
  const out = new Map(ids.map((id) => [id, 0]));
  if (ids.length === 0) return out;
  const rows = await ctx.db
    .select({ customerId: creditEntries.customerId, balance: sql<number>`sum(${creditEntries.amountFen})::int` })
    .from(creditEntries)
    .where(and(eq(creditEntries.storeId, ctx.storeId), inArray(creditEntries.customerId, ids)))
    .groupBy(creditEntries.customerId);
  for (const r of rows) out.set(r.customerId, Number(r.balance));
  return out;
}
