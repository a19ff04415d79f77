/* eslint-disable @typescript-eslint/no-explicit-any -- the walk reads untyped JSON of every route */
import { describe, expect, it } from 'vitest';
import { newId } from '../kernel/ids.js';
import { createTestApp } from '../testing/api.js';
import { tenantSnapshot } from '../testing/tenant-snapshot.js';
import { placeOrder, payOrder, shopWorld, type Http } from '../modules/orders/testing.js';
import { createPurchaseOrdersForCampaign, getPurchaseOrder } from '../modules/groupbuy/procurement/index.js';
import { createCampaign, joinCampaign } from '../modules/groupbuy/index.js';
import { liveShow } from '../modules/live/commerce/testing.js';
import { openFlashSale } from '../modules/live/commerce/use-cases/open-flash-sale.js';
import { dropVouchers } from '../modules/live/commerce/use-cases/drop-vouchers.js';
import { openGiveaway } from '../modules/live/room/giveaway.js';
import { RoomChat } from '../modules/live/room/chat.js';

/**
 * Tenancy, proven over every endpoint: staff (and a neighbour) of store A call every documented
 * route with store B's ids in the path and in the body. Nothing of B may change, no B-only data
 * may come back, and no route that names a B record by its path may answer 2xx.
 * A new route whose path parameter has no B value here fails this test until it is added.
 */
describe('store A cannot read or change store B', async () => {
  const t = await createTestApp();
  const a = await shopWorld(t);
  const b = await shopWorld(t);
  const aNeighbour = await a.neighbour();
  const bNeighbour = await b.neighbour();

  const ok = async (p: Promise<{ statusCode: number; body: string; json(): unknown }>): Promise<any> => {
    const r = await p;
    if (r.statusCode !== 200) throw new Error(`setup: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  // B's records: catalog, suppliers, an order picked up at the counter, a refunded one, a live key
  const category = await ok(b.owner.post('/api/console/categories', { name: 'B类目' }));
  const supplier = await ok(b.owner.post('/api/console/suppliers', { name: 'B供应商' }));
  const product = await ok(b.owner.get('/api/console/products')).then((r: any) => (r.items ?? r)[0]);
  const pickedUp = await placeOrder(b, bNeighbour, { lines: [{ skuId: b.skuId, qty: 1 }], paymentMethod: 'pay_at_pickup' });
  const verified = await ok(b.owner.post('/api/counter/verifications', { code: pickedUp.pickupCode, requestId: newId() }));
  const ready = await placeOrder(b, bNeighbour, { lines: [{ skuId: b.skuId, qty: 2 }], paymentMethod: 'sandbox' });
  await payOrder(t, b, bNeighbour, ready.id);
  const refund = await ok(b.owner.post(`/api/console/orders/${ready.id}/refund`, { amountFen: 100, reason: '少称' }, newId()));
  const bTicket = await ok(bNeighbour.post(`/api/shop/${b.tenant.slug}/orders/${ready.id}/after-sales`, { reason: 'damaged', text: 'B的售后' }, newId()));
  const streamKey = await ok(b.owner.post('/api/console/live/stream-keys', { label: 'B' })).catch(() => null);
  const po = (await createPurchaseOrdersForCampaign(b.ctx, { campaignId: newId(), demand: [{ skuId: b.skuId, qty: 3 }] })).purchaseOrders[0]!;
  const poLineId = (await getPurchaseOrder(b.ctx, po.id)).lines[0]!.id;
  const campaign = await createCampaign(b.ctx, {
    title: 'B接龙', status: 'open', openAt: new Date(Date.now() - 3_600_000).toISOString(), cutoffAt: new Date(Date.now() + 86_400_000).toISOString(),
    pickupDate: '2099-01-01', items: [{ skuId: b.skuId, priceFen: 990 }],
  }, b.tenant.slug);
  const gbOrder = await joinCampaign(b.ctx, bNeighbour.customerId, campaign.id, { items: [{ itemId: campaign.items[0]!.id, qty: 1 }], paymentMethod: 'pay_at_pickup' });
  // live commerce of B: a show on air, a flash sale, a voucher drop
  const bShowId = await liveShow(b.ctx);
  const bFlash = await openFlashSale(b.ctx, bShowId, { skuId: b.skuId, priceFen: 100, qty: 2, perPersonLimit: 1, durationSec: 3600 });
  const bDrop = await dropVouchers(b.ctx, bShowId, { title: 'B到店券', count: 2, validDays: 1 });
  // the live room of B: a giveaway and a chat line of B's neighbour
  const bGiveaway = await openGiveaway(b.ctx, bShowId, { prize: 'B奖品', durationSec: 600 });
  const bRoom = { id: bShowId, orgId: b.tenant.orgId, storeId: b.tenant.storeId, slug: b.tenant.slug, status: 'live' as const, access: 'public' as const, inviteToken: null };
  const bChat = await new RoomChat({ db: t.database.db, clock: t.clock, outboxWake: t.dispatcher.wake, realtime: t.deps.realtime }).send(bRoom, bNeighbour.customerId, 'B的弹幕');
  await t.dispatcher.drain();
  await t.payments.wallet.idle();

  const bValues: Record<string, string> = {
    'products/{id}': product.id,
    'suppliers/{id}': supplier.id,
    'categories/{id}': category.id,
    'orders/{id}': ready.id,
    'refunds/{id}': refund.refundId,
    'verifications/{id}': verified.verification.id,
    'stream-keys/{id}': streamKey?.id ?? newId(),
    'purchase-orders/{id}': po.id,
    'campaigns/{id}': campaign.id,
    'after-sales/{id}': bTicket.id,
    'customers/{id}': bNeighbour.customerId,
    '{orderId}': gbOrder.id,
    '{skuId}': b.skuId,
    '{code}': ready.pickupCode,
    '{file}': 'missing.png',
    'shows/{id}': bShowId,
    'flash-sales/{id}': bFlash.id,
    'voucher-drops/{id}': bDrop.id,
    '{campaignId}': campaign.id,
    'giveaways/{id}': bGiveaway.id,
    '{messageId}': bChat.messageId,
  };
  /** only B's own data (never sent by A): must never appear in an answer to A */
  const bSecrets = [bNeighbour.phone, bNeighbour.customerId, ready.id, ready.pickupCode, pickedUp.id, product.id, supplier.id, po.id, poLineId, campaign.id, gbOrder.id, bFlash.id, bDrop.id, bGiveaway.id, bChat.messageId, bTicket.id];

  const body = {
    skuId: b.skuId, productId: product.id, categoryId: category.id, supplierId: supplier.id, orderId: ready.id,
    code: ready.pickupCode, requestId: newId(), qty: 1, countedQty: 1, amountFen: 100, reason: '越权测试',
    lines: [{ skuId: b.skuId, qty: 1, lineId: ready.lines[0]!.id, poLineId, receivedQty: 1 }], paymentMethod: 'pay_at_pickup',
    paymentId: newId(), confirmToken: 'x'.repeat(32), name: '越权', phone: bNeighbour.phone, failRefunds: true,
    title: '越权直播', scheduledAt: new Date(Date.now() + 3_600_000).toISOString(), label: 'A',
    customerId: bNeighbour.customerId, minutes: 5, kind: 'product', refId: b.skuId, prize: '越权奖品', durationSec: 60,
  };

  const doc = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })));

  function fill(path: string): { url: string; namesB: boolean } {
    let namesB = false;
    const url = path.replace(/\{(\w+)\}/g, (param, _name, offset: number) => {
      if (param === '{slug}') return a.tenant.slug;
      const before = path.slice(0, offset).split('/').filter(Boolean).pop();
      const v = bValues[`${before}/${param}`] ?? bValues[param];
      if (!v) throw new Error(`no store-B value for ${param} in ${path}: add it to bValues`);
      namesB = true;
      return v;
    });
    return { url, namesB };
  }

  const callers: Array<{ who: string; http: Http; prefixes: RegExp }> = [
    { who: 'staff of A', http: a.owner, prefixes: /^\/api\/(console|counter|payments|media|auth)\// },
    { who: 'neighbour of A', http: aNeighbour, prefixes: /^\/api\/shop\// },
  ];

  it('every route, every caller: B unchanged, nothing of B returned', async () => {
    const before = await tenantSnapshot(t.database.db, b.tenant);
    const checked: string[] = [];
    for (const c of callers) {
      for (const r of routes.filter((x) => c.prefixes.test(x.path))) {
        if (r.path === '/api/auth/staff/logout' || r.path.endsWith('/auth/logout')) continue; // would end A's own session
        const { url, namesB } = fill(r.path);
        const res = r.method === 'GET' ? await c.http.get(url) : await c.http.post(url, body, newId());
        const sent = url + JSON.stringify(body);
        const leaked = bSecrets.filter((s) => res.body.includes(s) && !sent.includes(s));
        expect(leaked, `${c.who} ${r.method} ${url} leaked B data: ${res.body.slice(0, 300)}`).toEqual([]);
        if (namesB) expect(res.statusCode, `${c.who} ${r.method} ${url} answered ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        checked.push(`${r.method} ${r.path}`);
      }
    }
    await t.dispatcher.drain();
    expect(await tenantSnapshot(t.database.db, b.tenant)).toEqual(before);
    // the walk really covered the API (grows as modules add routes)
    expect(checked.length).toBeGreaterThanOrEqual(35);
  });
});
