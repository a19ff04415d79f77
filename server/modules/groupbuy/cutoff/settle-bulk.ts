import { and, eq, inArray } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { cancelOrdersBulk, type PaymentsPort } from '../../orders/index.js';
import { lockEntries, withdrawEntries } from '../join/release-entries.js';
import { gbEntries } from '../tables.js';

export interface ChunkResult {
  /** entries whose step is done (committed) */
  done: number;
  /** refunds recorded pending, for payments.attemptRefunds once committed */
  refundIds: string[];
  /** orders left as they were (their refund could not be promised): tried again on the next run */
  errors: unknown[];
}

/**
 * The 'fail' step (a failed or cancelled campaign) for a chunk of orders, in one transaction:
 * entries locked (those already settled skipped), every open order cancelled or refunded in
 * full (cancelOrdersBulk), the caps given back (withdrawEntries) and the entries marked settled —
 * so a second run, or a run after a crash, never refunds an order twice.
 */
export async function failChunk(ctx: Ctx, orderIds: string[], o: { payments: PaymentsPort; reason: string }): Promise<ChunkResult> {
  return inTx(ctx, async (tx) => {
    const entries = (await lockEntries(tx, orderIds)).filter((e) => !e.settled);
    if (entries.length === 0) return { done: 0, refundIds: [], errors: [] };
    const { outcomes, refundIds } = await cancelOrdersBulk(tx, entries.map((e) => e.orderId), o.reason, o.payments);
    const errors: unknown[] = [];
    const ok = entries.filter((e) => {
      const out = outcomes.get(e.orderId);
      if (out?.outcome === 'refused') errors.push(out.error);
      return out?.outcome !== 'refused';
    });
    await withdrawEntries(tx, ok.map((e) => e.orderId));
    if (ok.length > 0) {
      await tx.db
        .update(gbEntries)
        .set({ settled: true })
        .where(and(eq(gbEntries.storeId, tx.storeId), inArray(gbEntries.id, ok.map((e) => e.id))));
    }
    return { done: ok.length, refundIds, errors };
  });
}

/**
 * The 'drop' step at cut-off for a chunk: an active entry whose order is still an unpaid
 * sandbox order (checked under the lock) is cancelled and gives its caps back; it is not
 * marked settled (the failed/formed step after the decision skips it as withdrawn).
 */
export async function dropChunk(ctx: Ctx, orderIds: string[], o: { payments: PaymentsPort; reason: string }): Promise<ChunkResult> {
  return inTx(ctx, async (tx) => {
    const entries = (await lockEntries(tx, orderIds)).filter((e) => !e.settled && e.active);
    if (entries.length === 0) return { done: 0, refundIds: [], errors: [] };
    const { outcomes } = await cancelOrdersBulk(tx, entries.map((e) => e.orderId), o.reason, o.payments, {
      only: (order) => order.status === 'pending_payment' && order.paymentMethod === 'sandbox' && order.paidFen === 0,
    });
    const cancelled = entries.filter((e) => outcomes.get(e.orderId)?.outcome === 'cancelled');
    await withdrawEntries(tx, cancelled.map((e) => e.orderId));
    return { done: cancelled.length, refundIds: [], errors: [] };
  });
}
