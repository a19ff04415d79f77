import { z } from 'zod';

/** Browser-safe schemas of the payments module (the web client imports these). */
export const PaymentProviderName = z.enum(['sandbox', 'pay_at_pickup', 'cash']);
export type PaymentProviderName = z.infer<typeof PaymentProviderName>;

export const PaymentStatus = z.enum(['created', 'succeeded', 'failed', 'closed']);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const RefundStatus = z.enum(['pending', 'succeeded', 'failed']);
export type RefundStatus = z.infer<typeof RefundStatus>;

/** What the shop needs to open the sandbox wallet sheet. */
export const StartedPayment = z.object({
  paymentId: z.uuid(),
  provider: PaymentProviderName,
  confirmToken: z.string().optional(),
});
export type StartedPayment = z.infer<typeof StartedPayment>;

export const SandboxConfirmBody = z.object({
  paymentId: z.uuid(),
  confirmToken: z.string().min(16).max(200),
});

export const SandboxConfirmResult = z.object({
  paymentId: z.uuid(),
  /** the wallet accepted; the store learns of it through the notification that follows */
  status: z.literal('processing'),
});

/** The body the sandbox wallet server signs and POSTs to /api/payments/sandbox/notify. */
export const SandboxNotification = z.object({
  notifyId: z.string().min(8).max(100),
  paymentId: z.uuid(),
  amountFen: z.number().int().positive(),
  status: z.literal('SUCCESS'),
  paidAt: z.iso.datetime(),
});
export type SandboxNotification = z.infer<typeof SandboxNotification>;

export const SANDBOX_SIGNATURE_HEADER = 'x-linli-sandbox-signature';

export const NotifyAck = z.object({ code: z.literal('SUCCESS') });

export const PaymentView = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  provider: PaymentProviderName,
  amountFen: z.number().int(),
  status: PaymentStatus,
  refundedFen: z.number().int(),
  createdAt: z.iso.datetime(),
  succeededAt: z.iso.datetime().nullable(),
});
export type PaymentView = z.infer<typeof PaymentView>;

export const RefundView = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  paymentId: z.uuid(),
  amountFen: z.number().int(),
  reason: z.string(),
  source: z.enum(['order', 'rejected_payment']),
  status: RefundStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** when the retry job tries again (failed or pending refunds) */
  nextAttemptAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  succeededAt: z.iso.datetime().nullable(),
});
export type RefundView = z.infer<typeof RefundView>;

export const RefundListQuery = z.object({ status: RefundStatus.optional() });

export const RefundIdParams = z.object({ id: z.uuid() });

export const SandboxSettings = z.object({ failRefunds: z.boolean() });
export type SandboxSettings = z.infer<typeof SandboxSettings>;
