import type { Ctx } from '../../kernel/ctx.js';

/**
 * What orders need of payments. Payments calls orders back (markPaid), so orders never imports
 * it: app.ts passes these functions in (no import cycle). Each runs in the caller's transaction.
 */
export interface PaymentsPort {
  startPayment(
    ctx: Ctx,
    i: { orderId: string; amountFen: number; provider: 'sandbox' },
  ): Promise<{ paymentId: string; provider: string; confirmToken?: string }>;
  requestRefund(
    ctx: Ctx,
    i: { orderId: string; amountFen: number; reason: string; idemKey: string },
  ): Promise<{ refundId: string; status: 'succeeded' | 'failed' | 'pending' }>;
  /** money collected at the counter on verification (pay_at_pickup, or cash at the POS) */
  recordCounterPayment(ctx: Ctx, i: { orderId: string; amountFen: number; provider: 'pay_at_pickup' | 'cash' }): Promise<{ paymentId: string }>;
}

export interface OrdersPorts {
  payments: PaymentsPort;
}
