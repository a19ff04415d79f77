import { describe, expect, it } from 'vitest';
import { newId } from '../../kernel/ids.js';
import { createTestApp } from '../../testing/api.js';
import { makeTenant } from '../../testing/factories.js';
import { createProduct } from '../catalog/index.js';
import { findOrCreateCustomerByPhone } from '../customers/index.js';
import { createSession } from '../tenancy/index.js';
import { createCampaign } from './campaigns/create-campaign.js';

const t = await createTestApp();
const db = t.database.db;
// a mainland mobile number standing alone (not a run of digits inside a UUID or a code)
const PHONE = /(?<![0-9a-f])1[3-9]\d{9}(?![0-9a-f])/;
const phoneOf = (i: number) => `1380013800${i}`;
const NAMES = ['张伟明', '李娜娜', 'Tom Smith'];

type Res = Awaited<ReturnType<typeof t.app.inject>>;
const publicBodies: string[] = [];

function client(cookie = '') {
  return {
    get: async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
      if (url.startsWith('/api/shop/')) publicBodies.push(res.body);
      return res;
    },
    send: (method: 'POST' | 'PUT', url: string, payload?: object, key?: string): Promise<Res> =>
      t.app.inject({ method, url, headers: { cookie, 'x-linli-csrf': '1', ...(key ? { 'idempotency-key': key } : {}) }, ...(payload ? { payload } : {}) }),
  };
}

describe('group buy through the HTTP API', () => {
  it('owner creates, neighbours join and withdraw, the public page never shows a phone or full name, the cut-off decides', async () => {
    const tenant = await makeTenant(db, { clock: t.clock });
    const ctx = tenant.ctx();
    const session = async (kind: 'staff' | 'customer', id: string) =>
      `${kind === 'staff' ? 'linli_staff' : 'linli_shop'}=${(await createSession(db, { kind, orgId: tenant.orgId, storeId: tenant.storeId, subjectId: id, now: t.clock.now() })).token}`;
    const owner = client(await session('staff', tenant.ownerId));
    const clerk = client(await session('staff', (await tenant.addStaff('staff')).id));
    const p = await createProduct(ctx, { name: '阳山水蜜桃', skus: [{ spec: '6只装', unit: '盒', priceFen: 5000 }] });
    const now = t.clock.now().getTime();
    const body = {
      title: '水蜜桃接龙',
      status: 'open',
      openAt: new Date(now - 60_000).toISOString(),
      cutoffAt: new Date(now + 3_600_000).toISOString(),
      pickupDate: new Date(now + 86_400_000 * 2).toISOString().slice(0, 10),
      minKind: 'buyers',
      minValue: 2,
      items: [{ skuId: p.skus[0]!.id, priceFen: 3990, totalCap: 10, perPersonCap: 2 }],
      slots: [{ label: '明天 17:00-19:00', capacity: 50 }],
    };
    expect((await clerk.send('POST', '/api/console/campaigns', body)).statusCode).toBe(403);
    const created = await owner.send('POST', '/api/console/campaigns', body);
    expect(created.statusCode).toBe(200);
    const campaign = created.json();
    expect(campaign.sharePath).toBe(`/shop/${tenant.slug}/c/${campaign.id}`);
    const itemId = campaign.items[0].id;
    const slotId = campaign.slots[0].id;
    const base = `/api/shop/${tenant.slug}/campaigns/${campaign.id}`;

    const people = [];
    for (const [i, name] of NAMES.entries()) {
      const { customerId } = await findOrCreateCustomerByPhone(ctx, phoneOf(i), { name });
      people.push({ name, customerId, http: client(await session('customer', customerId)) });
    }
    const published: unknown[] = [];
    const publish = t.deps.realtime.publish.bind(t.deps.realtime);
    t.deps.realtime.publish = ((topic: string, type: never, payload: never) => {
      published.push({ topic, type, payload });
      return publish(topic, type, payload);
    }) as typeof t.deps.realtime.publish;

    const signals: Array<{ topic: string; payload: unknown }> = [];
    const signal = t.deps.realtime.signal.bind(t.deps.realtime);
    t.deps.realtime.signal = ((topic: string, type: never, payload: never) => {
      signals.push({ topic, payload });
      return signal(topic, type, payload);
    }) as typeof t.deps.realtime.signal;
    expect((await client().send('POST', `${base}/orders`, { items: [{ itemId, qty: 1 }], slotId, paymentMethod: 'sandbox' }, newId())).statusCode).toBe(401);
    const orders = [];
    for (const who of people) {
      const key = newId();
      const join = { items: [{ itemId, qty: 2 }], slotId, paymentMethod: 'sandbox' };
      const res = await who.http.send('POST', `${base}/orders`, join, key);
      expect(res.statusCode).toBe(200);
      const again = await who.http.send('POST', `${base}/orders`, join, key);
      expect(again.json().id).toBe(res.json().id);
      expect(res.json()).toMatchObject({ channel: 'groupbuy', fulfilment: 'presale', totalFen: 7980, status: 'pending_payment' });
      orders.push(res.json());
    }
    // 限购 2: a third unit is refused
    const over = await people[0]!.http.send('POST', `${base}/orders`, { items: [{ itemId, qty: 1 }], slotId, paymentMethod: 'sandbox' }, newId());
    expect(over.json().code).toBe('CAMPAIGN_PERSON_LIMIT');

    // pay two through the sandbox wallet: presale orders are paid with no stock on the shelf
    for (const [i, o] of orders.slice(0, 2).entries()) {
      const pay = await people[i]!.http.send('POST', `/api/shop/${tenant.slug}/orders/${o.id}/pay`, undefined, newId());
      expect(pay.statusCode).toBe(200);
      const { paymentId, confirmToken } = pay.json();
      expect((await client().send('POST', '/api/payments/sandbox/confirm', { paymentId, confirmToken })).statusCode).toBe(200);
      await t.payments.wallet.idle();
      expect((await people[i]!.http.get(`/api/shop/${tenant.slug}/orders/${o.id}`)).json().status).toBe('paid');
    }

    // the third withdraws (随时退): caps and slot given back
    const cancel = await people[2]!.http.send('POST', `${base}/orders/${orders[2].id}/cancel`, undefined, newId());
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json().status).toBe('cancelled');

    const anon = (await client().get(base)).json();
    expect(anon.items[0]).toMatchObject({ sold: 4, remaining: 6, currentPriceFen: 3990 });
    expect(anon.items[0].supplierId).toBeUndefined();
    expect(anon.slots[0].booked).toBe(2);
    expect(anon.progress).toMatchObject({ buyers: 2, qty: 4, reached: true });
    expect(anon.entries.map((e: { who: string; summary: string; mine: boolean }) => [e.who, e.summary, e.mine])).toEqual([
      ['张**', '2份', false],
      ['李**', '2份', false],
    ]);
    const mine = (await people[0]!.http.get(base)).json();
    expect(mine.entries[0]).toMatchObject({ who: '张伟明', mine: true });
    expect(mine.entries[1]).toMatchObject({ who: '李**', mine: false });

    await t.dispatcher.drain();
    const entries = published.filter((m) => (m as { topic: string }).topic === `campaign:${campaign.id}`);
    expect(entries).toHaveLength(4);
    expect(entries[0]).toMatchObject({ type: 'campaign_entry', payload: { who: '张**', summary: '2份' } });
    // the withdrawal removes the third line from every open list (durable: replayed on reconnect)
    const thirdSeq = (entries[2] as { payload: { seq: number } }).payload.seq;
    expect(entries[3]).toMatchObject({ type: 'campaign_entry_removed', payload: { seq: thirdSeq } });
    for (const m of entries) expect(JSON.stringify(m)).not.toMatch(PHONE);
    // 成团 progress: the last signal counts the two buyers left after the withdrawal
    expect(signals.filter((s) => s.topic === `campaign:${campaign.id}`).at(-1)).toMatchObject({ payload: { joined: 2, goal: 2 } });

    // cut-off: exactly at cutoff_at the join is refused with a clear code
    t.clock.set(new Date(campaign.cutoffAt));
    const late = await people[2]!.http.send('POST', `${base}/orders`, { items: [{ itemId, qty: 1 }], slotId, paymentMethod: 'sandbox' }, newId());
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('CAMPAIGN_CUTOFF_PASSED');
    await t.scheduler.runNow('groupbuy.cutoff');
    const after = (await owner.get(`/api/console/campaigns/${campaign.id}`)).json();
    expect(after).toMatchObject({ status: 'formed' });
    expect(after.settledAt).not.toBeNull();
    (await client().get(base)).json();
    // nobody else's phone or full name in any public answer (a buyer's own name only in their own view)
    for (const [i, b] of publicBodies.entries()) {
      expect(b).not.toMatch(PHONE);
      for (const k of NAMES.keys()) expect(b).not.toContain(phoneOf(k));
      for (const n of NAMES.slice(1)) expect(b, `response ${i}`).not.toContain(n);
    }
    const publicOnly = publicBodies.filter((b) => !b.includes('"mine":true'));
    for (const b of publicOnly) expect(b).not.toContain(NAMES[0]);
  });

  it('an unpaid join whose payment time runs out gives its caps back (through the order.cancelled event); drafts are not public', async () => {
    const tenant = await makeTenant(db, { clock: t.clock });
    const ctx = tenant.ctx();
    const p = await createProduct(ctx, { name: '土鸡蛋', skus: [{ spec: '30枚', unit: '盒', priceFen: 4500 }] });
    const now = t.clock.now().getTime();
    const window = { openAt: new Date(now - 60_000).toISOString(), cutoffAt: new Date(now + 7_200_000).toISOString(), pickupDate: '2099-01-01' };
    const items = [{ skuId: p.skus[0]!.id, priceFen: 3900, totalCap: 1 }];
    const draft = await createCampaign(ctx, { title: '草稿', ...window, items }, tenant.slug);
    expect((await client().get(`/api/shop/${tenant.slug}/campaigns/${draft.id}`)).statusCode).toBe(404);
    const c = await createCampaign(ctx, { title: '土鸡蛋接龙', status: 'open', ...window, items }, tenant.slug);
    const base = `/api/shop/${tenant.slug}/campaigns/${c.id}`;
    const { customerId } = await findOrCreateCustomerByPhone(ctx, '13700137000', { name: '王小二' });
    const s = await createSession(db, { kind: 'customer', orgId: tenant.orgId, storeId: tenant.storeId, subjectId: customerId, now: t.clock.now() });
    const me = client(`linli_shop=${s.token}`);
    const join = () => me.send('POST', `${base}/orders`, { items: [{ itemId: c.items[0]!.id, qty: 1 }], paymentMethod: 'sandbox' }, newId());
    expect((await join()).statusCode).toBe(200);
    expect((await join()).json().code).toBe('CAMPAIGN_SOLD_OUT');

    t.clock.advance(16 * 60_000);
    await t.scheduler.runNow('orders.expire-unpaid');
    await t.dispatcher.drain();
    expect((await client().get(base)).json().items[0]).toMatchObject({ sold: 0, remaining: 1 });
    expect((await join()).statusCode).toBe(200);
  });
});
