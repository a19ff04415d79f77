import { inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { parseConfig } from '../../config.js';
import { MINUTE } from '../../kernel/clock.js';
import { newId } from '../../kernel/ids.js';
import { createTestApp } from '../../testing/api.js';
import { makeTenant, TEST_PASSWORD } from '../../testing/factories.js';
import { cancelOrder, createOrder, getOrder, startOrderPayment } from '../orders/index.js';
import { orderRefunds } from '../orders/tables.js';
import { stockedSku } from '../orders/testing.js';
import { SANDBOX_SIGNATURE_HEADER } from './contract.js';
import { signSandboxBody } from './providers/sandbox.js';

const csrf = { 'x-linli-csrf': '1' };

describe('payments over HTTP, with the real orders module', async () => {
  const t = await createTestApp();
  const tenant = await makeTenant(t.database.db, { clock: t.clock });
  const ctx = tenant.ctx();
  const owner = await t.loginStaff(tenant.ownerLogin, TEST_PASSWORD);
  const secret = parseConfig({}).PAYMENT_SANDBOX_SECRET;

  /** a sandbox order of one item at `priceFen`, with its payment started as the shop does */
  const payingOrder = async (priceFen: number) => {
    const skuId = await stockedSku(ctx, { priceFen, qty: 5 });
    const order = await createOrder(ctx, { channel: 'groupbuy', customerId: null, lines: [{ skuId, qty: 1 }], paymentMethod: 'sandbox', fulfilment: 'in_stock' });
    const pay = await startOrderPayment(ctx, order.id, t.payments);
    return { order, pay };
  };
  const confirm = (pay: { paymentId: string; confirmToken: string }) =>
    t.app.inject({ method: 'POST', url: '/api/payments/sandbox/confirm', headers: csrf, payload: { paymentId: pay.paymentId, confirmToken: pay.confirmToken } });
  const paidOrder = async (priceFen: number) => {
    const { order, pay } = await payingOrder(priceFen);
    await confirm(pay);
    await t.payments.wallet.idle();
    return order;
  };

  it('runs the asynchronous flow: pay → wallet confirm → signed notify over inject → order paid', async () => {
    const { order, pay } = await payingOrder(3650);
    const res = await confirm(pay);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ paymentId: pay.paymentId, status: 'processing' });
    await t.payments.wallet.idle();
    expect(await getOrder(ctx, order.id)).toMatchObject({ status: 'ready_for_pickup', paidFen: 3650 });
    expect(await t.payments.listPayments(ctx, order.id)).toEqual([expect.objectContaining({ id: pay.paymentId, status: 'succeeded' })]);
  });

  it('refunds by itself a payment that lands after the order was cancelled', async () => {
    const { order, pay } = await payingOrder(1990);
    await cancelOrder(ctx, order.id, '不想要了', t.payments);
    await confirm(pay);
    await t.payments.wallet.idle();
    expect((await getOrder(ctx, order.id)).status).toBe('cancelled');
    expect(await t.payments.listRefunds(ctx, { orderId: order.id })).toEqual([
      expect.objectContaining({ amountFen: 1990, status: 'succeeded', source: 'rejected_payment' }),
    ]);
  });

  it('takes a notification without the CSRF header but never without a valid signature', async () => {
    const { order, pay } = await payingOrder(100);
    const body = JSON.stringify({ notifyId: newId(), paymentId: pay.paymentId, amountFen: 100, status: 'SUCCESS', paidAt: t.clock.now().toISOString() });
    const send = (sig: string) =>
      t.app.inject({ method: 'POST', url: '/api/payments/sandbox/notify', headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: sig }, payload: body });
    const bad = await send(signSandboxBody('someone-else-0123456789', body));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('PAYMENT_SIGNATURE_INVALID');
    expect((await getOrder(ctx, order.id)).status).toBe('pending_payment');
    const good = await send(signSandboxBody(secret, body));
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ code: 'SUCCESS' });
    expect((await send(signSandboxBody(secret, body))).json()).toEqual({ code: 'SUCCESS' }); // replay
    expect(await getOrder(ctx, order.id)).toMatchObject({ status: 'ready_for_pickup', paidFen: 100 });
  });

  it('shows failed refunds to managers and retries them by hand and by the job', async () => {
    const a = await paidOrder(800);
    const b = await paidOrder(700);
    const set = (failRefunds: boolean, cookie = owner) =>
      t.app.inject({ method: 'POST', url: '/api/console/payments/sandbox/settings', headers: { ...csrf, cookie }, payload: { failRefunds } });
    const refund = (orderId: string, amountFen: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/console/orders/${orderId}/refund`,
        headers: { ...csrf, cookie: owner, 'idempotency-key': newId() },
        payload: { amountFen, reason: '缺货' },
      });

    expect((await set(true)).json()).toEqual({ failRefunds: true });
    const ra = (await refund(a.id, 800)).json();
    const rb = (await refund(b.id, 300)).json();
    expect([ra.status, rb.status]).toEqual(['failed', 'failed']);

    const queue = await t.app.inject({ method: 'GET', url: '/api/console/refunds?status=failed', headers: { cookie: owner } });
    expect(queue.statusCode).toBe(200);
    expect(queue.json().map((r: { id: string }) => r.id).sort()).toEqual([ra.refundId, rb.refundId].sort());
    // the money owed back is still promised: nothing more can be refunded meanwhile
    expect((await refund(b.id, 401)).json().code).toBe('REFUND_EXCEEDS_PAID');

    const clerk = await tenant.addStaff('staff');
    const clerkCookie = await t.loginStaff(clerk.login, TEST_PASSWORD);
    expect((await t.app.inject({ method: 'GET', url: '/api/console/refunds', headers: { cookie: clerkCookie } })).statusCode).toBe(403);
    expect((await set(false, clerkCookie)).statusCode).toBe(403);

    expect((await set(false)).json()).toEqual({ failRefunds: false });
    const retried = await t.app.inject({ method: 'POST', url: `/api/console/refunds/${ra.refundId}/retry`, headers: { ...csrf, cookie: owner } });
    expect(retried.json()).toMatchObject({ id: ra.refundId, status: 'succeeded', attempts: 2 });

    t.clock.advance(MINUTE);
    await t.scheduler.runNow('payments.retry-refunds');
    const all = (await t.app.inject({ method: 'GET', url: '/api/console/refunds', headers: { cookie: owner } })).json();
    expect(all.filter((r: { id: string }) => [ra.refundId, rb.refundId].includes(r.id)).map((r: { status: string }) => r.status)).toEqual(['succeeded', 'succeeded']);
    expect(await getOrder(ctx, a.id)).toMatchObject({ status: 'refunded', refundedFen: 800 });
    expect(await getOrder(ctx, b.id)).toMatchObject({ status: 'ready_for_pickup', refundedFen: 300 });
    // onRefundSucceeded reached the order's own refund records
    const recorded = await t.database.db.select().from(orderRefunds).where(inArray(orderRefunds.paymentRefundId, [ra.refundId, rb.refundId]));
    expect(recorded.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);

    const none = await t.app.inject({ method: 'POST', url: `/api/console/refunds/${newId()}/retry`, headers: { ...csrf, cookie: owner } });
    expect(none.json().code).toBe('REFUND_NOT_FOUND');
  });

  it('refuses the sandbox controls in production', async () => {
    const prod = await buildApp({ config: parseConfig({ NODE_ENV: 'production', SEED_DEMO: '0' }), database: t.database, clock: t.clock });
    afterAll(() => prod.close());
    const login = await prod.app.inject({ method: 'POST', url: '/api/auth/staff/login', headers: csrf, payload: { login: tenant.ownerLogin, password: TEST_PASSWORD } });
    const cookie = `linli_staff=${login.cookies.find((c) => c.name === 'linli_staff')!.value}`;
    const res = await prod.app.inject({ method: 'POST', url: '/api/console/payments/sandbox/settings', headers: { ...csrf, cookie }, payload: { failRefunds: true } });
    expect(res.statusCode).toBe(403);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/payments/sandbox/confirm', '/api/payments/sandbox/notify', '/api/console/refunds', '/api/console/refunds/{id}/retry']),
    );
  });
});
