import { describe, expect, it } from 'vitest';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import { newId } from '../../../kernel/ids.js';
import { createTestApp } from '../../../testing/api.js';
import { makeTenant, TEST_PASSWORD, type Tenant } from '../../../testing/factories.js';
import { createProduct } from '../../catalog/index.js';
import { findOrCreateCustomerByPhone } from '../../customers/index.js';
import { receive, reserve } from '../../inventory/index.js';
import { createSession } from '../../tenancy/index.js';
import type { SkuAvailabilityView } from '../contract.js';
import { runCutoff } from '../cutoff/cutoff-job.js';
import { joinCampaign } from '../join/join-campaign.js';
import type { PurchaseOrderSummary, PurchaseOrderView } from '../procurement/contract.js';
import { makeCatalog } from '../procurement/test-helpers.js';
import { HOUR } from '../testing.js';
import { createCampaign } from './create-campaign.js';

/**
 * 现货 + 在途 for a campaign item's cap: on hand and reserved from the ledger, incoming from
 * purchase orders sent and not yet fully received, in the staff's own store only.
 */
describe('GET /api/console/campaigns/availability', async () => {
  const t = await createTestApp();
  const tenant = await makeTenant(t.database.db, { outboxWake: t.dispatcher.wake });
  const ctx = tenant.ctx();
  const owner = await t.loginStaff(tenant.ownerLogin, TEST_PASSWORD);
  const get = (url: string, cookie = owner) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, payload: object = {}, key?: string) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: owner, 'x-linli-csrf': '1', ...(key ? { 'idempotency-key': key } : {}) }, payload });
  const availability = async (skuIds: string[], cookie = owner) => {
    const res = await get(`/api/console/campaigns/availability?skuIds=${skuIds.join(',')}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return new Map((res.json() as SkuAvailabilityView[]).map((a) => [a.skuId, a]));
  };

  /** what the cut-off does when a campaign forms: one PO per supplier, as a draft */
  async function formCampaign(who: Tenant, demand: Array<{ skuId: string; qty: number }>): Promise<PurchaseOrderView> {
    const campaignId = newId();
    await inTx(who.ctx(), (tx) => emit(tx, 'groupbuy.campaign_formed', { campaignId, demand: demand.map((d) => ({ ...d, supplierId: null })) }));
    await t.dispatcher.drain();
    const cookie = who === tenant ? owner : await t.loginStaff(who.ownerLogin, TEST_PASSWORD);
    const [po] = (await get(`/api/console/purchase-orders?campaignId=${campaignId}`, cookie)).json() as PurchaseOrderSummary[];
    return (await get(`/api/console/purchase-orders/${po!.id}`, cookie)).json() as PurchaseOrderView;
  }

  it('counts a sent PO’s open quantity (less what its campaign already sold), stops counting what arrived, and ignores drafts and closed POs', async () => {
    const c = await makeCatalog(ctx);
    await receive(ctx, { skuId: c.grapeBox, qty: 20, note: '期初' });
    await reserve(ctx, { skuId: c.grapeBox, qty: 3, channel: 'pos', orderLineId: newId(), expiresAt: null });
    const shelfOnly = { onHand: 20, reserved: 3, available: 17, incoming: 0, incomingSold: 0, sellable: 17 };
    expect((await availability([c.grapeBox])).get(c.grapeBox)).toEqual({ skuId: c.grapeBox, ...shelfOnly });

    // 25 sold at cut-off → 36 ordered (5% loss buffer, cases of 12); a draft is not ordered yet
    const po = await formCampaign(tenant, [{ skuId: c.grapeBox, qty: 25 }]);
    expect(po).toMatchObject({ status: 'draft', orderedQty: 36 });
    expect((await availability([c.grapeBox])).get(c.grapeBox)).toMatchObject(shelfOnly);

    // sent: 36 on the way, 25 of them already the campaign's buyers'
    expect((await post(`/api/console/purchase-orders/${po.id}/send`)).statusCode).toBe(200);
    expect((await availability([c.grapeBox])).get(c.grapeBox)).toEqual({
      skuId: c.grapeBox, onHand: 20, reserved: 3, available: 17, incoming: 36, incomingSold: 25, sellable: 28,
    });

    // 14 arrive: on hand now, 22 still on the way; the first receipt settled the campaign's demand
    // (this campaign has no presale orders left to fill, so the 14 are surplus for the shelf)
    const line = po.lines[0]!;
    const r1 = await post(`/api/console/purchase-orders/${po.id}/receipts`, { lines: [{ poLineId: line.id, receivedQty: 14 }] }, newId());
    expect(r1.statusCode, r1.body).toBe(200);
    expect((await availability([c.grapeBox])).get(c.grapeBox)).toMatchObject({ onHand: 34, reserved: 3, available: 31, incoming: 22, incomingSold: 0, sellable: 53 });

    // the rest arrives: the PO is received and nothing is counted twice
    const r2 = await post(`/api/console/purchase-orders/${po.id}/receipts`, { lines: [{ poLineId: line.id, receivedQty: 22 }] }, newId());
    expect(r2.json().purchaseOrder.status).toBe('received');
    expect((await availability([c.grapeBox])).get(c.grapeBox)).toMatchObject({ onHand: 56, available: 53, incoming: 0, incomingSold: 0, sellable: 53 });

    // a draft PO and a sent-then-closed (cancelled) PO expect nothing
    const draft = await formCampaign(tenant, [{ skuId: c.grapeBunch, qty: 7 }]);
    const cancelled = await formCampaign(tenant, [{ skuId: c.grapeBunch, qty: 5 }]);
    expect((await post(`/api/console/purchase-orders/${cancelled.id}/send`)).statusCode).toBe(200);
    expect((await availability([c.grapeBunch])).get(c.grapeBunch)).toMatchObject({ incoming: 6, incomingSold: 5 });
    expect((await post(`/api/console/purchase-orders/${cancelled.id}/close`)).statusCode).toBe(200);
    expect(draft.status).toBe('draft');
    expect((await availability([c.grapeBunch, c.eggs])).get(c.grapeBunch)).toEqual({
      skuId: c.grapeBunch, onHand: 0, reserved: 0, available: 0, incoming: 0, incomingSold: 0, sellable: 0,
    });
  });

  it('end to end: a formed campaign’s PO is in transit but already its buyers’; once received it is held for them, and only the buffer is left to sell', async () => {
    const eggs = (await createProduct(ctx, { name: '散养土鸡蛋', skus: [{ spec: '10枚', unit: '盒', priceFen: 1800 }] })).skus[0]!.id;
    await receive(ctx, { skuId: eggs, qty: 5, note: '期初' });
    const now = t.clock.now().getTime();
    const campaign = await createCampaign(
      ctx,
      {
        title: '土鸡蛋接龙',
        status: 'open',
        openAt: new Date(now - HOUR).toISOString(),
        cutoffAt: new Date(now + HOUR).toISOString(),
        pickupDate: new Date(now + 30 * HOUR).toISOString().slice(0, 10),
        items: [{ skuId: eggs, priceFen: 1500, totalCap: 50 }],
      },
      tenant.slug,
    );
    for (const [i, qty] of [4, 3].entries()) {
      const { customerId } = await findOrCreateCustomerByPhone(ctx, `1390001${String(i).padStart(4, '0')}`);
      await joinCampaign(ctx, customerId, campaign.id, { items: [{ itemId: campaign.items[0]!.id, qty }], paymentMethod: 'pay_at_pickup' });
    }
    // a presale join holds no shelf stock
    expect((await availability([eggs])).get(eggs)).toMatchObject({ onHand: 5, reserved: 0, available: 5, incoming: 0, sellable: 5 });

    t.clock.set(new Date(campaign.cutoffAt));
    await runCutoff(t.database.db, { clock: t.clock, outboxWake: t.dispatcher.wake, payments: t.payments });
    await t.dispatcher.drain();
    const [summary] = (await get(`/api/console/purchase-orders?campaignId=${campaign.id}`)).json() as PurchaseOrderSummary[];
    const po = (await get(`/api/console/purchase-orders/${summary!.id}`)).json() as PurchaseOrderView;
    // 7 sold × 1.05 → 8 ordered
    expect(po.lines[0]).toMatchObject({ demandQty: 7, orderedQty: 8 });
    expect((await post(`/api/console/purchase-orders/${po.id}/send`)).statusCode).toBe(200);
    expect((await availability([eggs])).get(eggs)).toMatchObject({ available: 5, incoming: 8, incomingSold: 7, sellable: 6 });

    const r = await post(`/api/console/purchase-orders/${po.id}/receipts`, { lines: [{ poLineId: po.lines[0]!.id, receivedQty: 8 }] }, newId());
    expect(r.statusCode, r.body).toBe(200);
    expect((await availability([eggs])).get(eggs)).toEqual({ skuId: eggs, onHand: 13, reserved: 7, available: 6, incoming: 0, incomingSold: 0, sellable: 6 });
  });

  it('ignores another store’s purchase orders and stock, even for its SKU ids', async () => {
    const other = await makeTenant(t.database.db, { outboxWake: t.dispatcher.wake });
    const theirs = await makeCatalog(other.ctx());
    await receive(other.ctx(), { skuId: theirs.eggs, qty: 40, note: '期初' });
    const po = await formCampaign(other, [{ skuId: theirs.eggs, qty: 10 }]);
    const otherOwner = await t.loginStaff(other.ownerLogin, TEST_PASSWORD);
    const sent = await t.app.inject({ method: 'POST', url: `/api/console/purchase-orders/${po.id}/send`, headers: { cookie: otherOwner, 'x-linli-csrf': '1' } });
    expect(sent.statusCode).toBe(200);
    expect((await availability([theirs.eggs], otherOwner)).get(theirs.eggs)).toMatchObject({ onHand: 40, incoming: 15 });

    expect((await availability([theirs.eggs])).get(theirs.eggs)).toEqual({
      skuId: theirs.eggs, onHand: 0, reserved: 0, available: 0, incoming: 0, incomingSold: 0, sellable: 0,
    });
  });

  it('is for the owner and managers: a clerk, a neighbour and a visitor are refused; bad ids are refused', async () => {
    const c = await makeCatalog(ctx);
    const url = `/api/console/campaigns/availability?skuIds=${c.eggs}`;
    const manager = await t.loginStaff((await tenant.addStaff('manager')).login, TEST_PASSWORD);
    expect((await get(url, manager)).statusCode).toBe(200);

    const clerk = await t.loginStaff((await tenant.addStaff('staff')).login, TEST_PASSWORD);
    const refused = await get(url, clerk);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');

    const { customerId } = await findOrCreateCustomerByPhone(ctx, '13700137001', { name: '张阿姨' });
    const s = await createSession(t.database.db, { kind: 'customer', orgId: tenant.orgId, storeId: tenant.storeId, subjectId: customerId, now: t.clock.now() });
    const neighbour = await get(url, `linli_shop=${s.token}`);
    expect(neighbour.statusCode).toBe(401);
    expect(neighbour.json().code).toBe('UNAUTHENTICATED');
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);

    expect((await get('/api/console/campaigns/availability?skuIds=not-a-uuid')).json().code).toBe('VALIDATION_FAILED');
    expect((await get('/api/console/campaigns/availability')).json().code).toBe('VALIDATION_FAILED');
  });
});
