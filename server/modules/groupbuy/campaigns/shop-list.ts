import type { Ctx } from '../../../kernel/ctx.js';
import type { ShopCampaignList } from '../contract.js';
import { openCampaignViews } from './summary.js';

/**
 * The shop home's 接龙 list: the store's campaigns taking joins now, with what a card needs
 * (price now and ladder, cut-off, 成团 progress, the share path). Public: counts only, no
 * entries, so no name or phone can leave here; suppliers stay staff-only.
 */
export async function listShopCampaigns(ctx: Ctx, slug: string): Promise<ShopCampaignList> {
  const views = await openCampaignViews(ctx, slug);
  return {
    now: ctx.clock.now().toISOString(),
    campaigns: views.map((v) => ({
      id: v.id,
      title: v.title,
      cutoffAt: v.cutoffAt,
      pickupDate: v.pickupDate,
      items: v.items.map((i) => ({
        id: i.id,
        productName: i.productName,
        spec: i.spec,
        unit: i.unit,
        imageUrl: i.imageUrl,
        priceFen: i.priceFen,
        currentPriceFen: i.currentPriceFen,
        tiers: i.tiers,
        remaining: i.remaining,
      })),
      progress: v.progress,
      sharePath: v.sharePath,
    })),
  };
}
