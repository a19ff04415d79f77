import type { PaymentProviderName } from '../contract.js';

export interface PrepayInput {
  paymentId: string;
  storeId: string;
  orderId: string;
  amountFen: number;
}

export interface PrepayResult {
  /** handed to the client (wallet sheet, SDK); never stored in the clear */
  clientPayload: Record<string, string>;
  /** SHA-256 of a one-time client secret in the payload, stored to check the client's confirm */
  confirmTokenHash?: string;
  providerRef?: string;
}

export interface RefundInput {
  /** our refund id: providers take it as their idempotency key (out_refund_no) */
  refundId: string;
  storeId: string;
  paymentId: string;
  paymentProviderRef: string | null;
  amountFen: number;
  reason: string;
}

export interface RefundResult {
  status: 'succeeded' | 'failed' | 'pending';
  providerRef?: string;
  error?: string;
}

/** What a provider's notification says, once its signature checked out. */
export interface VerifiedNotification {
  notifyId: string;
  paymentId: string;
  amountFen: number;
  paidAt: Date;
}

/** A way to take money. Asynchronous providers also verify the notifications they send. */
export interface PaymentProvider {
  name: PaymentProviderName;
  prepay(p: PrepayInput): Promise<PrepayResult>;
  refund(p: RefundInput): Promise<RefundResult>;
  /** checks the signature of a raw notification body; false when it does not match */
  verifyNotification?(rawBody: string, signature: string | undefined): boolean;
}
