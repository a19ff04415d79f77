import { describe, expect, it } from 'vitest';
import { newId } from './kernel/ids.js';
import { createTestApp } from './testing/api.js';
import { createCampaign } from './modules/groupbuy/index.js';
import { liveShow } from './modules/live/commerce/testing.js';
import { shopWorld } from './modules/orders/testing.js';

/** The presale port (app.ts): the live room shows and joins group-buy campaigns without importing them. */
describe('presale (接龙) from the live room', async () => {
  const t = await createTestApp();

  it('shows open campaigns in the room; a join from the room is a presale order counted for the show', async () => {
    const w = await shopWorld(t);
    const showId = await liveShow(w.ctx);
    const campaign = await createCampaign(w.ctx, {
      title: '阳光玫瑰接龙', status: 'open', openAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
      cutoffAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(), pickupDate: '2099-01-01', items: [{ skuId: w.skuId, priceFen: 990 }],
    }, w.tenant.slug);
    const n = await w.neighbour();
    const room = (await n.get(`/api/shop/${w.tenant.slug}/live/shows/${showId}/commerce`)).json();
    expect(room.campaigns).toEqual([expect.objectContaining({ id: campaign.id, title: '阳光玫瑰接龙', lowestPriceFen: 990, joined: 0 })]);

    const url = `/api/shop/${w.tenant.slug}/live/shows/${showId}/presale/${campaign.id}/orders`;
    const body = { items: [{ itemId: campaign.items[0]!.id, qty: 2 }], paymentMethod: 'pay_at_pickup' };
    const key = newId();
    const res = await n.post(url, body, key);
    expect(res.statusCode, res.body).toBe(200);
    const order = res.json();
    expect(order).toMatchObject({ channel: 'groupbuy', fulfilment: 'presale', totalFen: 1980, customerId: n.customerId, sourceRef: `live:${showId}` });
    expect((await n.post(url, body, key)).json().id).toBe(order.id);

    const sales = (await w.owner.get(`/api/console/live/shows/${showId}/sales`)).json();
    expect(sales).toMatchObject({ orders: 1, presaleOrders: 1, units: 2, gmvFen: 1980 });
    // another store's show cannot take the join
    const other = await shopWorld(t);
    const otherShow = await liveShow(other.ctx);
    expect((await n.post(`/api/shop/${w.tenant.slug}/live/shows/${otherShow}/presale/${campaign.id}/orders`, body, newId())).json().code).toBe('LIVE_SHOW_NOT_FOUND');
  });
});
