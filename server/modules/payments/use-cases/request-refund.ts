import { idempotent } from '../../../idempotency/idempotent.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import type { RefundStatus } from '../contract.js';
import type { PaymentsEnv } from '../env.js';
import { claimRefundable, paymentsOfOrder, refundById } from '../payments.repo.js';
import { attemptRefund } from './attempt-refund.js';
import { insertPendingRefund } from './create-refund.js';

export interface RefundRequest {
  orderId: string;
  amountFen: number;
  reason: string;
  /** the same key returns the same refund; another request with it → IDEMPOTENCY_KEY_REUSED */
  idemKey: string;
}

/**
 * Refunds part or all of what an order paid. Never more than its succeeded payments minus the
 * refunds already promised (pending, succeeded, or failed and waiting for a retry): the money
 * is claimed from one payment by a conditional update, so concurrent requests cannot overdraw.
 * The provider is called once the refund is recorded; a failure leaves it in the retry queue.
 * Inside the caller's transaction, the whole of it joins that transaction.
 */
export async function requestRefund(ctx: Ctx, env: PaymentsEnv, i: RefundRequest): Promise<{ refundId: string; status: RefundStatus }> {
  if (!Number.isSafeInteger(i.amountFen) || i.amountFen <= 0) {
    throw new AppError('VALIDATION_FAILED', { field: 'amountFen', value: i.amountFen });
  }
  let fresh = false;
  const { refundId } = await idempotent(ctx, 'payments.refund', i.idemKey, { orderId: i.orderId, amountFen: i.amountFen, reason: i.reason }, async (tx) => {
    const payment = await claimRefundable(tx, i.orderId, i.amountFen);
    if (!payment) {
      const left = (await paymentsOfOrder(tx, i.orderId)).filter((p) => p.status === 'succeeded').map((p) => p.amountFen - p.refundedFen);
      throw new AppError('REFUND_EXCEEDS_PAID', { requestedFen: i.amountFen, refundableFen: Math.max(0, ...left) });
    }
    const row = await insertPendingRefund(tx, { payment, amountFen: i.amountFen, reason: i.reason, source: 'order', idemKey: i.idemKey });
    fresh = true;
    return { refundId: row.id };
  });
  if (fresh) {
    const view = await attemptRefund(ctx, env, refundId, { lock: 'wait' });
    if (view) return { refundId, status: view.status };
  }
  const row = await refundById(ctx, refundId);
  return { refundId, status: row!.status };
}
