import { inTx } from '../../../db/tx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import type { PayOrderResult } from '../contract.js';
import { lockOrder } from '../orders.repo.js';
import type { PaymentsPort } from '../ports.js';

/** The buyer starts paying an unpaid sandbox order; the payments module confirms it later (markPaid). */
export async function startOrderPayment(ctx: Ctx, orderId: string, payments: PaymentsPort): Promise<PayOrderResult> {
  return inTx(ctx, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (order.status !== 'pending_payment') throw new AppError('ORDER_STATE_INVALID', { from: order.status, to: 'paid' });
    if (order.paymentMethod !== 'sandbox') throw new AppError('PAYMENT_METHOD_UNAVAILABLE', { paymentMethod: order.paymentMethod });
    if (order.payBy && order.payBy.getTime() <= tx.clock.now().getTime()) {
      throw new AppError('ORDER_STATE_INVALID', { from: order.status, to: 'paid', payBy: order.payBy.toISOString() });
    }
    const p = await payments.startPayment(tx, { orderId: order.id, amountFen: order.totalFen, provider: 'sandbox' });
    if (!p.confirmToken) throw new Error('the sandbox provider returned no confirm token');
    return { paymentId: p.paymentId, provider: 'sandbox' as const, confirmToken: p.confirmToken };
  });
}
