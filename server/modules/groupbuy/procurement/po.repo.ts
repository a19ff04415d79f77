import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import type { PoListQuery, PoLineView, PurchaseOrderSummary, PurchaseOrderView } from './contract.js';
import { DEFAULT_LOSS_BUFFER_BP } from './plan.js';
import { allocations, purchaseOrderLines, purchaseOrders, settings } from './tables.js';

type PoRow = typeof purchaseOrders.$inferSelect;
type LineRow = typeof purchaseOrderLines.$inferSelect;

/** The PO row of the ctx's store; an id of another store is simply not found. */
export async function findPoRow(ctx: Ctx, id: string, opts: { forUpdate?: boolean } = {}): Promise<PoRow> {
  const q = ctx.db
    .select()
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.storeId, ctx.storeId), eq(purchaseOrders.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('PURCHASE_ORDER_NOT_FOUND', { purchaseOrderId: id });
  return row;
}

export async function linesOf(ctx: Ctx, poIds: string[]): Promise<Map<string, LineRow[]>> {
  const byPo = new Map<string, LineRow[]>();
  if (poIds.length === 0) return byPo;
  const rows = await ctx.db
    .select()
    .from(purchaseOrderLines)
    .where(and(eq(purchaseOrderLines.storeId, ctx.storeId), inArray(purchaseOrderLines.poId, poIds)))
    .orderBy(asc(purchaseOrderLines.sort), asc(purchaseOrderLines.productName));
  for (const l of rows) byPo.set(l.poId, [...(byPo.get(l.poId) ?? []), l]);
  return byPo;
}

const lineView = (l: LineRow): PoLineView => ({
  id: l.id,
  skuId: l.skuId,
  productName: l.productName,
  spec: l.spec,
  unit: l.unit,
  demandQty: l.demandQty,
  bufferQty: l.bufferQty,
  casePack: l.casePack,
  cases: l.cases,
  orderedQty: l.orderedQty,
  receivedQty: l.receivedQty,
  unitCostFen: l.unitCostFen,
  note: l.note,
});

function summary(po: PoRow, lines: LineRow[]): PurchaseOrderSummary {
  return {
    id: po.id,
    number: po.number,
    campaignId: po.campaignId,
    supplierId: po.supplierId,
    supplierName: po.supplierName,
    status: po.status,
    lossBufferPct: po.lossBufferBp / 100,
    lineCount: lines.length,
    orderedQty: lines.reduce((s, l) => s + l.orderedQty, 0),
    receivedQty: lines.reduce((s, l) => s + l.receivedQty, 0),
    sentAt: po.sentAt?.toISOString() ?? null,
    createdAt: po.createdAt.toISOString(),
  };
}

export function presentPo(po: PoRow, lines: LineRow[]): PurchaseOrderView {
  return { ...summary(po, lines), note: po.note, lines: lines.map(lineView) };
}

export async function getPurchaseOrder(ctx: Ctx, id: string): Promise<PurchaseOrderView> {
  const po = await findPoRow(ctx, id);
  return presentPo(po, (await linesOf(ctx, [id])).get(id) ?? []);
}

export async function listPurchaseOrders(ctx: Ctx, q: PoListQuery = {}): Promise<PurchaseOrderSummary[]> {
  const where: SQL[] = [eq(purchaseOrders.storeId, ctx.storeId)];
  if (q.campaignId) where.push(eq(purchaseOrders.campaignId, q.campaignId));
  if (q.status) where.push(eq(purchaseOrders.status, q.status));
  const rows = await ctx.db
    .select()
    .from(purchaseOrders)
    .where(and(...where))
    .orderBy(desc(purchaseOrders.createdAt), asc(purchaseOrders.number));
  const lines = await linesOf(ctx, rows.map((r) => r.id));
  return rows.map((r) => summary(r, lines.get(r.id) ?? []));
}

/** Every PO of a campaign with its lines (the campaign's xlsx: a sheet per PO). */
export async function purchaseOrdersOfCampaign(ctx: Ctx, campaignId: string): Promise<PurchaseOrderView[]> {
  const rows = await ctx.db
    .select()
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.storeId, ctx.storeId), eq(purchaseOrders.campaignId, campaignId)))
    .orderBy(asc(purchaseOrders.number));
  const lines = await linesOf(ctx, rows.map((r) => r.id));
  return rows.map((r) => presentPo(r, lines.get(r.id) ?? []));
}

export async function lossBufferBpOf(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db.select().from(settings).where(eq(settings.storeId, ctx.storeId));
  return row?.lossBufferBp ?? DEFAULT_LOSS_BUFFER_BP;
}

/**
 * Units still expected from suppliers per SKU: ordered minus received on POs neither received in
 * full nor closed (presale availability may count them).
 */
export async function expectedFromSuppliers(ctx: Ctx, skuIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (skuIds.length === 0) return out;
  const rows = await ctx.db
    .select({ skuId: purchaseOrderLines.skuId, orderedQty: purchaseOrderLines.orderedQty, receivedQty: purchaseOrderLines.receivedQty })
    .from(purchaseOrderLines)
    .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.poId))
    .where(
      and(
        eq(purchaseOrders.storeId, ctx.storeId),
        inArray(purchaseOrders.status, ['draft', 'sent', 'partially_received']),
        inArray(purchaseOrderLines.skuId, skuIds),
      ),
    );
  for (const r of rows) out.set(r.skuId, (out.get(r.skuId) ?? 0) + Math.max(0, r.orderedQty - r.receivedQty));
  return out;
}

/**
 * 在途 for presale availability, per SKU: ordered minus received on POs sent to the supplier and
 * not yet fully received (drafts are not ordered yet; closed POs expect nothing more). `sold` is
 * the part of it already bought by the originating campaign's presale orders: a line's demand
 * until that campaign's first receipt settles it (allocated or refunded), after which whatever
 * still comes is free for the shelf.
 */
export async function incomingFromSuppliers(ctx: Ctx, skuIds: string[]): Promise<Map<string, { incoming: number; sold: number }>> {
  const out = new Map<string, { incoming: number; sold: number }>();
  if (skuIds.length === 0) return out;
  const rows = await ctx.db
    .select({
      skuId: purchaseOrderLines.skuId,
      orderedQty: purchaseOrderLines.orderedQty,
      receivedQty: purchaseOrderLines.receivedQty,
      demandQty: purchaseOrderLines.demandQty,
      settled: allocations.skuId,
    })
    .from(purchaseOrderLines)
    .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.poId))
    .leftJoin(
      allocations,
      and(eq(allocations.storeId, purchaseOrders.storeId), eq(allocations.campaignId, purchaseOrders.campaignId), eq(allocations.skuId, purchaseOrderLines.skuId)),
    )
    .where(
      and(
        eq(purchaseOrders.storeId, ctx.storeId),
        eq(purchaseOrderLines.storeId, ctx.storeId),
        inArray(purchaseOrders.status, ['sent', 'partially_received']),
        inArray(purchaseOrderLines.skuId, skuIds),
      ),
    );
  for (const r of rows) {
    const open = Math.max(0, r.orderedQty - r.receivedQty);
    const sold = r.settled === null ? Math.min(open, r.demandQty) : 0;
    const cur = out.get(r.skuId) ?? { incoming: 0, sold: 0 };
    out.set(r.skuId, { incoming: cur.incoming + open, sold: cur.sold + sold });
  }
  return out;
}
