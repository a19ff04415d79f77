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
  /**
   * Many refunds recorded pending in the caller's transaction, no provider called yet (a failed
   * 接龙 at cut-off); one per order. null where no single payment had the money left.
   */
  requestRefunds(
    ctx: Ctx,
    list: Array<{ orderId: string; amountFen: number; reason: string; idemKey: string }>,
  ): Promise<Array<{ refundId: string; status: 'pending' } | null>>;
  /** asks the providers for refunds requestRefunds recorded, once that transaction committed */
  attemptRefunds(ctx: Ctx, refundIds: string[]): Promise<{ succeeded: number; failed: number }>;
  /** money collected at the counter on verification (pay_at_pickup, or cash at the POS) */
  recordCounterPayment(ctx: Ctx, i: { orderId: string; amountFen: number; provider: 'pay_at_pickup' | 'cash' }): Promise<{ paymentId: string }>;
}

export interface OrdersPorts {
  payments: PaymentsPort;
}
