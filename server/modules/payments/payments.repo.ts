import { and, asc, desc, eq, gte, lte, ne, sql } from 'drizzle-orm';
import type { Ctx, Db } from '../../kernel/ctx.js';
import type { PaymentView, RefundStatus, RefundView } from './contract.js';
import { payments, refunds } from './tables.js';

export type PaymentRow = typeof payments.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toPaymentView(p: PaymentRow): PaymentView {
  return {
    id: p.id,
    orderId: p.orderId,
    provider: p.provider,
    amountFen: p.amountFen,
    status: p.status,
    refundedFen: p.refundedFen,
    createdAt: p.createdAt.toISOString(),
    succeededAt: iso(p.succeededAt),
  };
}

export function toRefundView(r: RefundRow): RefundView {
  return {
    id: r.id,
    orderId: r.orderId,
    paymentId: r.paymentId,
    amountFen: r.amountFen,
    reason: r.reason,
    source: r.source,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    nextAttemptAt: r.status === 'succeeded' ? null : iso(r.nextAttemptAt),
    createdAt: r.createdAt.toISOString(),
    succeededAt: iso(r.succeededAt),
  };
}

/** By id alone: for callers that carry no store yet (the wallet, a provider's notification). */
export async function paymentById(db: Db, id: string, lock = false): Promise<PaymentRow | null> {
  const q = db.select().from(payments).where(eq(payments.id, id)).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function paymentsOfOrder(ctx: Ctx, orderId: string): Promise<PaymentRow[]> {
  return ctx.db
    .select()
    .from(payments)
    .where(and(eq(payments.storeId, ctx.storeId), eq(payments.orderId, orderId)))
    .orderBy(asc(payments.createdAt));
}

/**
 * Promises `amountFen` of one succeeded payment of the order (or of `paymentId`) to a refund: a conditional update,
 * so two refunds racing for the same money cannot both get it. Returns the payment, or null
 * when no single payment has that much left.
 */
export async function claimRefundable(ctx: Ctx, orderId: string, amountFen: number, paymentId?: string): Promise<PaymentRow | null> {
  const candidates = (await paymentsOfOrder(ctx, orderId))
    .filter((p) => (!paymentId || p.id === paymentId) && p.status === 'succeeded' && p.amountFen - p.refundedFen >= amountFen)
    .sort((a, b) => b.amountFen - b.refundedFen - (a.amountFen - a.refundedFen));
  for (const c of candidates) {
    const [row] = await ctx.db
      .update(payments)
      .set({ refundedFen: sql`${payments.refundedFen} + ${amountFen}` })
      .where(
        and(
          eq(payments.id, c.id),
          eq(payments.storeId, ctx.storeId),
          eq(payments.status, 'succeeded'),
          sql`${payments.amountFen} - ${payments.refundedFen} >= ${amountFen}`,
        ),
      )
      .returning();
    if (row) return row;
  }
  return null;
}

export async function refundByKey(ctx: Ctx, key: string): Promise<RefundRow | null> {
  const [row] = await ctx.db
    .select()
    .from(refunds)
    .where(and(eq(refunds.storeId, ctx.storeId), eq(refunds.idempotencyKey, key)))
    .limit(1);
  return row ?? null;
}

export async function refundById(ctx: Ctx, id: string, lock?: 'wait' | 'skip'): Promise<RefundRow | null> {
  const q = ctx.db
    .select()
    .from(refunds)
    .where(and(eq(refunds.storeId, ctx.storeId), eq(refunds.id, id)))
    .limit(1);
  const [row] = lock === 'wait' ? await q.for('update') : lock === 'skip' ? await q.for('update', { skipLocked: true }) : await q;
  return row ?? null;
}

export async function listRefunds(ctx: Ctx, f: { status?: RefundStatus; orderId?: string } = {}): Promise<RefundView[]> {
  const rows = await ctx.db
    .select()
    .from(refunds)
    .where(
      and(
        eq(refunds.storeId, ctx.storeId),
        f.status ? eq(refunds.status, f.status) : undefined,
        f.orderId ? eq(refunds.orderId, f.orderId) : undefined,
      ),
    )
    .orderBy(desc(refunds.createdAt), desc(refunds.id))
    .limit(500);
  return rows.map(toRefundView);
}

/** Refunds the retry job should try now, across stores. */
export async function dueRefunds(db: Db, now: Date, limit: number) {
  return db
    .select({ id: refunds.id, orgId: refunds.orgId, storeId: refunds.storeId })
    .from(refunds)
    .where(and(ne(refunds.status, 'succeeded'), lte(refunds.nextAttemptAt, now)))
    .orderBy(asc(refunds.nextAttemptAt))
    .limit(limit);
}

/** Sandbox payments the neighbour confirmed in [after, before] whose notification never arrived. */
export async function confirmedUnpaidSandbox(db: Db, after: Date, before: Date, limit: number): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.provider, 'sandbox'), eq(payments.status, 'created'), gte(payments.confirmedAt, after), lte(payments.confirmedAt, before)))
    .orderBy(asc(payments.confirmedAt))
    .limit(limit);
}
