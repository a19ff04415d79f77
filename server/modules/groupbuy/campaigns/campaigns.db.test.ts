import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../kernel/clock.js';
import { createTestDatabase } from '../../../testing/test-db.js';
import type { CampaignInput } from '../contract.js';
import { runCutoff } from '../cutoff/cutoff-job.js';
import { joinCampaign } from '../join/join-campaign.js';
import { campaignWorld, eventsOf, HOUR, recordingPayments } from '../testing.js';
import { closeCampaign } from './close-campaign.js';
import { createCampaign } from './create-campaign.js';
import { getCampaign, listCampaigns } from './queries.js';
import { editCampaign } from './update-campaign.js';

const database = await createTestDatabase();
const db = database.db;

describe('campaigns (console)', () => {
  it('refuses bad settings: cut-off before open, ladder tiers that do not get cheaper, 限购 above the cap, a SKU of another store', async () => {
    const clock = new ManualClock();
    const w = await campaignWorld(db, clock);
    const other = await campaignWorld(db, clock);
    const now = clock.now().getTime();
    const input: CampaignInput = {
      title: 't',
      openAt: new Date(now).toISOString(),
      cutoffAt: new Date(now + HOUR).toISOString(),
      pickupDate: new Date(now + 48 * HOUR).toISOString().slice(0, 10),
      items: [{ skuId: w.skuId, priceFen: 1000 }],
    };
    await expect(createCampaign(w.ctx, { ...input, cutoffAt: input.openAt }, w.tenant.slug)).rejects.toMatchObject({ code: 'CAMPAIGN_INVALID' });
    await expect(
      createCampaign(w.ctx, { ...input, items: [{ skuId: w.skuId, priceFen: 1000, tiers: [{ minQty: 10, priceFen: 1100 }] }] }, w.tenant.slug),
    ).rejects.toMatchObject({ code: 'CAMPAIGN_INVALID' });
    await expect(
      createCampaign(w.ctx, { ...input, items: [{ skuId: w.skuId, priceFen: 1000, totalCap: 2, perPersonCap: 3 }] }, w.tenant.slug),
    ).rejects.toMatchObject({ code: 'CAMPAIGN_INVALID' });
    await expect(createCampaign(w.ctx, { ...input, items: [{ skuId: other.skuId, priceFen: 1000 }] }, w.tenant.slug)).rejects.toMatchObject({
      code: 'SKU_NOT_FOUND',
    });
    await expect(getCampaign(w.ctx, other.campaign.id, w.tenant.slug)).rejects.toMatchObject({ code: 'CAMPAIGN_NOT_FOUND' });
    const draft = await createCampaign(w.ctx, input, w.tenant.slug);
    expect(draft.status).toBe('draft');
    expect((await listCampaigns(w.ctx, w.tenant.slug)).map((c) => c.id).sort()).toEqual([draft.id, w.campaign.id].sort());
  });

  it('edits keep the counters: a cap never goes below what is sold, a sold item stays', async () => {
    const clock = new ManualClock();
    const w = await campaignWorld(db, clock, { item: { totalCap: 10 } });
    await joinCampaign(w.ctx, await w.neighbour(), w.campaign.id, { items: [{ itemId: w.itemId, qty: 3 }], paymentMethod: 'pay_at_pickup' });
    const c = w.campaign;
    const input = (items: CampaignInput['items']): CampaignInput => ({
      title: '水蜜桃接龙（加量）',
      status: 'open',
      openAt: c.openAt,
      cutoffAt: c.cutoffAt,
      pickupDate: c.pickupDate,
      items,
    });
    await expect(editCampaign(w.ctx, c.id, input([{ id: w.itemId, skuId: w.skuId, priceFen: 3990, totalCap: 2 }]), w.tenant.slug)).rejects.toMatchObject({
      code: 'CAMPAIGN_INVALID',
    });
    await expect(editCampaign(w.ctx, c.id, { ...input([{ skuId: w.skuId, priceFen: 1 }]) }, w.tenant.slug)).rejects.toMatchObject({
      code: 'CAMPAIGN_STATE_INVALID',
    });
    const saved = await editCampaign(w.ctx, c.id, input([{ id: w.itemId, skuId: w.skuId, priceFen: 3990, totalCap: 20 }]), w.tenant.slug);
    expect(saved.items[0]).toMatchObject({ id: w.itemId, sold: 3, totalCap: 20, remaining: 17 });
    expect(saved.title).toBe('水蜜桃接龙（加量）');
  });

  it('closing early stops joins at once; the next cut-off run decides', async () => {
    const clock = new ManualClock();
    const w = await campaignWorld(db, clock, { minKind: 'buyers', minValue: 1 });
    await joinCampaign(w.ctx, await w.neighbour(), w.campaign.id, { items: [{ itemId: w.itemId, qty: 1 }], paymentMethod: 'pay_at_pickup' });
    const closed = await closeCampaign(w.ctx, w.campaign.id, w.tenant.slug);
    expect(closed.status).toBe('closed');
    expect(new Date(closed.cutoffAt).getTime()).toBe(clock.now().getTime());
    await expect(
      joinCampaign(w.ctx, await w.neighbour(), w.campaign.id, { items: [{ itemId: w.itemId, qty: 1 }], paymentMethod: 'pay_at_pickup' }),
    ).rejects.toMatchObject({ code: 'CAMPAIGN_CUTOFF_PASSED' });
    await runCutoff(db, { clock, outboxWake: () => {}, payments: recordingPayments().port });
    expect((await getCampaign(w.ctx, w.campaign.id, w.tenant.slug)).status).toBe('formed');
    expect(await eventsOf(db, w.tenant.storeId, 'groupbuy.campaign_formed')).toHaveLength(1);
  });
});
