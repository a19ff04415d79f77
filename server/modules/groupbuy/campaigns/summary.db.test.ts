import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../kernel/clock.js';
import { createTestDatabase } from '../../../testing/test-db.js';
import { joinCampaign } from '../join/join-campaign.js';
import { campaignWorld } from '../testing.js';
import { closeCampaign } from './close-campaign.js';
import { listOpenCampaigns, summariseCampaign } from './summary.js';

const database = await createTestDatabase();

describe('what the live room sees of campaigns (through its port)', () => {
  it('summarises price now, 成团 progress and the share path; lists only campaigns taking joins; a live join carries its show', async () => {
    const clock = new ManualClock();
    const w = await campaignWorld(database.db, clock, { minKind: 'buyers', minValue: 3, item: { priceFen: 1000, tiers: [{ minQty: 2, priceFen: 900 }] } });
    const order = await joinCampaign(w.ctx, await w.neighbour(), w.campaign.id, { items: [{ itemId: w.itemId, qty: 2 }], paymentMethod: 'pay_at_pickup' }, { sourceRef: 'live:show-1' });
    expect(order.sourceRef).toBe('live:show-1');
    const plain = await joinCampaign(w.ctx, await w.neighbour(), w.campaign.id, { items: [{ itemId: w.itemId, qty: 1 }], paymentMethod: 'pay_at_pickup' });
    expect(plain.sourceRef).toBe(`groupbuy:${w.campaign.id}`);

    const s = await summariseCampaign(w.ctx, w.campaign.id, w.tenant.slug);
    expect(s).toMatchObject({ id: w.campaign.id, title: '水蜜桃接龙', status: 'open', lowestPriceFen: 900, joined: 2, goal: 3, minKind: 'buyers', sharePath: `/shop/${w.tenant.slug}/c/${w.campaign.id}` });
    expect((await listOpenCampaigns(w.ctx, w.tenant.slug)).map((c) => c.id)).toEqual([w.campaign.id]);
    await closeCampaign(w.ctx, w.campaign.id, w.tenant.slug);
    expect(await listOpenCampaigns(w.ctx, w.tenant.slug)).toEqual([]);
  });
});
