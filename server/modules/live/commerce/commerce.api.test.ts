import { describe, expect, it } from 'vitest';
import { newId } from '../../../kernel/ids.js';
import { createTestApp } from '../../../testing/api.js';
import { getLevels } from '../../inventory/index.js';
import { shopWorld } from '../../orders/testing.js';
import { createSession } from '../../tenancy/index.js';
import { recordHeartbeat } from '../room/presence.repo.js';
import { liveShowExtras } from '../show/tables.js';
import { liveShow } from './testing.js';

describe('commerce in the live room (HTTP)', async () => {
  const t = await createTestApp();

  it('flash sale: open (stock reserved), buy with Idempotency-Key, sold out in zh/en, end gives the rest back', async () => {
    const w = await shopWorld(t, { qty: 10, priceFen: 3990 });
    const showId = await liveShow(w.ctx);
    const open = await w.owner.post(`/api/console/live/shows/${showId}/flash-sales`, { skuId: w.skuId, priceFen: 990, qty: 3, perPersonLimit: 2, durationSec: 300 }, newId());
    expect(open.statusCode, open.body).toBe(200);
    const sale = open.json();
    expect(sale).toMatchObject({ status: 'open', remaining: 3, total: 3, originalPriceFen: 3990 });
    expect((await getLevels(w.ctx, [w.skuId])).get(w.skuId)).toMatchObject({ reserved: 3, available: 7 });

    const n1 = await w.neighbour();
    const n2 = await w.neighbour();
    const url = `/api/shop/${w.tenant.slug}/live/flash-sales/${sale.id}/orders`;
    const key = newId();
    const o1 = await n1.post(url, { qty: 2, paymentMethod: 'pay_at_pickup' }, key);
    expect(o1.statusCode, o1.body).toBe(200);
    expect(o1.json()).toMatchObject({ channel: 'live', sourceRef: `live:${showId}`, totalFen: 1980, status: 'ready_for_pickup', customerId: n1.customerId });
    // the same key answers the same order; the same key with another body is refused
    expect((await n1.post(url, { qty: 2, paymentMethod: 'pay_at_pickup' }, key)).json().id).toBe(o1.json().id);
    expect((await n1.post(url, { qty: 1, paymentMethod: 'pay_at_pickup' }, key)).json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await n1.post(url, { qty: 1, paymentMethod: 'pay_at_pickup' }, newId())).json().code).toBe('FLASH_SALE_PERSON_LIMIT');
    expect((await n2.post(url, { qty: 1, paymentMethod: 'pay_at_pickup' })).json().code).toBe('IDEMPOTENCY_KEY_REQUIRED');

    const o2 = await n2.post(url, { qty: 1, paymentMethod: 'sandbox' }, newId());
    expect(o2.json()).toMatchObject({ status: 'pending_payment', totalFen: 990 });
    const zh = await n2.post(url, { qty: 1, paymentMethod: 'pay_at_pickup' }, newId());
    expect(zh.statusCode).toBe(409);
    expect(zh.json()).toMatchObject({ code: 'FLASH_SALE_SOLD_OUT', message: '手慢了，已经抢光啦' });
    const s = await createSession(t.database.db, { kind: 'customer', orgId: w.tenant.orgId, storeId: w.tenant.storeId, subjectId: n2.customerId, now: t.clock.now() });
    const cookie = `linli_shop=${s.token}`;
    const en = await t.app.inject({ method: 'POST', url, headers: { cookie, 'x-linli-csrf': '1', 'accept-language': 'en', 'idempotency-key': newId() }, payload: { qty: 1, paymentMethod: 'pay_at_pickup' } });
    expect(en.json()).toMatchObject({ code: 'FLASH_SALE_SOLD_OUT', message: 'Sold out: this flash sale has no units left' });
    expect((await getLevels(w.ctx, [w.skuId])).get(w.skuId)).toMatchObject({ onHand: 10, reserved: 3, available: 7 });

    const sales = (await w.owner.get(`/api/console/live/shows/${showId}/sales`)).json();
    expect(sales).toMatchObject({ orders: 2, units: 3, gmvFen: 2970, flashSaleOrders: 2, products: [{ skuId: w.skuId, qty: 3, gmvFen: 2970 }] });
    const room = (await n1.get(`/api/shop/${w.tenant.slug}/live/shows/${showId}/commerce`)).json();
    expect(room.flashSales[0]).toMatchObject({ id: sale.id, status: 'sold_out', remaining: 0 });
    expect(room.tickerTail).toHaveLength(2);
    expect(room.tickerTail[0].who).toMatch(/\*/);

    const ended = await w.owner.post(`/api/console/live/flash-sales/${sale.id}/end`);
    expect(ended.json()).toMatchObject({ status: 'ended' });
    expect((await n2.post(url, { qty: 1, paymentMethod: 'pay_at_pickup' }, newId())).json().code).toBe('FLASH_SALE_ENDED');

    // the room heard it: flash_sale, stock and the masked ticker, from committed events
    await t.dispatcher.drain();
    const heard = (await t.deps.realtime.bus.history(`room:${showId}`, 0)).events.map((e) => JSON.parse(e.json) as { type: string; payload: Record<string, unknown> });
    const types = heard.map((e) => e.type);
    expect(types.filter((x) => x === 'order_ticker')).toHaveLength(2);
    expect(heard.filter((e) => e.type === 'flash_sale').map((e) => e.payload.status)).toEqual(['open', 'open', 'sold_out', 'ended']);
    expect(heard.filter((e) => e.type === 'stock').at(-1)!.payload).toMatchObject({ skuId: w.skuId, available: 7 });
    expect(JSON.stringify(heard)).not.toContain(n1.phone);
  });

  it('an invite-only room shows its commerce only with the invite', async () => {
    const w = await shopWorld(t);
    const showId = await liveShow(w.ctx);
    await t.database.db.insert(liveShowExtras).values({ showId, orgId: w.tenant.orgId, storeId: w.tenant.storeId, access: 'invite', inviteToken: 'tok-12345678', updatedAt: t.clock.now() });
    const n = await w.neighbour();
    const url = `/api/shop/${w.tenant.slug}/live/shows/${showId}/commerce`;
    const refused = await n.get(url);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('LIVE_ROOM_RESTRICTED');
    expect((await n.get(`${url}?invite=tok-12345678`)).statusCode).toBe(200);
  });

  it('an open flash sale that runs past its time ends by the job and gives the rest back', async () => {
    const w = await shopWorld(t, { qty: 10 });
    const showId = await liveShow(w.ctx);
    const sale = (await w.owner.post(`/api/console/live/shows/${showId}/flash-sales`, { skuId: w.skuId, priceFen: 100, qty: 5, perPersonLimit: 1, durationSec: 10 }, newId())).json();
    t.clock.advance(11_000);
    await t.scheduler.runNow('live.flash-sales.end');
    const n = await w.neighbour();
    expect((await n.post(`/api/shop/${w.tenant.slug}/live/flash-sales/${sale.id}/orders`, { qty: 1, paymentMethod: 'pay_at_pickup' }, newId())).json().code).toBe('FLASH_SALE_ENDED');
    expect((await getLevels(w.ctx, [w.skuId])).get(w.skuId)).toMatchObject({ reserved: 0, available: 10 });
  });

  it('vouchers: only viewers present claim, one each; redeemed only at the counter, once; counted for the show', async () => {
    const w = await shopWorld(t);
    const other = await shopWorld(t);
    const showId = await liveShow(w.ctx);
    const drop = (await w.owner.post(`/api/console/live/shows/${showId}/voucher-drops`, { title: '明天到店送葱', count: 2, validDays: 2 }, newId())).json();
    expect(drop).toMatchObject({ total: 2, remaining: 2 });
    const [n1, n2, n3] = [await w.neighbour(), await w.neighbour(), await w.neighbour()];
    const claim = (n: typeof n1, key = newId()) => n.post(`/api/shop/${w.tenant.slug}/live/voucher-drops/${drop.id}/claim`, undefined, key);

    const absent = await claim(n1);
    expect(absent.statusCode).toBe(403);
    expect(absent.json().code).toBe('VOUCHER_NOT_PRESENT');
    for (const n of [n1, n2, n3]) await recordHeartbeat(w.ctx, { showId, viewerKey: `c:${n.customerId}`, customerId: n.customerId });

    const key = newId();
    const v1 = await claim(n1, key);
    expect(v1.statusCode, v1.body).toBe(200);
    expect(v1.json()).toMatchObject({ status: 'claimed', showId, title: '明天到店送葱' });
    expect((await claim(n1, key)).json().code).toBe(v1.json().code);
    expect((await claim(n1)).json().code).toBe('VOUCHER_ALREADY_CLAIMED');
    expect((await claim(n2)).statusCode).toBe(200);
    expect((await claim(n3)).json().code).toBe('VOUCHER_DROP_EMPTY');
    expect((await n1.get(`/api/shop/${w.tenant.slug}/me/vouchers`)).json()).toHaveLength(1);

    // a neighbour has no way to redeem: the counter route needs a staff session; another store's staff cannot
    const code = v1.json().code as string;
    expect((await n1.post('/api/counter/vouchers/redeem', { code, requestId: newId() })).statusCode).toBe(401);
    expect((await other.owner.post('/api/counter/vouchers/redeem', { code, requestId: newId() })).json().code).toBe('VOUCHER_NOT_FOUND');
    const clerk = await w.staff('staff');
    const requestId = newId();
    const r = await clerk.post('/api/counter/vouchers/redeem', { code: code.toLowerCase(), requestId });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ voucher: { status: 'redeemed' }, show: { id: showId, title: '今晚直播' } });
    expect((await clerk.post('/api/counter/vouchers/redeem', { code, requestId })).json()).toEqual(r.json());
    expect((await clerk.post('/api/counter/vouchers/redeem', { code, requestId: newId() })).json().code).toBe('VOUCHER_ALREADY_REDEEMED');

    expect((await w.owner.get(`/api/console/live/shows/${showId}/sales`)).json().vouchers).toEqual({ dropped: 2, claimed: 2, redeemed: 1 });
  });
});
