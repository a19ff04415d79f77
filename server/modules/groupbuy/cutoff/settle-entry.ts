import { eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { cancelOrder, getOrder, refundOrder, repriceUnpaidOrder, type PaymentsPort } from '../../orders/index.js';
import type { ItemRow } from '../campaigns/campaign.repo.js';
import { withdrawEntry, lockEntry } from '../join/withdraw-entry.js';
import { gbEntries } from '../tables.js';

const OPEN = ['pending_payment', 'paid', 'ready_for_pickup'];
const PAID = ['paid', 'ready_for_pickup'];
const UNPAID_OPEN = ['pending_payment', 'ready_for_pickup'];

/**
 * The after-decision step of one order, in its own transaction, at most once: the entry row is
 * locked and marked `settled` in the same transaction as the refund, so a second run (or a run
 * after a crash) skips it.
 * - 'drop': an unpaid sandbox order at cut-off is cancelled (its caps given back)
 * - 'fail': failed or cancelled campaign: cancelled, refunded in full when paid
 * - 'form': formed: the ladder difference (charged − final price) is refunded; an unpaid
 *   pay-at-pickup order is repriced to the final tier (what the counter collects)
 */
export async function settleEntry(
  ctx: Ctx,
  orderId: string,
  step: 'drop' | 'fail' | 'form',
  o: { payments: PaymentsPort; items: ItemRow[]; reason: string },
): Promise<boolean> {
  return inTx(ctx, async (tx) => {
    const entry = await lockEntry(tx, orderId);
    if (!entry || entry.settled) return false;
    const order = await getOrder(tx, orderId);
    if (step === 'drop') {
      if (!entry.active || order.status !== 'pending_payment' || order.paymentMethod !== 'sandbox') return false;
      await cancelOrder(tx, orderId, o.reason, o.payments);
      await withdrawEntry(tx, orderId);
    } else if (step === 'fail') {
      if (OPEN.includes(order.status)) await cancelOrder(tx, orderId, o.reason, o.payments);
      await withdrawEntry(tx, orderId);
    } else if (entry.active && PAID.includes(order.status)) {
      let diff = 0;
      for (const l of entry.lines) {
        const item = o.items.find((i) => i.id === l.itemId);
        const line = order.lines.find((x) => x.skuId === l.skuId);
        const final = item?.finalPriceFen ?? l.unitPriceFen;
        if (line && final < l.unitPriceFen) diff += (l.unitPriceFen - final) * (line.qty - line.refundedQty);
      }
      const amountFen = Math.min(diff, order.paidFen - order.refundedFen);
      if (amountFen > 0) await refundOrder(tx, { orderId, amountFen, reason: o.reason }, o.payments);
    } else if (entry.active && order.paidFen === 0 && UNPAID_OPEN.includes(order.status)) {
      // pay at pickup: nothing to refund, the price due at the counter becomes the final tier
      const prices = [];
      for (const l of entry.lines) {
        const final = o.items.find((i) => i.id === l.itemId)?.finalPriceFen;
        const line = order.lines.find((x) => x.skuId === l.skuId);
        if (line && final !== null && final !== undefined && final < line.unitPriceFen) prices.push({ lineId: line.id, unitPriceFen: final });
      }
      if (prices.length > 0) await repriceUnpaidOrder(tx, orderId, prices, o.reason);
    }
    if (step !== 'drop') await tx.db.update(gbEntries).set({ settled: true }).where(eq(gbEntries.id, entry.id));
    return true;
  });
}
