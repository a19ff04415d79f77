import type { Clock } from '../../kernel/clock.js';
import type { Ctx, Db } from '../../kernel/ctx.js';
import type { PaymentProviderName } from './contract.js';
import type { PaymentProvider } from './providers/provider.js';
import type { SandboxProvider } from './providers/sandbox.js';

/** The order side of the port, wired in app.ts (payments never imports orders). */
export interface PaymentCallbacks {
  /**
   * Called in the transaction that marks the payment succeeded (in a savepoint). Throw an
   * AppError (ORDER_STATE_INVALID, ORDER_NOT_FOUND, INSUFFICIENT_STOCK …) when the order will
   * not take the money (cancelled meanwhile, already paid): its writes are undone, the payment is
   * kept and refunded in full automatically (no onRefundSucceeded for that refund). Any other
   * error rolls the whole notification back; the provider notifies again.
   */
  onPaymentSucceeded(ctx: Ctx, p: { orderId: string; paymentId: string; amountFen: number }): Promise<void>;
  /**
   * Called in the transaction that records a succeeded refund the order asked for: at once when
   * the provider answers in requestRefund (before requestRefund returns), or later from a retry.
   */
  onRefundSucceeded(ctx: Ctx, p: { orderId: string; refundId: string; amountFen: number }): Promise<void>;
  /** The same for many refunds at once (attemptRefunds): one call per batch, in its transaction. */
  onRefundsSucceeded(ctx: Ctx, list: Array<{ orderId: string; refundId: string; amountFen: number }>): Promise<void>;
}

/** What the use cases of this module run with; built once by createPayments. */
export interface PaymentsEnv extends PaymentCallbacks {
  /** the root database, for work that starts outside a request (notifications, jobs) */
  db: Db;
  clock: Clock;
  outboxWake(): void;
  providers: Record<PaymentProviderName, PaymentProvider>;
  sandbox: SandboxProvider;
  log(msg: string, err?: unknown): void;
}
