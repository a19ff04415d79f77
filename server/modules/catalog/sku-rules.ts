import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Ctx } from '../../kernel/ctx.js';
import { AppError } from '../../kernel/errors.js';
import type { NewSkuInput, SupplierView } from './contract.js';
import { skus } from './tables.js';

/** Rules shared by the product writes: barcodes unique per store, case packs from the supplier. */

/**
 * Refuses barcodes used twice in the request or by another SKU of the store. The unique index
 * stays the last word (a concurrent write), see `barcodeRace`.
 */
export async function assertBarcodesFree(ctx: Ctx, barcodes: Array<string | null | undefined>, exceptSkuIds: string[] = []): Promise<void> {
  const list = barcodes.filter((b): b is string => !!b);
  const twice = list.find((b, i) => list.indexOf(b) !== i);
  if (twice) throw new AppError('BARCODE_TAKEN', { barcode: twice });
  if (list.length === 0) return;
  const where = [eq(skus.storeId, ctx.storeId), inArray(skus.barcode, list)];
  if (exceptSkuIds.length) where.push(notInArray(skus.id, exceptSkuIds));
  const [taken] = await ctx.db.select({ barcode: skus.barcode }).from(skus).where(and(...where)).limit(1);
  if (taken) throw new AppError('BARCODE_TAKEN', { barcode: taken.barcode });
}

/** A unique-index violation on `constraint`, from either driver, becomes `err`; others pass. */
export function uniqueRace(e: unknown, constraint: string, err: AppError): unknown {
  for (let c: unknown = e; c; c = (c as { cause?: unknown }).cause) {
    const x = c as { code?: string; constraint?: string; message?: string };
    if (x.code === '23505' && (x.constraint === constraint || x.message?.includes(constraint))) return err;
  }
  return e;
}

export const barcodeRace = (e: unknown): unknown => uniqueRace(e, 'catalog_sku_barcode_uq', new AppError('BARCODE_TAKEN'));

export function newSkuRow(ctx: Ctx, id: string, productId: string, s: NewSkuInput, sort: number, supplier: SupplierView | undefined) {
  return {
    id,
    storeId: ctx.storeId,
    productId,
    spec: s.spec,
    unit: s.unit,
    barcode: s.barcode ?? null,
    priceFen: s.priceFen,
    weighed: s.weighed ?? false,
    supplierId: s.supplierId ?? null,
    casePack: s.casePack ?? supplier?.casePackDefault ?? 1,
    active: s.active ?? true,
    sort,
  };
}
