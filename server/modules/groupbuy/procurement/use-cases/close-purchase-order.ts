import { eq } from 'drizzle-orm';
import { inTx } from '../../../../db/tx.js';
import { emit } from '../../../../events/emit.js';
import type { Ctx } from '../../../../kernel/ctx.js';
import type { PurchaseOrderView } from '../contract.js';
import { findPoRow, getPurchaseOrder } from '../po.repo.js';
import { purchaseOrders } from '../tables.js';

/**
 * Closes a PO: nothing more is expected from the supplier (what did not come will not), and no
 * further receipt is taken against it. Closing a closed PO is a no-op.
 */
export async function closePurchaseOrder(ctx: Ctx, purchaseOrderId: string): Promise<PurchaseOrderView> {
  return inTx(ctx, async (tx) => {
    const po = await findPoRow(tx, purchaseOrderId, { forUpdate: true });
    if (po.status !== 'closed') {
      await tx.db.update(purchaseOrders).set({ status: 'closed', updatedAt: tx.clock.now() }).where(eq(purchaseOrders.id, po.id));
      await emit(tx, 'groupbuy.po_closed', { purchaseOrderId: po.id, previousStatus: po.status });
    }
    return getPurchaseOrder(tx, po.id);
  });
}
