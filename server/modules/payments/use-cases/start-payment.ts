import { and, eq, inArray } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { PaymentProviderName, StartedPayment } from '../contract.js';
import type { PaymentsEnv } from '../env.js';
import { payments } from '../tables.js';

export interface StartPaymentInput {
  orderId: string;
  amountFen: number;
  provider: PaymentProviderName;
}

/**
 * Opens a payment for an order with an online provider and returns what the client needs to
 * pay. An earlier open payment of the order is closed: the newest wallet sheet is the one to
 * use. (Should the old one still succeed, the order refuses it and it is refunded.)
 */
export async function startPayment(ctx: Ctx, env: PaymentsEnv, i: StartPaymentInput): Promise<StartedPayment> {
  if (!Number.isSafeInteger(i.amountFen) || i.amountFen <= 0) {
    throw new AppError('VALIDATION_FAILED', { field: 'amountFen', value: i.amountFen });
  }
  const provider = env.providers[i.provider];
  if (!provider) throw new AppError('PAYMENT_METHOD_UNAVAILABLE', { provider: i.provider });
  const paymentId = newId();
  const pre = await provider.prepay({ paymentId, storeId: ctx.storeId, orderId: i.orderId, amountFen: i.amountFen });
  return inTx(ctx, async (tx) => {
    // SKIP LOCKED: a payment whose notification is being handled right now holds its row and
    // waits for the order's; closing it here (under the order's lock) would deadlock. It is
    // about to succeed anyway, and a second success is refused by the order and refunded.
    const open = await tx.db
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.storeId, tx.storeId), eq(payments.orderId, i.orderId), eq(payments.status, 'created')))
      .for('update', { skipLocked: true });
    if (open.length > 0) {
      await tx.db
        .update(payments)
        .set({ status: 'closed' })
        .where(and(inArray(payments.id, open.map((o) => o.id)), eq(payments.status, 'created')));
    }
    await tx.db.insert(payments).values({
      id: paymentId,
      orgId: tx.orgId,
      storeId: tx.storeId,
      orderId: i.orderId,
      provider: i.provider,
      amountFen: i.amountFen,
      status: 'created',
      providerRef: pre.providerRef ?? null,
      confirmTokenHash: pre.confirmTokenHash ?? null,
      createdAt: tx.clock.now(),
    });
    await emit(tx, 'payment.started', { paymentId, orderId: i.orderId, amountFen: i.amountFen, provider: i.provider });
    return { paymentId, provider: i.provider, confirmToken: pre.clientPayload.confirmToken };
  });
}
