import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import { actorId, type Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { payments } from '../tables.js';

export interface CounterPaymentInput {
  orderId: string;
  amountFen: number;
  /** pay_at_pickup (an order paid on verification) or cash (POS) */
  provider?: 'pay_at_pickup' | 'cash';
}

/**
 * Records money the counter collected. The caller (orders, on verification or at the POS) is
 * the one that knows the order is paid, so onPaymentSucceeded is not called back.
 */
export async function recordCounterPayment(ctx: Ctx, i: CounterPaymentInput): Promise<{ paymentId: string }> {
  if (!Number.isSafeInteger(i.amountFen) || i.amountFen <= 0) {
    throw new AppError('VALIDATION_FAILED', { field: 'amountFen', value: i.amountFen });
  }
  const provider = i.provider ?? 'pay_at_pickup';
  const paymentId = newId();
  return inTx(ctx, async (tx) => {
    const now = tx.clock.now();
    await tx.db.insert(payments).values({
      id: paymentId,
      orgId: tx.orgId,
      storeId: tx.storeId,
      orderId: i.orderId,
      provider,
      amountFen: i.amountFen,
      status: 'succeeded',
      providerRef: `counter:${actorId(tx.actor)}`,
      createdAt: now,
      succeededAt: now,
    });
    await emit(tx, 'payment.succeeded', { paymentId, orderId: i.orderId, amountFen: i.amountFen, provider });
    return { paymentId };
  });
}
