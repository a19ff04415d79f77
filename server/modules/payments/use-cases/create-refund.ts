import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { newId } from '../../../kernel/ids.js';
import { refundRetryDelayMs } from '../backoff.js';
import type { PaymentRow, RefundRow } from '../payments.repo.js';
import { refunds } from '../tables.js';

/**
 * Writes a pending refund of money already promised to it (payment.refunded_fen raised by the
 * caller). Its first attempt follows at once; `next_attempt_at` is the safety net should that
 * attempt never happen (crash), so the retry job picks it up.
 */
export async function insertPendingRefund(
  tx: Ctx,
  r: { payment: PaymentRow; amountFen: number; reason: string; source: RefundRow['source']; idemKey: string },
): Promise<RefundRow> {
  const now = tx.clock.now();
  const [row] = await tx.db
    .insert(refunds)
    .values({
      id: newId(),
      orgId: tx.orgId,
      storeId: tx.storeId,
      orderId: r.payment.orderId,
      paymentId: r.payment.id,
      amountFen: r.amountFen,
      reason: r.reason,
      source: r.source,
      status: 'pending',
      idempotencyKey: r.idemKey,
      nextAttemptAt: new Date(now.getTime() + refundRetryDelayMs(0)),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await emit(tx, 'refund.requested', { refundId: row!.id, orderId: row!.orderId, paymentId: row!.paymentId, amountFen: row!.amountFen });
  return row!;
}
