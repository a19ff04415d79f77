import type { PaymentProviderName } from './contract.js';

declare module '../../kernel/events.js' {
  interface DomainEvents {
    'payment.started': { paymentId: string; orderId: string; amountFen: number; provider: PaymentProviderName };
    'payment.succeeded': { paymentId: string; orderId: string; amountFen: number; provider: PaymentProviderName };
    /** the order would not take the payment (cancelled meanwhile, already paid): it is refunded */
    'payment.rejected_by_order': { paymentId: string; orderId: string; amountFen: number; refundId: string };
    'refund.requested': { refundId: string; orderId: string; paymentId: string; amountFen: number };
    'refund.succeeded': { refundId: string; orderId: string; paymentId: string; amountFen: number };
    'refund.failed': { refundId: string; orderId: string; amountFen: number; attempts: number; error: string; nextAttemptAt: string | null };
  }
}

export {};
