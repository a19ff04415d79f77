import { and, eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { CampaignInput, type CampaignView } from '../contract.js';
import { gbItems, gbSlots } from '../tables.js';
import { campaignColumns, findCampaign, itemsOf, slotsOf, updateCampaign } from './campaign.repo.js';
import { presentCampaign } from './present.js';
import { validateCampaign } from './validate.js';

/**
 * Edits a draft or open campaign. Items and slots with an id keep their counters: a cap never
 * goes below what is sold or booked, and an item or slot in use cannot be removed.
 */
export async function editCampaign(ctx: Ctx, id: string, input: CampaignInput, slug: string): Promise<CampaignView> {
  const d = CampaignInput.parse(input);
  await validateCampaign(ctx, d);
  return inTx(ctx, async (tx) => {
    const c = await findCampaign(tx, id, 'update');
    if (c.status !== 'draft' && c.status !== 'open') throw new AppError('CAMPAIGN_STATE_INVALID', { status: c.status });
    if (c.status === 'open' && d.status === 'draft') throw new AppError('CAMPAIGN_STATE_INVALID', { status: c.status, to: 'draft' });

    const items = await itemsOf(tx, id);
    for (const old of items) {
      const next = d.items.find((i) => i.id === old.id);
      if (!next && old.sold > 0) throw new AppError('CAMPAIGN_STATE_INVALID', { reason: 'item already sold', itemId: old.id });
      if (next && next.skuId !== old.skuId && old.sold > 0) throw new AppError('CAMPAIGN_STATE_INVALID', { reason: 'sku of a sold item', itemId: old.id });
      if (next && next.totalCap !== null && next.totalCap < old.sold) {
        throw new AppError('CAMPAIGN_INVALID', { reason: 'cap below sold', itemId: old.id, sold: old.sold });
      }
    }
    for (const [position, i] of d.items.entries()) {
      if (i.id && !items.some((o) => o.id === i.id)) throw new AppError('CAMPAIGN_ITEM_NOT_FOUND', { itemId: i.id });
      const set = { position, skuId: i.skuId, priceFen: i.priceFen, tiers: i.tiers, totalCap: i.totalCap, perPersonCap: i.perPersonCap };
      if (i.id) await tx.db.update(gbItems).set(set).where(and(eq(gbItems.id, i.id), eq(gbItems.campaignId, id)));
      else await tx.db.insert(gbItems).values({ id: newId(), campaignId: id, storeId: tx.storeId, ...set });
    }
    for (const old of items) if (!d.items.some((i) => i.id === old.id)) await tx.db.delete(gbItems).where(eq(gbItems.id, old.id));

    const slots = await slotsOf(tx, id);
    for (const old of slots) {
      const next = d.slots.find((s) => s.id === old.id);
      if ((!next && old.booked > 0) || (next && next.capacity < old.booked)) {
        throw new AppError('CAMPAIGN_INVALID', { reason: 'slot already booked', slotId: old.id, booked: old.booked });
      }
    }
    for (const s of d.slots) {
      if (s.id && !slots.some((o) => o.id === s.id)) throw new AppError('VALIDATION_FAILED', { slotId: s.id });
      if (s.id) await tx.db.update(gbSlots).set({ label: s.label, capacity: s.capacity }).where(eq(gbSlots.id, s.id));
      else await tx.db.insert(gbSlots).values({ id: newId(), campaignId: id, storeId: tx.storeId, label: s.label, capacity: s.capacity });
    }
    for (const old of slots) if (!d.slots.some((s) => s.id === old.id)) await tx.db.delete(gbSlots).where(eq(gbSlots.id, old.id));

    const saved = await updateCampaign(tx, c, campaignColumns(d));
    await emit(tx, 'groupbuy.campaign_saved', { campaignId: id, status: saved.status });
    return presentCampaign(tx, saved, slug);
  });
}
