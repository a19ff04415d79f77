import { and, desc, eq, gt, lte } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import type { CampaignSummary, CampaignView } from '../contract.js';
import { gbCampaigns } from '../tables.js';
import { findCampaign } from './campaign.repo.js';
import { presentCampaign } from './present.js';

/** What another channel shows of a campaign (the live room, through a port wired in app.ts). */
export function toSummary(c: CampaignView): CampaignSummary {
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    lowestPriceFen: c.items.length > 0 ? Math.min(...c.items.map((i) => i.currentPriceFen)) : 0,
    cutoffAt: c.cutoffAt,
    joined: c.minKind === 'buyers' ? c.progress.buyers : c.progress.qty,
    goal: c.minValue,
    minKind: c.minKind,
    sharePath: c.sharePath,
    imageUrl: c.items.find((i) => i.imageUrl)?.imageUrl ?? null,
  };
}

export async function summariseCampaign(ctx: Ctx, campaignId: string, slug: string): Promise<CampaignSummary> {
  return toSummary(await presentCampaign(ctx, await findCampaign(ctx, campaignId), slug));
}

/** The store's campaigns taking joins now (open, opened, cut-off ahead), the soonest cut-off first. */
export async function listOpenCampaigns(ctx: Ctx, slug: string): Promise<CampaignSummary[]> {
  return (await openCampaignViews(ctx, slug)).map(toSummary);
}

/** The views of the campaigns taking joins now (with at least one item), the soonest cut-off first. */
export async function openCampaignViews(ctx: Ctx, slug: string): Promise<CampaignView[]> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select()
    .from(gbCampaigns)
    .where(and(eq(gbCampaigns.storeId, ctx.storeId), eq(gbCampaigns.status, 'open'), lte(gbCampaigns.openAt, now), gt(gbCampaigns.cutoffAt, now)))
    .orderBy(gbCampaigns.cutoffAt, desc(gbCampaigns.createdAt))
    .limit(50);
  const views = await Promise.all(rows.map((c) => presentCampaign(ctx, c, slug)));
  return views.filter((v) => v.items.length > 0);
}
