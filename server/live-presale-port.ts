import type { Ctx } from './kernel/ctx.js';
import { AppError } from './kernel/errors.js';
import { joinCampaign, listOpenCampaigns, summariseCampaign } from './modules/groupbuy/index.js';
import type { PresalePort } from './modules/live/index.js';
import { storeById } from './modules/tenancy/index.js';

/**
 * The live room's presale port, implemented with the group-buy module (the composition root is
 * the only place that sees both channels). A join from the room carries `live:<showId>`.
 */
export function livePresalePort(): PresalePort {
  // the share path of a campaign names the store's slug; the ctx knows only the store id
  const slugOf = async (ctx: Ctx) => {
    const s = await storeById(ctx.db, ctx.orgId, ctx.storeId);
    if (!s) throw new AppError('STORE_NOT_FOUND');
    return s.slug;
  };
  return {
    listOpen: async (ctx) => listOpenCampaigns(ctx, await slugOf(ctx)),
    summary: async (ctx, id) => summariseCampaign(ctx, id, await slugOf(ctx)),
    join: (ctx, customerId, campaignId, input, opts) => joinCampaign(ctx, customerId, campaignId, input, { sourceRef: opts.sourceRef }),
  };
}
