import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../testing/api.js';
import { receive } from '../../inventory/index.js';
import { getOrder, holdPresaleLine, markReady } from '../../orders/index.js';
import { joinCampaign } from '../join/join-campaign.js';
import { noShowTimes } from '../noshow/schedule.js';
import { gbItems } from '../tables.js';
import { campaignWorld } from '../testing.js';

const t = await createTestApp();
const db = t.database.db;

describe('the progress of a decided campaign is what was sold at the cut-off', () => {
  it('a no-show close gives the caps back, yet the public and console pages keep sold, buyers and the final tier', async () => {
    const w = await campaignWorld(db, t.clock, {
      minKind: 'qty',
      minValue: 4,
      item: { priceFen: 3990, totalCap: 10, tiers: [{ minQty: 5, priceFen: 3590 }] },
    });
    const orders = [];
    for (const qty of [2, 2, 1]) {
      orders.push(await joinCampaign(w.ctx, await w.neighbour('张伟明'), w.campaign.id, { items: [{ itemId: w.itemId, qty }], paymentMethod: 'pay_at_pickup' }));
    }
    t.clock.set(w.cutoffAt);
    await t.scheduler.runNow('groupbuy.cutoff');
    await t.dispatcher.drain();

    const publicUrl = `/api/shop/${w.tenant.slug}/campaigns/${w.campaign.id}`;
    const owner = await t.loginStaff(w.tenant.ownerLogin, 'test-password-1');
    const views = async () => [
      (await t.app.inject({ method: 'GET', url: publicUrl })).json(),
      (await t.app.inject({ method: 'GET', url: `/api/console/campaigns/${w.campaign.id}`, headers: { cookie: owner } })).json(),
    ];
    const atCutoff = { status: 'formed', progress: { buyers: 3, qty: 5, reached: true }, items: [{ sold: 5, remaining: 5, currentPriceFen: 3590 }] };
    for (const v of await views()) expect(v).toMatchObject(atCutoff);

    // the goods arrive for everyone; nobody comes to pick up
    await receive(w.ctx, { skuId: w.skuId, qty: 5 });
    for (const o of orders) {
      await holdPresaleLine(w.ctx, o.id, o.lines[0]!.id);
      await markReady(w.ctx, o.id);
    }
    const { closeAt } = noShowTimes(w.campaign.pickupDate, 2, 'Asia/Shanghai');
    t.clock.set(closeAt);
    await t.scheduler.runNow('groupbuy.no-show');
    await t.dispatcher.drain();
    for (const o of orders) expect((await getOrder(w.ctx, o.id)).status).toBe('cancelled');
    // the caps were given back (the live counter), …
    const [item] = await db.select().from(gbItems).where(eq(gbItems.id, w.itemId));
    expect(item).toMatchObject({ sold: 0, soldAtCutoff: 5, finalPriceFen: 3590 });
    // … the pages still show what the group reached
    for (const v of await views()) expect(v).toMatchObject(atCutoff);
    const list = (await t.app.inject({ method: 'GET', url: `/api/console/campaigns`, headers: { cookie: owner } })).json();
    expect(list[0]).toMatchObject(atCutoff);
  });

  it('a failed campaign keeps showing how far it got, though everyone was refunded', async () => {
    const w = await campaignWorld(db, t.clock, { minKind: 'buyers', minValue: 3 });
    for (let i = 0; i < 2; i++) {
      await joinCampaign(w.ctx, await w.neighbour(), w.campaign.id, { items: [{ itemId: w.itemId, qty: 1 }], paymentMethod: 'pay_at_pickup' });
    }
    t.clock.set(w.cutoffAt);
    await t.scheduler.runNow('groupbuy.cutoff');
    await t.dispatcher.drain();
    const [item] = await db.select().from(gbItems).where(eq(gbItems.id, w.itemId));
    expect(item).toMatchObject({ sold: 0, soldAtCutoff: 2 });
    const v = (await t.app.inject({ method: 'GET', url: `/api/shop/${w.tenant.slug}/campaigns/${w.campaign.id}` })).json();
    expect(v).toMatchObject({ status: 'failed', progress: { buyers: 2, qty: 2, reached: false }, items: [{ sold: 2 }] });
  });
});
