import { eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { getOrder, refundOrder, repriceUnpaidOrder, type PaymentsPort } from '../../orders/index.js';
import type { ItemRow } from '../campaigns/campaign.repo.js';
import { lockEntry } from '../join/withdraw-entry.js';
import { gbEntries } from '../tables.js';

const PAID = ['paid', 'ready_for_pickup'];
const UNPAID_OPEN = ['pending_payment', 'ready_for_pickup'];

/**
 * The 'form' step of one order of a formed campaign (成团), in its own transaction, at most once:
 * the entry row is locked and marked `settled` in the same transaction as the refund, so a
 * second run (or a run after a crash) skips it. The ladder difference (charged − final price)
 * is refunded; an unpaid pay-at-pickup order is repriced to the final tier (what the counter
 * collects). Failed and cancelled campaigns settle in bulk instead (settle-bulk.ts).
 */
export async function settleEntry(ctx: Ctx, orderId: string, o: { payments: PaymentsPort; items: ItemRow[]; reason: string }): Promise<boolean> {
  return inTx(ctx, async (tx) => {
    const entry = await lockEntry(tx, orderId);
    if (!entry || entry.settled) return false;
    const order = await getOrder(tx, orderId);
    if (entry.active && PAID.includes(order.status)) {
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
    await tx.db.update(gbEntries).set({ settled: true }).where(eq(gbEntries.id, entry.id));
    return true;
  });
}
