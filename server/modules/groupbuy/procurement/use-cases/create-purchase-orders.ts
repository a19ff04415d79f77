import { and, eq } from 'drizzle-orm';
import { inTx } from '../../../../db/tx.js';
import { emit } from '../../../../events/emit.js';
import type { Ctx } from '../../../../kernel/ctx.js';
import { AppError } from '../../../../kernel/errors.js';
import { newId } from '../../../../kernel/ids.js';
import { getSkusForSale, listSuppliers } from '../../../catalog/index.js';
import { storeById } from '../../../tenancy/index.js';
import type { PurchaseOrderSummary } from '../contract.js';
import { planPurchaseOrders, pctToBp, type DemandLine, type PlanSku } from '../plan.js';
import { listPurchaseOrders, lossBufferBpOf } from '../po.repo.js';
import { storeDate } from '../sheet.js';
import { purchaseOrderLines, purchaseOrders } from '../tables.js';

export interface CreatePurchaseOrdersInput {
  campaignId: string;
  demand: DemandLine[];
  /** overrides the store's setting (default 5%) */
  lossBufferPct?: number;
}

export const NO_SUPPLIER_NAME = '未指定供应商';

/** PO number: PO + the store's calendar day + a short unique tail (no counter to contend on). */
function poNumber(now: Date, timeZone: string, id: string): string {
  return `PO${storeDate(now, timeZone).replace(/-/g, '')}-${id.slice(0, 8).toUpperCase()}`;
}

/**
 * 以销定采 at cut-off: one draft PO per supplier for the campaign's demand, rounded to case packs
 * with the loss buffer. Idempotent per campaign: once its POs exist, running again (a replayed
 * event, the cut-off job catching up) creates nothing and returns them. SKUs without a supplier
 * go on a PO of their own ("未指定供应商") rather than failing the cut-off.
 */
export async function createPurchaseOrdersForCampaign(
  ctx: Ctx,
  i: CreatePurchaseOrdersInput,
): Promise<{ created: number; purchaseOrders: PurchaseOrderSummary[] }> {
  let bufferBp: number | undefined;
  if (i.lossBufferPct !== undefined) {
    try {
      bufferBp = pctToBp(i.lossBufferPct);
    } catch {
      throw new AppError('VALIDATION_FAILED', { field: 'lossBufferPct', value: i.lossBufferPct });
    }
  }
  return inTx(ctx, async (tx) => {
    const existing = await tx.db
      .select({ id: purchaseOrders.id })
      .from(purchaseOrders)
      .where(and(eq(purchaseOrders.storeId, tx.storeId), eq(purchaseOrders.campaignId, i.campaignId)))
      .limit(1);
    if (existing.length > 0) return { created: 0, purchaseOrders: await listPurchaseOrders(tx, { campaignId: i.campaignId }) };

    const skus = await getSkusForSale(tx, [...new Set(i.demand.map((d) => d.skuId))]);
    const planSkus = new Map<string, PlanSku>([...skus].map(([id, s]) => [id, s]));
    const bp = bufferBp ?? (await lossBufferBpOf(tx));
    let plan: ReturnType<typeof planPurchaseOrders>;
    try {
      plan = planPurchaseOrders(i.demand, planSkus, bp);
    } catch (e) {
      throw new AppError('VALIDATION_FAILED', { field: 'demand', reason: String(e) });
    }
    if (plan.unknownSkuIds.length > 0) throw new AppError('SKU_NOT_FOUND', { skuId: plan.unknownSkuIds[0] });
    const names = new Map((await listSuppliers(tx)).map((s) => [s.id, s.name]));
    const foreign = plan.orders.find((o) => o.supplierId && !names.has(o.supplierId));
    if (foreign) throw new AppError('SUPPLIER_NOT_FOUND', { supplierId: foreign.supplierId });
    const now = tx.clock.now();
    const timeZone = (await storeById(tx.db, tx.orgId, tx.storeId))?.timezone ?? 'Asia/Shanghai';

    let created = 0;
    // in supplier order: two concurrent runs take the unique-index locks in the same order
    // (the second waits, then finds each PO taken) instead of deadlocking on each other's rows
    const ordered = [...plan.orders].sort((a, b) => (a.supplierId ?? '').localeCompare(b.supplierId ?? ''));
    for (const order of ordered) {
      const id = newId();
      // a concurrent run for the same campaign waits on the unique index, then finds it taken
      const [po] = await tx.db
        .insert(purchaseOrders)
        .values({
          id,
          orgId: tx.orgId,
          storeId: tx.storeId,
          number: poNumber(now, timeZone, id),
          campaignId: i.campaignId,
          supplierId: order.supplierId,
          supplierKey: order.supplierId ?? '',
          supplierName: (order.supplierId && names.get(order.supplierId)) || NO_SUPPLIER_NAME,
          lossBufferBp: bp,
          createdAt: now,
          updatedAt: now,
        })
        // only the (campaign, supplier) index: a clash of PO numbers must fail loudly, not skip a PO
        .onConflictDoNothing({ target: [purchaseOrders.storeId, purchaseOrders.campaignId, purchaseOrders.supplierKey] })
        .returning();
      if (!po) continue;
      await tx.db.insert(purchaseOrderLines).values(
        order.lines.map((l, sort) => ({ id: newId(), storeId: tx.storeId, poId: po.id, sort, ...l })),
      );
      await emit(tx, 'groupbuy.po_created', { purchaseOrderId: po.id, campaignId: i.campaignId, supplierId: po.supplierId, number: po.number });
      created++;
    }
    return { created, purchaseOrders: await listPurchaseOrders(tx, { campaignId: i.campaignId }) };
  });
}
