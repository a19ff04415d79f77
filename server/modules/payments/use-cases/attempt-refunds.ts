import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emitMany } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { refundRetryDelayMs } from '../backoff.js';
import type { PaymentsEnv } from '../env.js';
import type { RefundResult } from '../providers/provider.js';
import { payments, refunds } from '../tables.js';

/** refunds per transaction, and provider calls in flight at once */
const CHUNK = 500;
const IN_FLIGHT = 16;

/**
 * `attemptRefund` for many refunds (those `requestRefunds` recorded, once their transaction has
 * committed): per chunk, one transaction locks the refunds not yet succeeded (skipping any a
 * retry worker holds), asks their providers (IN_FLIGHT at a time), and records every outcome
 * with set-based statements: succeeded ones with the order's callback, failed ones due again
 * after the back-off (the visible retry queue). Must be called outside a transaction.
 */
export async function attemptRefunds(ctx: Ctx, env: PaymentsEnv, refundIds: string[]): Promise<{ succeeded: number; failed: number }> {
  if (ctx.inTx) throw new Error('attemptRefunds calls providers: run it after the refunds were committed');
  const total = { succeeded: 0, failed: 0 };
  for (let i = 0; i < refundIds.length; i += CHUNK) {
    const r = await attemptChunk(ctx, env, refundIds.slice(i, i + CHUNK));
    total.succeeded += r.succeeded;
    total.failed += r.failed;
  }
  return total;
}

async function attemptChunk(ctx: Ctx, env: PaymentsEnv, ids: string[]): Promise<{ succeeded: number; failed: number }> {
  return inTx(ctx, async (tx) => {
    const rows = await tx.db
      .select()
      .from(refunds)
      .where(and(eq(refunds.storeId, tx.storeId), inArray(refunds.id, ids), ne(refunds.status, 'succeeded')))
      .for('update', { skipLocked: true });
    if (rows.length === 0) return { succeeded: 0, failed: 0 };
    const paid = new Map(
      (await tx.db.select().from(payments).where(inArray(payments.id, [...new Set(rows.map((r) => r.paymentId))]))).map((p) => [p.id, p]),
    );

    const results: RefundResult[] = new Array(rows.length);
    let next = 0;
    const worker = async () => {
      for (let k = next++; k < rows.length; k = next++) {
        const r = rows[k]!;
        const p = paid.get(r.paymentId)!;
        try {
          results[k] = await env.providers[p.provider].refund({
            refundId: r.id, storeId: r.storeId, paymentId: p.id, paymentProviderRef: p.providerRef, amountFen: r.amountFen, reason: r.reason,
          });
        } catch (e) {
          results[k] = { status: 'failed', error: e instanceof Error ? e.message : String(e) };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, rows.length) }, worker));

    const now = tx.clock.now();
    const ok = rows.map((r, k) => ({ r, res: results[k]! })).filter((x) => x.res.status === 'succeeded');
    const notOk = rows.map((r, k) => ({ r, res: results[k]! })).filter((x) => x.res.status !== 'succeeded');
    if (ok.length > 0) {
      const values = sql.join(ok.map((x) => sql`(${x.r.id}::uuid, ${x.res.providerRef ?? null}::text)`), sql`, `);
      await tx.db.execute(sql`update pay_refund r set status = 'succeeded', attempts = r.attempts + 1, last_error = null, next_attempt_at = null,
          provider_ref = v.ref, succeeded_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
          from (values ${values}) as v(id, ref) where r.id in ${ok.map((x) => x.r.id)} and r.id = v.id`);
      await emitMany(tx, ok.map((x) => ({ type: 'refund.succeeded' as const, payload: { refundId: x.r.id, orderId: x.r.orderId, paymentId: x.r.paymentId, amountFen: x.r.amountFen } })));
      const forOrders = ok.filter((x) => x.r.source === 'order').map((x) => ({ orderId: x.r.orderId, refundId: x.r.id, amountFen: x.r.amountFen }));
      if (forOrders.length > 0) await env.onRefundsSucceeded(tx, forOrders);
    }
    if (notOk.length > 0) {
      const values = sql.join(
        notOk.map((x) => {
          const attempts = x.r.attempts + 1;
          const error = x.res.error ?? (x.res.status === 'pending' ? null : 'refund failed');
          return sql`(${x.r.id}::uuid, ${x.res.status}::text, ${attempts}::int, ${error}::text, ${new Date(now.getTime() + refundRetryDelayMs(attempts)).toISOString()}::timestamptz)`;
        }),
        sql`, `,
      );
      await tx.db.execute(sql`update pay_refund r set status = v.status, attempts = v.attempts, last_error = v.error, next_attempt_at = v.next,
          updated_at = ${now.toISOString()}::timestamptz
          from (values ${values}) as v(id, status, attempts, error, next) where r.id in ${notOk.map((x) => x.r.id)} and r.id = v.id`);
      const failed = notOk.filter((x) => x.res.status === 'failed');
      for (const x of failed.slice(0, 3)) env.log(`refund ${x.r.id} failed (attempt ${x.r.attempts + 1}): ${x.res.error ?? 'refund failed'}`);
      if (failed.length > 3) env.log(`… and ${failed.length - 3} more refunds failed in this batch`);
      await emitMany(
        tx,
        failed.map((x) => ({
          type: 'refund.failed' as const,
          payload: {
            refundId: x.r.id, orderId: x.r.orderId, amountFen: x.r.amountFen, attempts: x.r.attempts + 1, error: x.res.error ?? 'refund failed',
            nextAttemptAt: new Date(now.getTime() + refundRetryDelayMs(x.r.attempts + 1)).toISOString(),
          },
        })),
      );
    }
    return { succeeded: ok.length, failed: notOk.length };
  });
}
