import { eq } from 'drizzle-orm';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { isAppError } from '../../../kernel/errors.js';
import type { PaymentsEnv } from '../env.js';
import { claimRefundable, type PaymentRow } from '../payments.repo.js';
import { inSavepoint } from '../savepoint.js';
import { payments } from '../tables.js';
import { insertPendingRefund } from './create-refund.js';

/**
 * Marks a locked, not yet succeeded payment succeeded and tells the order, in the caller's
 * transaction. The money has moved whatever the order says: when the order will not take it
 * (cancelled meanwhile, already paid by another payment, out of stock) the payment stays succeeded and a
 * full refund is recorded. Returns that refund's id, to be attempted after commit.
 */
export async function markPaymentSucceeded(
  tx: Ctx,
  env: PaymentsEnv,
  payment: PaymentRow,
  p: { providerRef: string; paidAt: Date },
): Promise<string | null> {
  await tx.db
    .update(payments)
    .set({ status: 'succeeded', succeededAt: p.paidAt, providerRef: p.providerRef })
    .where(eq(payments.id, payment.id));
  const paid = { paymentId: payment.id, orderId: payment.orderId, amountFen: payment.amountFen };
  await emit(tx, 'payment.succeeded', { ...paid, provider: payment.provider });
  try {
    // a savepoint: the order's own writes are undone if it refuses, ours are kept
    await inSavepoint(tx, (sp) => env.onPaymentSucceeded(sp, paid));
    return null;
  } catch (e) {
    // an AppError is the order's answer (cancelled, already paid, amount or stock refused);
    // anything else is a fault: roll back, the provider will notify again
    if (!isAppError(e)) throw e;
    const claimed = await claimRefundable(tx, payment.orderId, payment.amountFen, payment.id);
    const refund = await insertPendingRefund(tx, {
      payment: claimed!,
      amountFen: payment.amountFen,
      reason: `order refused the payment (${e.code})`,
      source: 'rejected_payment',
      idemKey: `rejected:${payment.id}`,
    });
    await emit(tx, 'payment.rejected_by_order', { ...paid, refundId: refund.id });
    return refund.id;
  }
}
