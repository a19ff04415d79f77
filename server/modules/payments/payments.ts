import { systemClock, type Clock } from '../../kernel/clock.js';
import type { Ctx, Db } from '../../kernel/ctx.js';
import type { Job } from '../../jobs/scheduler.js';
import type { PaymentView, RefundStatus, RefundView, StartedPayment } from './contract.js';
import type { PaymentCallbacks, PaymentsEnv } from './env.js';
import { listRefunds, paymentsOfOrder, toPaymentView } from './payments.repo.js';
import { counterProvider } from './providers/counter.js';
import { SandboxProvider } from './providers/sandbox.js';
import { SandboxWallet, type Deliver } from './sandbox-wallet.js';
import { handleSandboxNotification, type NotifyOutcome } from './use-cases/handle-notification.js';
import { recordCounterPayment, type CounterPaymentInput } from './use-cases/record-counter-payment.js';
import { attemptRefunds } from './use-cases/attempt-refunds.js';
import { requestRefund, type RefundRequest } from './use-cases/request-refund.js';
import { requestRefunds } from './use-cases/request-refunds.js';
import { RETRY_REFUNDS_JOB, retryDueRefunds, retryRefund } from './use-cases/retry-refunds.js';
import { startPayment, type StartPaymentInput } from './use-cases/start-payment.js';

export interface PaymentsOptions extends PaymentCallbacks {
  db: Db;
  /** HMAC secret of the sandbox wallet's notifications (config PAYMENT_SANDBOX_SECRET) */
  secret: string;
  /** how the sandbox wallet server reaches /api/payments/sandbox/notify */
  deliver: Deliver;
  clock?: Clock;
  outboxWake?: () => void;
  log?: (msg: string, err?: unknown) => void;
  /** the wallet's waits between delivery attempts (tests shorten them) */
  walletRetryDelaysMs?: number[];
}

/** The payments port: what orders (and the routes) use. */
export interface Payments {
  startPayment(ctx: Ctx, i: StartPaymentInput): Promise<StartedPayment>;
  requestRefund(ctx: Ctx, i: RefundRequest): Promise<{ refundId: string; status: RefundStatus }>;
  /** many refunds recorded pending in the caller's transaction (null: no single payment had the money); see request-refunds.ts */
  requestRefunds(ctx: Ctx, list: RefundRequest[]): Promise<Array<{ refundId: string; status: 'pending' } | null>>;
  /** asks the providers for refunds recorded by requestRefunds, after their commit; refused ones wait in the retry queue */
  attemptRefunds(ctx: Ctx, refundIds: string[]): Promise<{ succeeded: number; failed: number }>;
  recordCounterPayment(ctx: Ctx, i: CounterPaymentInput): Promise<{ paymentId: string }>;
  listRefunds(ctx: Ctx, f?: { status?: RefundStatus; orderId?: string }): Promise<RefundView[]>;
  listPayments(ctx: Ctx, orderId: string): Promise<PaymentView[]>;
  retryRefund(ctx: Ctx, refundId: string): Promise<RefundView>;
  /** the retry job's body; returns what it did */
  retryDueRefunds(): Promise<{ tried: number; succeeded: number }>;
  handleSandboxNotification(rawBody: string, signature: string | undefined): Promise<{ outcome: NotifyOutcome }>;
  /** the sandbox provider: `failRefunds` (all stores) and setFailRefunds(storeId, on) for tests and demos */
  sandbox: SandboxProvider;
  /** the sandbox wallet server: confirm (the wallet sheet's button), idle() for tests */
  wallet: SandboxWallet;
  jobs: Job[];
  stop(): Promise<void>;
}

export function createPayments(o: PaymentsOptions): Payments {
  const clock = o.clock ?? systemClock;
  const log = o.log ?? (() => {});
  const sandbox = new SandboxProvider(o.secret);
  const env: PaymentsEnv = {
    db: o.db,
    clock,
    outboxWake: o.outboxWake ?? (() => {}),
    log,
    sandbox,
    providers: { sandbox, pay_at_pickup: counterProvider('pay_at_pickup'), cash: counterProvider('cash') },
    onPaymentSucceeded: o.onPaymentSucceeded,
    onRefundSucceeded: o.onRefundSucceeded,
    onRefundsSucceeded: o.onRefundsSucceeded,
  };
  const wallet = new SandboxWallet({ db: o.db, clock, secret: o.secret, deliver: o.deliver, log, retryDelaysMs: o.walletRetryDelaysMs });
  return {
    startPayment: (ctx, i) => startPayment(ctx, env, i),
    requestRefund: (ctx, i) => requestRefund(ctx, env, i),
    requestRefunds: (ctx, list) => requestRefunds(ctx, list),
    attemptRefunds: (ctx, ids) => attemptRefunds(ctx, env, ids),
    recordCounterPayment: (ctx, i) => recordCounterPayment(ctx, i),
    listRefunds: (ctx, f) => listRefunds(ctx, f),
    listPayments: async (ctx, orderId) => (await paymentsOfOrder(ctx, orderId)).map(toPaymentView),
    retryRefund: (ctx, id) => retryRefund(ctx, env, id),
    retryDueRefunds: () => retryDueRefunds(env),
    handleSandboxNotification: (raw, sig) => handleSandboxNotification(env, raw, sig),
    sandbox,
    wallet,
    jobs: [
      { name: RETRY_REFUNDS_JOB, everyMs: 30_000, run: async () => void (await retryDueRefunds(env)) },
      { name: 'payments.sandbox-redeliver', everyMs: 60_000, run: async () => void (await wallet.redeliverStale()) },
    ],
    stop: () => wallet.stop(),
  };
}
