import { and, eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { getSkusForSale } from '../../catalog/index.js';
import { grantCredit } from '../../customers/index.js';
import { notify } from '../../notifications/index.js';
import { cancelOrder, closeKeepingMoney, getOrder, refundOrder, type OrderView, type PaymentsPort } from '../../orders/index.js';
import type { NoShowOutcome } from '../contract.js';
import { gbNoShows } from '../tables.js';
import { noShowTimes } from './schedule.js';

export const NO_SHOW_REASON = 'no_show';
export const NO_SHOW_CREDIT_REASON = 'no_show_store_credit';

export interface NoShowCandidate {
  orderId: string;
  campaignId: string;
  pickupDate: string;
}

export interface NoShowOptions {
  graceDays: number;
  zone: string;
  payments: PaymentsPort;
}

type Row = typeof gbNoShows.$inferSelect;

/**
 * One order's next step on the 未提货 ladder, at most once each: the ladder row is locked and its
 * step written in the same transaction as the step's effect (reminder message, refund, credit,
 * release), so a second run or a run after a crash finds the step done.
 * - from 18:00 on the pickup day: a reminder (pickup_reminder) to the buyer
 * - from the start of the day after the grace days: closed (see closeNoShow)
 * Orders that are picked up, cancelled or refunded leave the ladder; unready ones are left alone.
 */
export async function advanceNoShow(ctx: Ctx, c: NoShowCandidate, o: NoShowOptions): Promise<'reminded' | 'closed' | 'left' | null> {
  const { remindAt, closeAt } = noShowTimes(c.pickupDate, o.graceDays, o.zone);
  const now = ctx.clock.now();
  if (now < remindAt) return null;
  const peek = await getOrder(ctx, c.orderId);
  if (peek.status === 'paid' || peek.status === 'pending_payment') return null; // goods not in store yet: no ladder
  return inTx(ctx, async (tx) => {
    await tx.db.insert(gbNoShows).values({ orderId: c.orderId, orgId: tx.orgId, storeId: tx.storeId, campaignId: c.campaignId, step: 'waiting', createdAt: now }).onConflictDoNothing();
    const [row] = await tx.db.select().from(gbNoShows).where(and(eq(gbNoShows.orderId, c.orderId), eq(gbNoShows.storeId, tx.storeId))).for('update');
    if (!row || row.step === 'closed') return null;
    const order = await getOrder(tx, c.orderId);
    if (order.status !== 'ready_for_pickup') {
      await mark(tx, row, { step: 'closed', closedAt: now, outcome: order.status === 'picked_up' ? 'picked_up' : 'withdrawn' });
      return 'left';
    }
    if (now >= closeAt) {
      await closeNoShow(tx, row, order, o.payments);
      return 'closed';
    }
    if (row.step !== 'waiting') return null;
    if (order.customerId) await notify(tx, { to: { customerId: order.customerId }, template: 'pickup_reminder', params: { orderId: order.id, pickupCode: order.pickupCode } });
    await mark(tx, row, { step: 'reminded', remindedAt: now });
    await emit(tx, 'groupbuy.no_show_reminded', { orderId: order.id, campaignId: c.campaignId });
    return 'reminded';
  });
}

async function mark(ctx: Ctx, row: Row, patch: Partial<Pick<Row, 'step' | 'remindedAt' | 'closedAt' | 'outcome' | 'refundFen' | 'creditFen'>>) {
  await ctx.db.update(gbNoShows).set(patch).where(and(eq(gbNoShows.orderId, row.orderId), eq(gbNoShows.storeId, ctx.storeId)));
}

/**
 * Closes a no-show: unpaid (pay at pickup) → cancelled; paid → what is left is refunded in full,
 * except the lines whose product keeps the money as store credit (noShowPolicy), valued at the
 * price charged and never above what is refundable. Every held unit goes back to sale through
 * the inventory ledger (release movements, inside cancel / refund / closeKeepingMoney).
 */
async function closeNoShow(ctx: Ctx, row: Row, order: OrderView, payments: PaymentsPort): Promise<void> {
  const now = ctx.clock.now();
  let refundFen = 0;
  let creditFen = 0;
  let outcome: NoShowOutcome;
  if (order.paidFen === 0) {
    await cancelOrder(ctx, order.id, NO_SHOW_REASON);
    outcome = 'cancelled_unpaid';
  } else {
    const refundable = order.paidFen - order.refundedFen;
    const skus = await getSkusForSale(ctx, order.lines.map((l) => l.skuId));
    const credit = (l: OrderView['lines'][number]) => skus.get(l.skuId)?.noShowPolicy === 'store_credit';
    const creditValue = order.lines.filter(credit).reduce((s, l) => s + (l.qty - l.refundedQty) * l.unitPriceFen, 0);
    creditFen = Math.min(refundable, creditValue);
    refundFen = refundable - creditFen;
    if (creditFen === 0) {
      await cancelOrder(ctx, order.id, NO_SHOW_REASON, payments);
    } else {
      if (refundFen > 0) {
        const lines = order.lines.filter((l) => !credit(l) && l.qty > l.refundedQty).map((l) => ({ lineId: l.id, qty: l.qty - l.refundedQty }));
        await refundOrder(ctx, { orderId: order.id, amountFen: refundFen, reason: NO_SHOW_REASON, lines }, payments);
      }
      const { keptFen } = await closeKeepingMoney(ctx, order.id, NO_SHOW_CREDIT_REASON);
      creditFen = keptFen;
      if (keptFen > 0 && order.customerId) await grantCredit(ctx, { customerId: order.customerId, amountFen: keptFen, reason: NO_SHOW_REASON, orderId: order.id });
    }
    outcome = creditFen === 0 ? 'refund' : refundFen === 0 ? 'store_credit' : 'mixed';
  }
  if (order.customerId) {
    await notify(ctx, { to: { customerId: order.customerId }, template: 'no_show_closed', params: { orderId: order.id, pickupCode: order.pickupCode, refundFen, creditFen } });
  }
  await mark(ctx, row, { step: 'closed', closedAt: now, outcome, refundFen, creditFen });
  await emit(ctx, 'groupbuy.no_show_closed', { orderId: order.id, campaignId: row.campaignId, outcome, refundFen, creditFen });
}
