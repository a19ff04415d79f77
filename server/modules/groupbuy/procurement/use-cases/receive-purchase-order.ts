import { eq, sql } from 'drizzle-orm';
import { inTx } from '../../../../db/tx.js';
import { emit } from '../../../../events/emit.js';
import { actorId, type Ctx } from '../../../../kernel/ctx.js';
import { AppError } from '../../../../kernel/errors.js';
import { newId } from '../../../../kernel/ids.js';
import { receive } from '../../../inventory/index.js';
import type { AllocationView, ReceiptInput, ReceiptView } from '../contract.js';
import type { AllocationPorts } from '../ports.js';
import { findPoRow, getPurchaseOrder, linesOf } from '../po.repo.js';
import { purchaseOrderLines, purchaseOrders, receiptLines, receipts } from '../tables.js';
import { allocateReceived } from './allocate-received.js';

/**
 * 收货: records what arrived per PO line and puts it on hand through the stock ledger (a
 * 'receive' movement whose note names the PO). With the campaign's ports, each received SKU is
 * then allocated first-come to the presale orders; whatever is not allocated stays available
 * for the shop and the POS (surplus on the shelf). All in one transaction.
 * The route wraps this in an Idempotency-Key, so a retried receipt is recorded once.
 */
export async function receivePurchaseOrder(
  ctx: Ctx,
  i: { purchaseOrderId: string } & ReceiptInput,
  ports?: AllocationPorts,
): Promise<ReceiptView> {
  return inTx(ctx, async (tx) => {
    const po = await findPoRow(tx, i.purchaseOrderId, { forUpdate: true });
    if (po.status === 'closed') throw new AppError('PURCHASE_ORDER_STATE_INVALID', { status: po.status });
    const poLines = new Map(((await linesOf(tx, [po.id])).get(po.id) ?? []).map((l) => [l.id, l]));
    for (const l of i.lines) if (!poLines.has(l.poLineId)) throw new AppError('PO_LINE_NOT_FOUND', { poLineId: l.poLineId });

    const receiptId = newId();
    const now = tx.clock.now();
    await tx.db.insert(receipts).values({
      id: receiptId,
      storeId: tx.storeId,
      poId: po.id,
      actor: actorId(tx.actor),
      actorName: tx.actor.kind === 'staff' ? tx.actor.name : '',
      at: now,
    });
    const out: ReceiptView['lines'] = [];
    for (const l of i.lines) {
      const line = poLines.get(l.poLineId)!;
      const note = `采购单 ${po.number} 收货${l.note ? `：${l.note}` : ''}`;
      const movementId = l.receivedQty > 0 ? (await receive(tx, { skuId: line.skuId, qty: l.receivedQty, note })).movementId : null;
      await tx.db
        .update(purchaseOrderLines)
        .set({ receivedQty: sql`${purchaseOrderLines.receivedQty} + ${l.receivedQty}` })
        .where(eq(purchaseOrderLines.id, line.id));
      line.receivedQty += l.receivedQty;
      await tx.db.insert(receiptLines).values({ id: newId(), storeId: tx.storeId, receiptId, poLineId: line.id, receivedQty: l.receivedQty, note: l.note ?? '', movementId });
      out.push({ poLineId: line.id, skuId: line.skuId, receivedQty: l.receivedQty, movementId });
    }

    const all = [...poLines.values()];
    const status = all.every((l) => l.receivedQty >= l.orderedQty) ? 'received' : 'partially_received';
    await tx.db.update(purchaseOrders).set({ status, updatedAt: now }).where(eq(purchaseOrders.id, po.id));
    await emit(tx, 'groupbuy.po_received', { purchaseOrderId: po.id, receiptId, status, lines: out.map(({ poLineId, skuId, receivedQty }) => ({ poLineId, skuId, receivedQty })) });

    const allocated: AllocationView[] = [];
    if (ports) {
      for (const l of out) {
        const total = poLines.get(l.poLineId)!.receivedQty;
        allocated.push(await allocateReceived(tx, { campaignId: po.campaignId, skuId: l.skuId, receivedQty: total }, ports));
      }
    }
    return { receiptId, purchaseOrder: await getPurchaseOrder(tx, po.id), lines: out, allocations: allocated };
  });
}
