/**
 * 以销定采, the arithmetic: demand per SKU → PO lines per supplier, with the loss buffer and
 * rounded up to whole cases. Pure: no database, no clock.
 *
 * ordered = ceil(demand × (1 + buffer) / casePack) × casePack, computed in integers (basis
 * points) so 100 × 1.05 is exactly 105 and never 105.00000000000001 → one case too many.
 */

export const DEFAULT_LOSS_BUFFER_BP = 500;

export interface DemandLine {
  skuId: string;
  qty: number;
  /** the campaign's supplier for this product; absent or null: the SKU's supplier in the catalog */
  supplierId?: string | null;
}

export interface PlanSku {
  skuId: string;
  productName: string;
  spec: string;
  unit: string;
  supplierId: string | null;
  casePack: number;
}

export interface PlannedLine {
  skuId: string;
  productName: string;
  spec: string;
  unit: string;
  demandQty: number;
  /** units added for loss before rounding: ceil(demand × buffer) */
  bufferQty: number;
  casePack: number;
  cases: number;
  orderedQty: number;
}

export interface PlannedOrder {
  supplierId: string | null;
  lines: PlannedLine[];
}

/** Percent (5, 7.5) → basis points (500, 750); refuses what is not 0–100 with ≤ 2 decimals. */
export function pctToBp(pct: number): number {
  const bp = Math.round(pct * 100);
  if (!Number.isFinite(pct) || pct < 0 || pct > 100 || Math.abs(bp - pct * 100) > 1e-6) {
    throw new RangeError(`loss buffer must be 0–100 % with at most 2 decimals, got ${pct}`);
  }
  return bp;
}

export function roundToCases(demandQty: number, casePack: number, bufferBp: number): Pick<PlannedLine, 'bufferQty' | 'cases' | 'orderedQty'> {
  if (!Number.isSafeInteger(demandQty) || demandQty < 0) throw new RangeError(`demand must be a whole number ≥ 0, got ${demandQty}`);
  if (!Number.isSafeInteger(casePack) || casePack < 1) throw new RangeError(`case pack must be a whole number ≥ 1, got ${casePack}`);
  const scaled = demandQty * (10_000 + bufferBp);
  const cases = Math.ceil(scaled / (10_000 * casePack));
  return { bufferQty: Math.ceil(scaled / 10_000) - demandQty, cases, orderedQty: cases * casePack };
}

/**
 * Sums the demand per supplier and SKU, drops zero demand, and groups the lines by supplier (the
 * campaign's choice, else the catalog's; SKUs without one form a group of their own, null).
 * SKUs absent from `skus` are returned in `unknownSkuIds` for the caller to refuse.
 */
export function planPurchaseOrders(
  demand: DemandLine[],
  skus: Map<string, PlanSku>,
  bufferBp: number,
): { orders: PlannedOrder[]; unknownSkuIds: string[] } {
  // demand summed per (supplier, SKU): the same SKU may come in several lines
  const total = new Map<string, { skuId: string; supplierId: string | null; qty: number }>();
  const unknown = new Set<string>();
  for (const d of demand) {
    if (!Number.isSafeInteger(d.qty) || d.qty < 0) throw new RangeError(`demand must be a whole number ≥ 0, got ${d.qty}`);
    const sku = skus.get(d.skuId);
    if (!sku) {
      unknown.add(d.skuId);
      continue;
    }
    const supplierId = d.supplierId ?? sku.supplierId;
    const key = `${supplierId ?? ''}|${d.skuId}`;
    const t = total.get(key) ?? { skuId: d.skuId, supplierId, qty: 0 };
    t.qty += d.qty;
    total.set(key, t);
  }
  const unknownSkuIds = [...unknown];
  const bySupplier = new Map<string, PlannedOrder>();
  for (const { skuId, supplierId, qty } of total.values()) {
    const sku = skus.get(skuId)!;
    if (qty === 0) continue;
    const key = supplierId ?? '';
    const order = bySupplier.get(key) ?? { supplierId, lines: [] };
    order.lines.push({
      skuId,
      productName: sku.productName,
      spec: sku.spec,
      unit: sku.unit,
      demandQty: qty,
      casePack: sku.casePack,
      ...roundToCases(qty, sku.casePack, bufferBp),
    });
    bySupplier.set(key, order);
  }
  return { orders: [...bySupplier.values()], unknownSkuIds };
}
