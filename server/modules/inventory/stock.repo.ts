import type { Ctx } from '../../kernel/ctx.js';
import { listSkusForSale } from '../catalog/index.js';
import type { StockRow } from './contract.js';
import { getLevels } from './ledger.repo.js';

/** The stock page: every SKU of the store with its level, never-received ones at zero. */
export async function listStock(ctx: Ctx): Promise<StockRow[]> {
  const skus = await listSkusForSale(ctx);
  const levels = await getLevels(ctx, skus.map((s) => s.skuId));
  return skus.map((s) => ({
    skuId: s.skuId,
    productId: s.productId,
    productName: s.productName,
    spec: s.spec,
    unit: s.unit,
    active: s.active,
    ...levels.get(s.skuId)!,
  }));
}
