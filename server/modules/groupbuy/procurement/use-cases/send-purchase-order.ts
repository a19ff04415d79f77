import { eq } from 'drizzle-orm';
import { inTx } from '../../../../db/tx.js';
import { emit } from '../../../../events/emit.js';
import type { Ctx } from '../../../../kernel/ctx.js';
import { AppError } from '../../../../kernel/errors.js';
import type { PurchaseOrderView } from '../contract.js';
import { findPoRow, getPurchaseOrder } from '../po.repo.js';
import { purchaseOrders } from '../tables.js';

/**
 * Marks a draft PO as sent to its supplier (the owner sends the sheet by hand: WeChat, print).
 * Sending again is a no-op, so a double click or a retry is harmless.
 */
export async function sendPurchaseOrder(ctx: Ctx, purchaseOrderId: string): Promise<PurchaseOrderView> {
  return inTx(ctx, async (tx) => {
    const po = await findPoRow(tx, purchaseOrderId, { forUpdate: true });
    if (po.status === 'draft') {
      const now = tx.clock.now();
      await tx.db.update(purchaseOrders).set({ status: 'sent', sentAt: now, updatedAt: now }).where(eq(purchaseOrders.id, po.id));
      await emit(tx, 'groupbuy.po_sent', { purchaseOrderId: po.id });
    } else if (po.status !== 'sent') {
      throw new AppError('PURCHASE_ORDER_STATE_INVALID', { status: po.status });
    }
    return getPurchaseOrder(tx, po.id);
  });
}
