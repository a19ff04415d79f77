import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { getSkusForSale } from '../../catalog/index.js';
import type { CampaignData } from '../contract.js';
import { tierProblem } from './pricing.js';

/** Checks a campaign's settings and that every SKU is an active SKU of the ctx's store. */
export async function validateCampaign(ctx: Ctx, d: CampaignData): Promise<void> {
  const openAt = new Date(d.openAt);
  const cutoffAt = new Date(d.cutoffAt);
  if (cutoffAt <= openAt) throw new AppError('CAMPAIGN_INVALID', { reason: 'cut-off must be after the open time' });
  if (d.pickupDate < d.cutoffAt.slice(0, 10)) throw new AppError('CAMPAIGN_INVALID', { reason: 'pickup date before the cut-off' });
  const skus = await getSkusForSale(ctx, d.items.map((i) => i.skuId));
  const seen = new Set<string>();
  for (const i of d.items) {
    const sku = skus.get(i.skuId);
    if (!sku) throw new AppError('SKU_NOT_FOUND', { skuId: i.skuId });
    if (!sku.active) throw new AppError('SKU_INACTIVE', { skuId: i.skuId, productName: sku.productName });
    if (seen.has(i.skuId)) throw new AppError('CAMPAIGN_INVALID', { reason: 'a SKU appears twice', skuId: i.skuId });
    seen.add(i.skuId);
    const problem = tierProblem(i.priceFen, i.tiers);
    if (problem) throw new AppError('CAMPAIGN_INVALID', { reason: problem, skuId: i.skuId });
    if (i.totalCap !== null && i.perPersonCap !== null && i.perPersonCap > i.totalCap) {
      throw new AppError('CAMPAIGN_INVALID', { reason: 'per-person cap above the total cap', skuId: i.skuId });
    }
  }
}
