import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../testing/api.js';
import { makeTenant } from '../../../testing/factories.js';
import { createProduct } from '../../catalog/index.js';
import { findOrCreateCustomerByPhone } from '../../customers/index.js';
import { createSession } from '../../tenancy/index.js';
import { joinCampaign } from '../join/join-campaign.js';
import { closeCampaign } from './close-campaign.js';
import { createCampaign } from './create-campaign.js';

const t = await createTestApp();
const db = t.database.db;
const HOUR = 3_600_000;
const PHONE = /(?<![0-9a-f])1[3-9]\d{9}(?![0-9a-f])/;

describe('the shop home lists the campaigns taking joins (GET /api/shop/:slug/campaigns)', () => {
  it('open ones only, soonest cut-off first, with price now, ladder and 成团 progress; no names or phones; other stores apart', async () => {
    const now = t.clock.now().getTime();
    const at = (h: number) => new Date(now + h * HOUR).toISOString();
    const store = async () => {
      const tenant = await makeTenant(db, { clock: t.clock });
      const p = await createProduct(tenant.ctx(), { name: '阳山水蜜桃', skus: [{ spec: '6只装', unit: '盒', priceFen: 5000 }] });
      const campaign = (title: string, o: { status?: 'draft' | 'open'; openH?: number; cutoffH?: number } = {}) =>
        createCampaign(
          tenant.ctx(),
          {
            title,
            status: o.status ?? 'open',
            openAt: at(o.openH ?? -1),
            cutoffAt: at(o.cutoffH ?? 5),
            pickupDate: at(48).slice(0, 10),
            minKind: 'buyers',
            minValue: 3,
            items: [{ skuId: p.skus[0]!.id, priceFen: 3990, totalCap: 20, tiers: [{ minQty: 3, priceFen: 3590 }, { minQty: 10, priceFen: 3290 }] }],
          },
          tenant.slug,
        );
      return { tenant, campaign };
    };
    const a = await store();
    const later = await a.campaign('晚截单', { cutoffH: 9 });
    const sooner = await a.campaign('早截单', { cutoffH: 2 });
    await a.campaign('草稿', { status: 'draft' });
    await a.campaign('明天开团', { openH: 3, cutoffH: 20 });
    const closed = await a.campaign('已截单');
    await closeCampaign(a.tenant.ctx(), closed.id, a.tenant.slug);
    const b = await store();
    await b.campaign('别家的团');

    const names = ['张伟明', '李娜娜'];
    for (const [i, name] of names.entries()) {
      const { customerId } = await findOrCreateCustomerByPhone(a.tenant.ctx(), `1390000111${i}`, { name });
      await joinCampaign(a.tenant.ctx(), customerId, sooner.id, { items: [{ itemId: sooner.items[0]!.id, qty: 2 }], paymentMethod: 'pay_at_pickup' });
    }

    const url = `/api/shop/${a.tenant.slug}/campaigns`;
    const anon = await t.app.inject({ method: 'GET', url });
    expect(anon.statusCode).toBe(200);
    const list = anon.json();
    expect(list.now).toBe(t.clock.now().toISOString());
    expect(list.campaigns.map((c: { title: string }) => c.title)).toEqual(['早截单', '晚截单']);
    expect(list.campaigns[0]).toMatchObject({
      id: sooner.id,
      cutoffAt: sooner.cutoffAt,
      sharePath: `/shop/${a.tenant.slug}/c/${sooner.id}`,
      progress: { buyers: 2, qty: 4, minKind: 'buyers', minValue: 3, reached: false },
      items: [{ productName: '阳山水蜜桃', spec: '6只装', priceFen: 3990, currentPriceFen: 3590, remaining: 16, tiers: [{ minQty: 3, priceFen: 3590 }, { minQty: 10, priceFen: 3290 }] }],
    });
    expect(list.campaigns[1]).toMatchObject({ id: later.id, progress: { buyers: 0, qty: 0 } });
    // public: counts only, nothing of who joined, nor staff-only fields
    expect(anon.body).not.toMatch(PHONE);
    for (const n of names) expect(anon.body).not.toContain(n);
    expect(list.campaigns[0].items[0].supplierId).toBeUndefined();
    expect(list.campaigns[0].entries).toBeUndefined();

    // a signed-in neighbour sees the same list (their own name is not in it either)
    const { customerId } = await findOrCreateCustomerByPhone(a.tenant.ctx(), '13900001110');
    const s = await createSession(db, { kind: 'customer', orgId: a.tenant.orgId, storeId: a.tenant.storeId, subjectId: customerId, now: t.clock.now() });
    const signedIn = await t.app.inject({ method: 'GET', url, headers: { cookie: `linli_shop=${s.token}` } });
    expect(signedIn.json().campaigns).toEqual(list.campaigns);
    expect(signedIn.body).not.toContain(names[0]);

    expect((await t.app.inject({ method: 'GET', url: `/api/shop/${b.tenant.slug}/campaigns` })).json().campaigns.map((c: { title: string }) => c.title)).toEqual(['别家的团']);
    expect((await t.app.inject({ method: 'GET', url: '/api/shop/no-such-store/campaigns' })).statusCode).toBe(404);

    // at the cut-off the campaign leaves the list
    t.clock.set(new Date(sooner.cutoffAt));
    expect((await t.app.inject({ method: 'GET', url })).json().campaigns.map((c: { title: string }) => c.title)).toEqual(['晚截单']);
  });
});
