import { and, eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { cancelOrder, type OrderView, type PaymentsPort } from '../../orders/index.js';
import { gbEntries } from '../tables.js';
import { releaseEntry } from './caps.js';

/** The entry of an order, row-locked (always before the order: one lock order with the cut-off). */
export async function lockEntry(ctx: Ctx, orderId: string) {
  const [entry] = await ctx.db
    .select()
    .from(gbEntries)
    .where(and(eq(gbEntries.orderId, orderId), eq(gbEntries.storeId, ctx.storeId)))
    .for('update');
  return entry ?? null;
}

/** Gives the caps of an order's entry back once (the order was cancelled or fully refunded). */
export async function withdrawEntry(ctx: Ctx, orderId: string): Promise<boolean> {
  return inTx(ctx, async (tx) => {
    const entry = await releaseEntry(tx, orderId);
    if (entry) await emit(tx, 'groupbuy.entry_withdrawn', { campaignId: entry.campaignId, orderId, seq: entry.seq, at: tx.clock.now().toISOString() });
    return entry !== null;
  });
}

/**
 * 随时退: the neighbour withdraws their join before pickup: the order is cancelled (refunded in
 * full when paid) and the caps are given back, in one transaction.
 */
export async function cancelMyEntry(ctx: Ctx, customerId: string, campaignId: string, orderId: string, payments: PaymentsPort): Promise<OrderView> {
  return inTx(ctx, async (tx) => {
    const entry = await lockEntry(tx, orderId);
    if (!entry || entry.customerId !== customerId || entry.campaignId !== campaignId) throw new AppError('ORDER_NOT_FOUND', { orderId });
    const order = await cancelOrder(tx, orderId, 'customer_cancelled', payments);
    await withdrawEntry(tx, orderId);
    return order;
  });
}
