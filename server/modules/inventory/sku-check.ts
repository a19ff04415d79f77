import type { Ctx } from '../../kernel/ctx.js';
import { AppError } from '../../kernel/errors.js';
import { getSkusForSale } from '../catalog/index.js';

/** Stock is only counted for the ctx's own SKUs: an id from another store is unknown here. */
export async function assertSkuOfStore(ctx: Ctx, skuId: string): Promise<void> {
  const found = await getSkusForSale(ctx, [skuId]);
  if (!found.has(skuId)) throw new AppError('SKU_NOT_FOUND', { skuId });
}

/** Quantities are whole, positive SKU units; callers inside Linli get the same check as clients. */
export function assertQty(qty: number, field = 'qty'): void {
  if (!Number.isSafeInteger(qty) || qty <= 0) throw new AppError('VALIDATION_FAILED', { field, qty });
}
