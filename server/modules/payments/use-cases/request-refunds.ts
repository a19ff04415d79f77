import { and, eq, inArray, sql } from 'drizzle-orm';
import { insertJsonRows } from '../../../db/json-rows.js';
import { queryRows } from '../../../db/raw.js';
import { emitMany } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { refundRetryDelayMs } from '../backoff.js';
import type { PaymentRow } from '../payments.repo.js';
import { payments, refunds } from '../tables.js';
import type { RefundRequest } from './request-refund.js';

/**
 * `requestRefund` for many orders at once, in the caller's transaction (set-based use cases: the
 * orders of a failed 接龙 at cut-off). Each refund's money is claimed from one succeeded payment
 * of its order by one conditional UPDATE for the whole list (never more than the payment took
 * minus what is already promised), and the refunds are written `pending`, due at once for the
 * retry job. The providers are NOT called here: the caller commits, then calls `attemptRefunds`;
 * a crash in between leaves the refunds queued, and providers take our refund id as their
 * idempotency key, so no refund is ever paid twice.
 * Returns one entry per request, in order: the refund id, or null when no single payment of that
 * order had the money left (the caller falls back to `requestRefund`, which says why).
 */
export async function requestRefunds(ctx: Ctx, list: RefundRequest[]): Promise<Array<{ refundId: string; status: 'pending' } | null>> {
  if (!ctx.inTx) throw new Error('requestRefunds must run inside a transaction');
  for (const i of list) {
    if (!Number.isSafeInteger(i.amountFen) || i.amountFen <= 0) throw new AppError('VALIDATION_FAILED', { field: 'amountFen', value: i.amountFen });
  }
  if (new Set(list.map((i) => i.orderId)).size !== list.length) throw new Error('requestRefunds: one refund per order in a call');
  if (list.length === 0) return [];

  // the payment each refund draws on: the succeeded one with the most left that covers it
  const rows = await ctx.db
    .select()
    .from(payments)
    .where(and(eq(payments.storeId, ctx.storeId), inArray(payments.orderId, list.map((i) => i.orderId)), eq(payments.status, 'succeeded')));
  const pick = new Map<string, PaymentRow>();
  for (const i of list) {
    const best = rows
      .filter((p) => p.orderId === i.orderId && p.amountFen - p.refundedFen >= i.amountFen)
      .sort((a, b) => b.amountFen - b.refundedFen - (a.amountFen - a.refundedFen))[0];
    if (best) pick.set(i.orderId, best);
  }
  const wanted = list.filter((i) => pick.has(i.orderId));
  const claimed = new Map<string, PaymentRow>(); // orderId → the payment its refund draws on
  if (wanted.length > 0) {
    const values = sql.join(
      wanted.map((i) => sql`(${pick.get(i.orderId)!.id}::uuid, ${i.amountFen}::int)`),
      sql`, `,
    );
    // the same guard as claimRefundable, for every row at once: a row whose money went elsewhere meanwhile is not updated.
    // `p.id in (…)` as well as the join: the primary key is used even when the table's statistics are stale
    // (a freshly imported table looks empty to the planner, which then joins by a nested loop over all of it)
    const done = await queryRows<{ id: string; order_id: string }>(
      ctx.db,
      sql`update pay_payment p set refunded_fen = p.refunded_fen + v.amt
          from (values ${values}) as v(id, amt)
          where p.id in ${wanted.map((i) => pick.get(i.orderId)!.id)} and p.id = v.id and p.store_id = ${ctx.storeId} and p.status = 'succeeded' and p.amount_fen - p.refunded_fen >= v.amt
          returning p.id, p.order_id`,
    );
    for (const p of done) claimed.set(p.order_id, pick.get(p.order_id)!);
  }

  const now = ctx.clock.now();
  const due = new Date(now.getTime() + refundRetryDelayMs(0));
  const out: Array<{ refundId: string; status: 'pending' } | null> = [];
  const inserts = [];
  for (const i of list) {
    const p = claimed.get(i.orderId);
    if (!p) {
      out.push(null);
      continue;
    }
    const id = newId();
    out.push({ refundId: id, status: 'pending' });
    inserts.push({
      id, orgId: ctx.orgId, storeId: ctx.storeId, orderId: i.orderId, paymentId: p.id, amountFen: i.amountFen,
      reason: i.reason, source: 'order' as const, status: 'pending' as const, idempotencyKey: i.idemKey,
      nextAttemptAt: due, createdAt: now, updatedAt: now,
    });
  }
  if (inserts.length > 0) {
    await ctx.db.execute(insertJsonRows(refunds, inserts));
    await emitMany(ctx, inserts.map((r) => ({ type: 'refund.requested' as const, payload: { refundId: r.id, orderId: r.orderId, paymentId: r.paymentId, amountFen: r.amountFen } })));
  }
  return out;
}
