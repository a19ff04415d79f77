import { and, eq } from 'drizzle-orm';
import { inTx } from '../../../../db/tx.js';
import { emit } from '../../../../events/emit.js';
import type { Ctx } from '../../../../kernel/ctx.js';
import { AppError } from '../../../../kernel/errors.js';
import { allocateFirstCome } from '../allocate.js';
import type { AllocationView } from '../contract.js';
import type { AllocationPorts } from '../ports.js';
import { allocations } from '../tables.js';

export interface AllocateReceivedInput {
  campaignId: string;
  skuId: string;
  /** everything that arrived for this SKU of the campaign */
  receivedQty: number;
}

/**
 * Hands what arrived for one campaign SKU to its paid presale order lines, first come first
 * served, through the campaign's ports: onFilled for what a line gets, onShort for what it will
 * not. Runs once per (campaign, SKU): a second call reports the first result with applied=false
 * and calls no port, so no order line is filled or refunded twice.
 */
export async function allocateReceived(ctx: Ctx, i: AllocateReceivedInput, ports: AllocationPorts): Promise<AllocationView> {
  if (!Number.isSafeInteger(i.receivedQty) || i.receivedQty < 0) throw new AppError('VALIDATION_FAILED', { field: 'receivedQty', value: i.receivedQty });
  return inTx(ctx, async (tx) => {
    const now = tx.clock.now();
    const claimed = await tx.db
      .insert(allocations)
      .values({ storeId: tx.storeId, campaignId: i.campaignId, skuId: i.skuId, receivedQty: i.receivedQty, allocatedQty: 0, shortQty: 0, at: now })
      .onConflictDoNothing({ target: [allocations.storeId, allocations.campaignId, allocations.skuId] })
      .returning();
    if (claimed.length === 0) {
      const [done] = await tx.db
        .select()
        .from(allocations)
        .where(and(eq(allocations.storeId, tx.storeId), eq(allocations.campaignId, i.campaignId), eq(allocations.skuId, i.skuId)));
      return {
        campaignId: i.campaignId,
        skuId: i.skuId,
        receivedQty: done!.receivedQty,
        allocatedQty: done!.allocatedQty,
        shortQty: done!.shortQty,
        surplusQty: done!.receivedQty - done!.allocatedQty,
        applied: false,
        lines: [],
      };
    }
    const demand = await ports.listPresaleDemand(tx, i.campaignId, i.skuId);
    const result = allocateFirstCome(demand, i.receivedQty);
    for (const line of result.lines) {
      if (line.filledQty > 0) await ports.onFilled(tx, line, line.filledQty);
      if (line.missingQty > 0) await ports.onShort(tx, line, line.missingQty);
    }
    await tx.db
      .update(allocations)
      .set({ allocatedQty: result.allocatedQty, shortQty: result.shortQty })
      .where(and(eq(allocations.storeId, tx.storeId), eq(allocations.campaignId, i.campaignId), eq(allocations.skuId, i.skuId)));
    await emit(tx, 'groupbuy.po_allocated', { ...i, allocatedQty: result.allocatedQty, shortQty: result.shortQty });
    return {
      ...i,
      allocatedQty: result.allocatedQty,
      shortQty: result.shortQty,
      surplusQty: result.surplusQty,
      applied: true,
      lines: result.lines.map((l) => ({ orderId: l.orderId, lineId: l.lineId, qty: l.qty, filledQty: l.filledQty, missingQty: l.missingQty, outcome: l.outcome })),
    };
  });
}
