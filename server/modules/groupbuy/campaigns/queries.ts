import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { maskName } from '../../../kernel/privacy.js';
import { getCustomers } from '../../customers/index.js';
import type { CampaignView, PublicCampaignView } from '../contract.js';
import { gbCampaigns } from '../tables.js';
import { entriesOf, findCampaign } from './campaign.repo.js';
import { presentCampaign } from './present.js';

const LIST_MAX = 500;

export async function getCampaign(ctx: Ctx, id: string, slug: string): Promise<CampaignView> {
  return presentCampaign(ctx, await findCampaign(ctx, id), slug);
}

export async function listCampaigns(ctx: Ctx, slug: string): Promise<CampaignView[]> {
  const rows = await ctx.db.select().from(gbCampaigns).where(eq(gbCampaigns.storeId, ctx.storeId)).orderBy(desc(gbCampaigns.createdAt)).limit(100);
  return Promise.all(rows.map((c) => presentCampaign(ctx, c, slug)));
}

/**
 * What anyone with the link sees: countdown, 成团 progress, items, the 接龙 list. Others appear
 * as "张** 2份" (never a phone or a full name); `viewerId`'s own entries carry their name and mine.
 */
export async function publicCampaign(ctx: Ctx, id: string, slug: string, viewerId: string | null): Promise<PublicCampaignView> {
  const c = await findCampaign(ctx, id);
  if (c.status === 'draft') throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId: id });
  const view = await presentCampaign(ctx, c, slug);
  const entries = (await entriesOf(ctx, c.id, { active: true })).slice(-LIST_MAX);
  const names = await getCustomers(ctx, [...new Set(entries.map((e) => e.customerId))]);
  // the public shape drops what only staff need (suppliers, settlement times)
  const { decidedAt, settledAt, ...rest } = view;
  void [decidedAt, settledAt];
  return {
    ...rest,
    items: view.items.map((i) => {
      const { supplierId, ...pub } = i;
      void supplierId;
      return pub;
    }),
    now: ctx.clock.now().toISOString(),
    entries: entries.map((e) => {
      const mine = viewerId !== null && e.customerId === viewerId;
      const name = names.get(e.customerId)?.name ?? '';
      return {
        seq: e.seq,
        who: mine ? name || '我' : maskName(name),
        summary: `${e.lines.reduce((s, l) => s + l.qty, 0)}份`,
        at: e.createdAt.toISOString(),
        mine,
      };
    }),
  };
}
