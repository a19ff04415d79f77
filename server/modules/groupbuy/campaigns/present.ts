import type { Ctx } from '../../../kernel/ctx.js';
import { readTogether } from '../../../db/parallel.js';
import { getSkusForSale } from '../../catalog/index.js';
import type { CampaignItemView, CampaignView } from '../contract.js';
import { itemsOf, progressOf, reached, shownProgress, shownSold, slotsOf, type CampaignRow } from './campaign.repo.js';
import { priceAt } from './pricing.js';

export function sharePath(slug: string, campaignId: string): string {
  return `/shop/${slug}/c/${campaignId}`;
}

/** The campaign with its items (names from the catalog, price now, remaining), slots and 成团 progress. */
export async function presentCampaign(ctx: Ctx, c: CampaignRow, slug: string): Promise<CampaignView> {
  const [items, slots, live] = await readTogether(ctx, () => itemsOf(ctx, c.id), () => slotsOf(ctx, c.id), () => progressOf(ctx, c.id));
  const progress = shownProgress(c, items, live);
  const skus = await getSkusForSale(ctx, items.map((i) => i.skuId));
  const itemViews: CampaignItemView[] = items.map((i) => {
    const s = skus.get(i.skuId);
    const sold = shownSold(i);
    return {
      id: i.id,
      skuId: i.skuId,
      productName: s?.productName ?? '',
      spec: s?.spec ?? '',
      unit: s?.unit ?? '',
      imageUrl: s?.imageUrl ?? null,
      supplierId: s?.supplierId ?? null,
      priceFen: i.priceFen,
      // formed: the final tier everyone pays, whatever was given back after the decision
      currentPriceFen: i.finalPriceFen ?? priceAt(i.priceFen, i.tiers, sold),
      tiers: i.tiers,
      totalCap: i.totalCap,
      perPersonCap: i.perPersonCap,
      sold,
      remaining: i.totalCap === null ? null : Math.max(0, i.totalCap - sold),
    };
  });
  return {
    id: c.id,
    storeId: c.storeId,
    title: c.title,
    description: c.description,
    status: c.status,
    openAt: c.openAt.toISOString(),
    cutoffAt: c.cutoffAt.toISOString(),
    pickupDate: c.pickupDate,
    minKind: c.minKind,
    minValue: c.minValue,
    items: itemViews,
    slots: slots.map((s) => ({ id: s.id, label: s.label, capacity: s.capacity, booked: s.booked })),
    progress: { ...progress, minKind: c.minKind, minValue: c.minValue, reached: reached(c, progress) },
    sharePath: sharePath(slug, c.id),
    decidedAt: c.decidedAt?.toISOString() ?? null,
    settledAt: c.settledAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
