import { and, eq } from 'drizzle-orm';
import { systemCtx } from '../../../db/system-ctx.js';
import { inTx } from '../../../db/tx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { SandboxNotification } from '../contract.js';
import type { PaymentsEnv } from '../env.js';
import { paymentById } from '../payments.repo.js';
import { paymentNotifications } from '../tables.js';
import { attemptRefund } from './attempt-refund.js';
import { markPaymentSucceeded } from './mark-payment-succeeded.js';

export type NotifyOutcome = 'processed' | 'duplicate' | 'amount_mismatch' | 'unknown_payment' | 'signature_invalid';

const PROVIDER = 'sandbox';
/** what is kept of a body whose signature failed: enough to investigate, not a storage sink */
const UNVERIFIED_BODY_CHARS = 2048;

type LogRow = typeof paymentNotifications.$inferInsert;

/**
 * A signed notification from the sandbox wallet server. Checked in this order: signature (bad →
 * nothing changes), notify id already seen (→ the first outcome again), payment known, amount.
 * The payment becomes succeeded and the order is told in one transaction; a duplicate or a
 * replay changes nothing. A payment the order refuses is kept and refunded.
 */
export async function handleSandboxNotification(env: PaymentsEnv, rawBody: string, signature: string | undefined): Promise<{ outcome: NotifyOutcome }> {
  const receivedAt = env.clock.now();
  const base = { id: newId(), provider: PROVIDER, rawBody, receivedAt } satisfies Partial<LogRow>;
  if (!env.providers.sandbox.verifyNotification!(rawBody, signature)) {
    await env.db.insert(paymentNotifications).values({
      ...base,
      rawBody: rawBody.slice(0, UNVERIFIED_BODY_CHARS),
      notifyId: null,
      signatureOk: false,
      outcome: 'signature_invalid',
    });
    env.log('payments: sandbox notification with a bad signature refused');
    throw new AppError('PAYMENT_SIGNATURE_INVALID');
  }
  const n = parseBody(rawBody);
  const found = await paymentById(env.db, n.paymentId);
  if (!found || found.provider !== 'sandbox') {
    await env.db
      .insert(paymentNotifications)
      .values({ ...base, notifyId: n.notifyId, paymentId: n.paymentId, signatureOk: true, outcome: 'unknown_payment', processedAt: receivedAt })
      .onConflictDoNothing();
    throw new AppError('PAYMENT_NOT_FOUND', { paymentId: n.paymentId });
  }

  const ctx = systemCtx(env.db, found, 'payments.notify', { clock: env.clock, outboxWake: env.outboxWake });
  const result = await inTx(ctx, async (tx) => {
    const claimed = await tx.db
      .insert(paymentNotifications)
      .values({ ...base, notifyId: n.notifyId, storeId: found.storeId, paymentId: found.id, signatureOk: true, outcome: 'received' })
      .onConflictDoNothing()
      .returning({ id: paymentNotifications.id });
    if (claimed.length === 0) return { outcome: await replayedOutcome(tx.db, n.notifyId), refundId: null };

    const payment = (await paymentById(tx.db, found.id, true))!;
    let outcome: NotifyOutcome = 'processed';
    let refundId: string | null = null;
    if (payment.status === 'succeeded') outcome = 'duplicate';
    else if (payment.amountFen !== n.amountFen) outcome = 'amount_mismatch';
    else refundId = await markPaymentSucceeded(tx, env, payment, { providerRef: n.notifyId, paidAt: new Date(n.paidAt) });
    await tx.db
      .update(paymentNotifications)
      .set({ outcome, processedAt: tx.clock.now() })
      .where(eq(paymentNotifications.id, base.id));
    return { outcome, refundId };
  });

  // the order refused the payment: its refund is recorded; try it now (the job retries on failure)
  if (result.refundId) {
    await attemptRefund(ctx, env, result.refundId, { lock: 'wait' }).catch((e) => env.log(`refund ${result.refundId}: first attempt failed`, e));
  }
  if (result.outcome === 'amount_mismatch') {
    env.log(`payments: notification ${n.notifyId} for payment ${n.paymentId} says ${n.amountFen} fen, expected ${found.amountFen}`);
    throw new AppError('PAYMENT_AMOUNT_MISMATCH', { paymentId: n.paymentId });
  }
  return { outcome: result.outcome };
}

function parseBody(rawBody: string): SandboxNotification {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new AppError('VALIDATION_FAILED', { reason: 'notification body is not JSON' });
  }
  const r = SandboxNotification.safeParse(json);
  if (!r.success) throw new AppError('VALIDATION_FAILED', { issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  return r.data;
}

/** A notify id seen before: answer as the first time did, change nothing. */
async function replayedOutcome(db: PaymentsEnv['db'], notifyId: string): Promise<NotifyOutcome> {
  const [prior] = await db
    .select({ outcome: paymentNotifications.outcome })
    .from(paymentNotifications)
    .where(and(eq(paymentNotifications.provider, PROVIDER), eq(paymentNotifications.notifyId, notifyId), eq(paymentNotifications.signatureOk, true)))
    .limit(1);
  return prior?.outcome === 'amount_mismatch' || prior?.outcome === 'unknown_payment' ? prior.outcome : 'duplicate';
}
