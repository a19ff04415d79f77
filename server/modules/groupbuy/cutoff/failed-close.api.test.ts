import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/raw.js';
import { newId } from '../../../kernel/ids.js';
import { createTestApp } from '../../../testing/api.js';
import { makeTenant } from '../../../testing/factories.js';
import { createProduct } from '../../catalog/index.js';
import { findOrCreateCustomerByPhone } from '../../customers/index.js';
import { createSession } from '../../tenancy/index.js';
import { createCampaign } from '../campaigns/create-campaign.js';

const t = await createTestApp();
const db = t.database.db;

function client(cookie = '') {
  return {
    get: (url: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} }),
    post: (url: string, payload?: object, key?: string) =>
      t.app.inject({ method: 'POST', url, headers: { cookie, 'x-linli-csrf': '1', ...(key ? { 'idempotency-key': key } : {}) }, ...(payload ? { payload } : {}) }),
  };
}

describe('a failed 接龙 at cut-off, with the real payments module', () => {
  it('refunds every paid order in full once; refunds the provider refuses wait in the retry queue and succeed once retried', async () => {
    const tenant = await makeTenant(db, { clock: t.clock });
    const ctx = tenant.ctx();
    const session = async (kind: 'staff' | 'customer', id: string) =>
      `${kind === 'staff' ? 'linli_staff' : 'linli_shop'}=${(await createSession(db, { kind, orgId: tenant.orgId, storeId: tenant.storeId, subjectId: id, now: t.clock.now() })).token}`;
    const owner = client(await session('staff', tenant.ownerId));
    const p = await createProduct(ctx, { name: '阳山水蜜桃', skus: [{ spec: '6只装', unit: '盒', priceFen: 5000 }] });
    const now = t.clock.now().getTime();
    const c = await createCampaign(
      ctx,
      {
        title: '水蜜桃接龙',
        status: 'open',
        openAt: new Date(now - 60_000).toISOString(),
        cutoffAt: new Date(now + 3_600_000).toISOString(),
        pickupDate: new Date(now + 86_400_000 * 2).toISOString().slice(0, 10),
        minKind: 'buyers',
        minValue: 10, // five join: the group fails
        items: [{ skuId: p.skus[0]!.id, priceFen: 3990, totalCap: 20, perPersonCap: 3 }],
        slots: [{ label: '明天 17:00-19:00', capacity: 50 }],
      },
      tenant.slug,
    );
    const base = `/api/shop/${tenant.slug}/campaigns/${c.id}`;
    const join = async (i: number, qty: number, paymentMethod: 'sandbox' | 'pay_at_pickup', pay: boolean) => {
      const { customerId } = await findOrCreateCustomerByPhone(ctx, `1390013900${i}`, { name: `邻居${i}` });
      const me = client(await session('customer', customerId));
      const res = await me.post(`${base}/orders`, { items: [{ itemId: c.items[0]!.id, qty }], slotId: c.slots[0]!.id, paymentMethod }, newId());
      expect(res.statusCode).toBe(200);
      const order = res.json();
      if (pay) {
        const started = (await me.post(`/api/shop/${tenant.slug}/orders/${order.id}/pay`, undefined, newId())).json();
        expect((await client().post('/api/payments/sandbox/confirm', { paymentId: started.paymentId, confirmToken: started.confirmToken })).statusCode).toBe(200);
        await t.payments.wallet.idle();
      }
      return { me, order };
    };
    const paid = [await join(0, 1, 'sandbox', true), await join(1, 2, 'sandbox', true), await join(2, 3, 'sandbox', true)];
    const unpaid = await join(3, 1, 'sandbox', false);
    const atPickup = await join(4, 2, 'pay_at_pickup', false);
    for (const x of paid) expect((await x.me.get(`/api/shop/${tenant.slug}/orders/${x.order.id}`)).json().status).toBe('paid');

    // the provider refuses refunds for this store (the console's sandbox switch)
    expect((await owner.post('/api/console/payments/sandbox/settings', { failRefunds: true })).statusCode).toBe(200);
    t.clock.set(new Date(c.cutoffAt));
    await t.scheduler.runNow('groupbuy.cutoff');
    await t.dispatcher.drain();

    const camp = (await owner.get(`/api/console/campaigns/${c.id}`)).json();
    expect(camp).toMatchObject({ status: 'failed' });
    expect(camp.settledAt).not.toBeNull();
    // every cap given back (the live counters; the page keeps showing what was sold at cut-off)
    const caps = await queryRows<{ sold: number; booked: number; people: number }>(
      db,
      sql`select (select sold from gb_item where campaign_id = ${c.id}) as sold, (select booked from gb_slot where campaign_id = ${c.id}) as booked,
          (select coalesce(sum(qty), 0)::int from gb_buyer_item where item_id = ${c.items[0]!.id}) as people`,
    );
    expect(caps[0]).toEqual({ sold: 0, booked: 0, people: 0 });
    for (const x of paid) expect((await x.me.get(`/api/shop/${tenant.slug}/orders/${x.order.id}`)).json()).toMatchObject({ status: 'refunded', refundedFen: x.order.totalFen });
    expect((await unpaid.me.get(`/api/shop/${tenant.slug}/orders/${unpaid.order.id}`)).json().status).toBe('cancelled');
    expect((await atPickup.me.get(`/api/shop/${tenant.slug}/orders/${atPickup.order.id}`)).json().status).toBe('cancelled');

    // the visible retry queue: one refund per paid order, in full, tried once and due again
    const queued = (await owner.get('/api/console/refunds?status=failed')).json() as Array<{ orderId: string; amountFen: number; attempts: number; nextAttemptAt: string | null }>;
    expect(queued.map((r) => [r.orderId, r.amountFen, r.attempts]).sort()).toEqual(paid.map((x) => [x.order.id, x.order.totalFen, 1]).sort());
    for (const r of queued) expect(r.nextAttemptAt).not.toBeNull();

    // the provider is back; the retry job pays each refund once, and a second cut-off run adds none
    expect((await owner.post('/api/console/payments/sandbox/settings', { failRefunds: false })).statusCode).toBe(200);
    t.clock.advance(61_000);
    await t.scheduler.runNow('payments.retry-refunds');
    await t.scheduler.runNow('groupbuy.cutoff');
    const all = (await owner.get('/api/console/refunds')).json() as Array<{ orderId: string; status: string; amountFen: number }>;
    const mine = all.filter((r) => paid.some((x) => x.order.id === r.orderId));
    expect(mine).toHaveLength(3);
    expect(mine.every((r) => r.status === 'succeeded')).toBe(true);
    const ids = paid.map((x) => x.order.id);
    const money = await queryRows<{ amount: number; refunded: number }>(
      db,
      sql`select coalesce(sum(amount_fen), 0)::int as amount, coalesce(sum(refunded_fen), 0)::int as refunded from pay_payment where order_id in ${ids}`,
    );
    expect(money[0]).toEqual({ amount: 3990 * 6, refunded: 3990 * 6 });
    const orderRefunds = await queryRows<{ status: string; n: number }>(db, sql`select status, count(*)::int as n from order_refund where order_id in ${ids} group by status`);
    expect(orderRefunds).toEqual([{ status: 'succeeded', n: 3 }]);
    const told = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from notification_message where template = 'order_refunded' and store_id = ${tenant.storeId}`);
    expect(told[0]!.n).toBe(3);
  });
});
