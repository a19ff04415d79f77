import { eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { refundRetryDelayMs } from '../backoff.js';
import type { RefundView } from '../contract.js';
import type { PaymentsEnv } from '../env.js';
import { paymentById, refundById, toRefundView } from '../payments.repo.js';
import type { RefundResult } from '../providers/provider.js';
import { refunds } from '../tables.js';

export interface AttemptOptions {
  /** wait for a refund another worker holds, or skip it (the retry job) */
  lock: 'wait' | 'skip';
  /** only when it is due (the retry job: a manual retry may have just done it) */
  dueOnly?: boolean;
}

/**
 * Asks the payment's provider to refund, and records the outcome in one transaction with the
 * order's callback. The refund row is locked meanwhile, so two workers never call the provider
 * for it at once (providers also take the refund id as their idempotency key).
 * Returns null when the row was skipped (locked elsewhere).
 */
export async function attemptRefund(ctx: Ctx, env: PaymentsEnv, refundId: string, o: AttemptOptions): Promise<RefundView | null> {
  return inTx(ctx, async (tx) => {
    const r = await refundById(tx, refundId, o.lock);
    if (!r) return null;
    const now = tx.clock.now();
    if (r.status === 'succeeded' || (o.dueOnly && (!r.nextAttemptAt || r.nextAttemptAt > now))) return toRefundView(r);
    const payment = (await paymentById(tx.db, r.paymentId))!;
    let res: RefundResult;
    try {
      res = await env.providers[payment.provider].refund({
        refundId: r.id,
        storeId: r.storeId,
        paymentId: payment.id,
        paymentProviderRef: payment.providerRef,
        amountFen: r.amountFen,
        reason: r.reason,
      });
    } catch (e) {
      res = { status: 'failed', error: e instanceof Error ? e.message : String(e) };
    }
    const attempts = r.attempts + 1;
    if (res.status === 'succeeded') {
      const [done] = await tx.db
        .update(refunds)
        .set({ status: 'succeeded', attempts, lastError: null, nextAttemptAt: null, providerRef: res.providerRef ?? null, succeededAt: now, updatedAt: now })
        .where(eq(refunds.id, r.id))
        .returning();
      await emit(tx, 'refund.succeeded', { refundId: r.id, orderId: r.orderId, paymentId: r.paymentId, amountFen: r.amountFen });
      // a refund of a payment the order refused is none of the order's business
      if (r.source === 'order') await env.onRefundSucceeded(tx, { orderId: r.orderId, refundId: r.id, amountFen: r.amountFen });
      return toRefundView(done!);
    }
    const next = new Date(now.getTime() + refundRetryDelayMs(attempts));
    const error = res.error ?? (res.status === 'pending' ? null : 'refund failed');
    const [row] = await tx.db
      .update(refunds)
      .set({ status: res.status, attempts, lastError: error, nextAttemptAt: next, updatedAt: now })
      .where(eq(refunds.id, r.id))
      .returning();
    if (res.status === 'failed') {
      env.log(`refund ${r.id} failed (attempt ${attempts}): ${error}`);
      await emit(tx, 'refund.failed', { refundId: r.id, orderId: r.orderId, amountFen: r.amountFen, attempts, error: error ?? '', nextAttemptAt: next.toISOString() });
    }
    return toRefundView(row!);
  });
}
