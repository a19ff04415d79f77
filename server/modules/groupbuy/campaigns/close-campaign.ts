import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import type { PaymentsPort } from '../../orders/index.js';
import type { CampaignView } from '../contract.js';
import { settleCampaign } from '../cutoff/settle-campaign.js';
import { findCampaign, updateCampaign } from './campaign.repo.js';
import { presentCampaign } from './present.js';

/** 提前截单: no more joins from now; the cut-off job decides formed / failed on its next tick. */
export async function closeCampaign(ctx: Ctx, id: string, slug: string): Promise<CampaignView> {
  return inTx(ctx, async (tx) => {
    const c = await findCampaign(tx, id, 'update');
    if (c.status === 'closed') return presentCampaign(tx, c, slug);
    if (c.status !== 'open') throw new AppError('CAMPAIGN_STATE_INVALID', { status: c.status, to: 'closed' });
    const now = tx.clock.now();
    const saved = await updateCampaign(tx, c, { status: 'closed', cutoffAt: c.cutoffAt < now ? c.cutoffAt : now });
    await emit(tx, 'groupbuy.campaign_closed', { campaignId: id });
    return presentCampaign(tx, saved, slug);
  });
}

/**
 * The store calls the campaign off before its decision: every order is cancelled and refunded in
 * full through the payments port (failed refunds wait in the payments retry queue). The status
 * is committed first; if the refunds stop halfway, the cut-off job finishes them.
 */
export async function cancelCampaign(ctx: Ctx, id: string, slug: string, payments: PaymentsPort): Promise<CampaignView> {
  await inTx(ctx, async (tx) => {
    const c = await findCampaign(tx, id, 'update');
    if (c.status === 'cancelled') return;
    if (c.status !== 'draft' && c.status !== 'open' && c.status !== 'closed') throw new AppError('CAMPAIGN_STATE_INVALID', { status: c.status, to: 'cancelled' });
    await updateCampaign(tx, c, { status: 'cancelled', decidedAt: tx.clock.now() });
    await emit(tx, 'groupbuy.campaign_cancelled', { campaignId: id });
  });
  const settled = await settleCampaign(ctx, id, { payments });
  return presentCampaign(ctx, settled, slug);
}
