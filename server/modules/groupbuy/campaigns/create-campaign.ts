import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { newId } from '../../../kernel/ids.js';
import { CampaignInput, type CampaignView } from '../contract.js';
import { gbCampaigns, gbItems, gbSlots } from '../tables.js';
import { campaignColumns, findCampaign } from './campaign.repo.js';
import { presentCampaign } from './present.js';
import { validateCampaign } from './validate.js';

/** A new campaign (draft or open at once), its items and pickup slots, in one transaction. */
export async function createCampaign(ctx: Ctx, input: CampaignInput, slug: string): Promise<CampaignView> {
  const d = CampaignInput.parse(input);
  await validateCampaign(ctx, d);
  return inTx(ctx, async (tx) => {
    const now = tx.clock.now();
    const id = newId();
    await tx.db.insert(gbCampaigns).values({
      id,
      orgId: tx.orgId,
      storeId: tx.storeId,
      ...campaignColumns(d),
      createdAt: now,
      updatedAt: now,
    });
    await tx.db.insert(gbItems).values(
      d.items.map((i, position) => ({
        id: newId(),
        campaignId: id,
        storeId: tx.storeId,
        position,
        skuId: i.skuId,
        priceFen: i.priceFen,
        tiers: i.tiers,
        totalCap: i.totalCap,
        perPersonCap: i.perPersonCap,
      })),
    );
    if (d.slots.length > 0) {
      await tx.db.insert(gbSlots).values(d.slots.map((s) => ({ id: newId(), campaignId: id, storeId: tx.storeId, label: s.label, capacity: s.capacity })));
    }
    await emit(tx, 'groupbuy.campaign_saved', { campaignId: id, status: d.status });
    return presentCampaign(tx, await findCampaign(tx, id), slug);
  });
}
