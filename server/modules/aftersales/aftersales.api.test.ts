import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newId } from '../../kernel/ids.js';
import { createTestApp } from '../../testing/api.js';
import { notificationTables } from '../notifications/index.js';
import { findOrCreateCustomerByPhone } from '../customers/index.js';
import { http, payOrder, placeOrder, shopWorld, type ShopWorld } from '../orders/testing.js';
import { createSession } from '../tenancy/index.js';
import { orderRefunds } from '../orders/tables.js';

const t = await createTestApp();
const db = t.database.db;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

function multipart(bytes: Buffer) {
  const boundary = `----linli${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}
const upload = (cookie: string, url: string, bytes: Buffer) => {
  const m = multipart(bytes);
  return t.app.inject({ method: 'POST', url, headers: { cookie, 'x-linli-csrf': '1', 'content-type': m.contentType }, payload: m.payload });
};
let phones = 0;
/** A neighbour or the owner with their cookie (uploads and PUT need it beside the Http helper). */
async function person(w: ShopWorld, kind: 'customer' | 'staff') {
  const subjectId = kind === 'staff' ? w.tenant.ownerId : (await findOrCreateCustomerByPhone(w.ctx, `1360000${String(phones++).padStart(4, '0')}`)).customerId;
  const s = await createSession(db, { kind, orgId: w.tenant.orgId, storeId: w.tenant.storeId, subjectId, now: t.clock.now() });
  const cookie = `${kind === 'staff' ? 'linli_staff' : 'linli_shop'}=${s.token}`;
  return { ...http(t, cookie), cookie, customerId: subjectId };
}
const messages = async (storeId: string, template: string) =>
  (await db.select().from(notificationTables.messages).where(and(eq(notificationTables.messages.storeId, storeId), eq(notificationTables.messages.template, template)))).length;

describe('after-sales tickets (售后)', () => {
  it('the neighbour opens a ticket with a photo on their own order; the owner approves a partial refund exactly once; others see nothing', async () => {
    const w = await shopWorld(t, { priceFen: 1250 });
    const other = await shopWorld(t);
    const me = await person(w, 'customer');
    const stranger = await person(w, 'customer');
    const order = await placeOrder(w, me, { lines: [{ skuId: w.skuId, qty: 2 }], paymentMethod: 'sandbox' });
    const shop = `/api/shop/${w.tenant.slug}`;
    const body = { reason: 'damaged', text: '桃子压坏了两个', requestedFen: 1000 };

    // not paid yet: no ticket
    expect((await me.post(`${shop}/orders/${order.id}/after-sales`, body, newId())).json().code).toBe('AFTER_SALES_NOT_ALLOWED');
    await payOrder(t, w, me, order.id);
    const key = newId();
    const opened = await me.post(`${shop}/orders/${order.id}/after-sales`, body, key);
    expect(opened.statusCode, opened.body).toBe(200);
    const ticket = opened.json();
    expect(ticket).toMatchObject({ status: 'open', reason: 'damaged', requestedFen: 1000, photoUrl: null, order: { id: order.id, refundableFen: 2500 } });
    expect((await me.post(`${shop}/orders/${order.id}/after-sales`, body, key)).json().id).toBe(ticket.id);
    expect((await me.post(`${shop}/orders/${order.id}/after-sales`, body, newId())).json().code).toBe('AFTER_SALES_ALREADY_OPEN');
    expect((await stranger.post(`${shop}/orders/${order.id}/after-sales`, body, newId())).json().code).toBe('ORDER_NOT_FOUND');
    expect((await me.post(`${shop}/orders/${order.id}/after-sales`, { ...body, requestedFen: 2501 }, newId())).statusCode).toBe(409);

    // the photo: type from the bytes; served to the neighbour and the store's staff only
    const meCookie = me.cookie;
    const strangerCookie = stranger.cookie;
    expect((await upload(meCookie, `${shop}/after-sales/${ticket.id}/photo`, Buffer.from('GIF89a-not-allowed'))).json().code).toBe('IMAGE_INVALID');
    expect((await upload(strangerCookie, `${shop}/after-sales/${ticket.id}/photo`, PNG)).statusCode).toBe(404);
    const withPhoto = await upload(meCookie, `${shop}/after-sales/${ticket.id}/photo`, PNG);
    expect(withPhoto.statusCode).toBe(200);
    expect(withPhoto.json().photoUrl).toBe(`${shop}/after-sales/${ticket.id}/photo`);
    const mine = await me.get(`${shop}/after-sales/${ticket.id}/photo`);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('image/png');
    expect(mine.rawPayload.equals(PNG)).toBe(true);
    expect((await stranger.get(`${shop}/after-sales/${ticket.id}/photo`)).statusCode).toBe(404);
    expect((await w.owner.get(`/api/console/after-sales/${ticket.id}/photo`)).statusCode).toBe(200);
    expect((await other.owner.get(`/api/console/after-sales/${ticket.id}/photo`)).statusCode).toBe(404);
    expect((await t.app.inject(`/api/media/${'x'.repeat(3)}`)).statusCode).toBe(404);
    expect((await me.get(`${shop}/after-sales`)).json().map((x: { id: string }) => x.id)).toEqual([ticket.id]);
    expect((await stranger.get(`${shop}/after-sales`)).json()).toEqual([]);

    // the console: the store's staff see it with the neighbour's phone; another store sees nothing
    const listed = (await w.owner.get('/api/console/after-sales?status=open')).json();
    expect(listed.map((x: { id: string }) => x.id)).toEqual([ticket.id]);
    expect(listed[0].customer).toMatchObject({ id: me.customerId, phone: expect.stringMatching(/^1360000\d{4}$/) });
    expect((await other.owner.get('/api/console/after-sales')).json()).toEqual([]);
    expect((await other.owner.get(`/api/console/after-sales/${ticket.id}`)).statusCode).toBe(404);
    expect((await other.owner.post(`/api/console/after-sales/${ticket.id}/approve`, { refundFen: 100 }, newId())).statusCode).toBe(404);
    expect((await other.owner.post(`/api/console/after-sales/${ticket.id}/reject`, { note: '越权' })).statusCode).toBe(404);
    const clerk = await w.staff('staff');
    expect((await clerk.post(`/api/console/after-sales/${ticket.id}/approve`, { refundFen: 100 }, newId())).statusCode).toBe(403);

    // approve: never above what is refundable; exactly once with the same key
    const tooMuch = await w.owner.post(`/api/console/after-sales/${ticket.id}/approve`, { refundFen: 2501, note: '' }, newId());
    expect(tooMuch.json().code).toBe('REFUND_EXCEEDS_PAID');
    expect((await w.owner.get(`/api/console/after-sales/${ticket.id}`)).json().status).toBe('open');
    const approveKey = newId();
    const approve = () => w.owner.post(`/api/console/after-sales/${ticket.id}/approve`, { refundFen: 800, note: '补偿两个' }, approveKey);
    const [a1, a2] = await Promise.all([approve(), approve()]);
    const a3 = await approve();
    for (const a of [a1, a2, a3]) expect([200, 409]).toContain(a.statusCode);
    const done = [a1, a2, a3].filter((a) => a.statusCode === 200).map((a) => a.json());
    expect(done.length).toBeGreaterThanOrEqual(2);
    for (const d of done) expect(d).toMatchObject({ id: ticket.id, status: 'approved', refundFen: 800, decisionNote: '补偿两个' });
    expect((await w.owner.post(`/api/console/after-sales/${ticket.id}/approve`, { refundFen: 800, note: '补偿两个' }, newId())).json().code).toBe('AFTER_SALES_STATE_INVALID');
    const refunds = await db.select().from(orderRefunds).where(eq(orderRefunds.orderId, order.id));
    expect(refunds.map((r) => [r.amountFen, r.reason])).toEqual([[800, 'after_sales']]);
    const after = (await w.owner.get(`/api/console/orders/${order.id}`)).json();
    expect(after).toMatchObject({ status: 'ready_for_pickup', paidFen: 2500, refundedFen: 800, customerCreditFen: 0 });
    expect(await messages(w.tenant.storeId, 'after_sales_approved')).toBe(1);

    // a second ticket on what is left, rejected with a note
    const second = (await me.post(`${shop}/orders/${order.id}/after-sales`, { reason: 'other', text: '还想退一个' }, newId())).json();
    expect(second.order.refundableFen).toBe(1700);
    const rejected = await w.owner.post(`/api/console/after-sales/${second.id}/reject`, { note: '已补偿' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: '已补偿' });
    expect(await messages(w.tenant.storeId, 'after_sales_rejected')).toBe(1);
    expect((await w.owner.get('/api/console/after-sales?status=open')).json()).toEqual([]);
  });

  it('the store credit balance is the neighbour’s own in the shop and visible to staff; the no-show list answers', async () => {
    const w = await shopWorld(t);
    const other = await shopWorld(t);
    const me = await person(w, 'customer');
    expect((await me.get(`/api/shop/${w.tenant.slug}/me/credit`)).json()).toEqual({ customerId: me.customerId, balanceFen: 0, entries: [] });
    expect((await w.owner.get(`/api/console/customers/${me.customerId}/credit`)).json().balanceFen).toBe(0);
    expect((await other.owner.get(`/api/console/customers/${me.customerId}/credit`)).statusCode).toBe(404);
    expect((await w.owner.get('/api/console/no-shows')).json()).toEqual([]);
    expect((await w.owner.get('/api/console/groupbuy/settings')).json()).toEqual({ noShowGraceDays: 2 });
    const put = (cookie: string, days: number) =>
      t.app.inject({ method: 'PUT', url: '/api/console/groupbuy/settings', headers: { cookie, 'x-linli-csrf': '1' }, payload: { noShowGraceDays: days } });
    const owner = await person(w, 'staff');
    expect((await put(owner.cookie, 3)).json()).toEqual({ noShowGraceDays: 3 });
    expect((await w.owner.get('/api/console/groupbuy/settings')).json()).toEqual({ noShowGraceDays: 3 });
    expect((await other.owner.get('/api/console/groupbuy/settings')).json()).toEqual({ noShowGraceDays: 2 });
  });
});
