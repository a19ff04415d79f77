/**
 * Payments: a port with providers (sandbox, pay at pickup, cash). Orders call the port; payments
 * tell orders through the callbacks app.ts wires (onPaymentSucceeded → orders.markPaid), so
 * payments never imports orders.
 */
import './events.js';

export { createPayments, type Payments, type PaymentsOptions } from './payments.js';
export type { PaymentCallbacks } from './env.js';
export type { PaymentProvider, RefundResult } from './providers/provider.js';
export { signSandboxBody } from './providers/sandbox.js';
export { httpDeliver, injectDeliver, SANDBOX_NOTIFY_PATH, type Deliver } from './sandbox-wallet.js';
export { registerPaymentsRoutes } from './routes.js';
export type { StartPaymentInput } from './use-cases/start-payment.js';
export type { RefundRequest } from './use-cases/request-refund.js';
export type { CounterPaymentInput } from './use-cases/record-counter-payment.js';
export { RETRY_REFUNDS_JOB } from './use-cases/retry-refunds.js';
export * from './contract.js';
