import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import type { Ctx } from '../../kernel/ctx.js';
import { newId } from '../../kernel/ids.js';
import type { TestApp } from '../../testing/api.js';
import { makeTenant, type Tenant } from '../../testing/factories.js';
import { tenantSnapshot } from '../../testing/tenant-snapshot.js';
import { createProduct } from '../catalog/index.js';
import { findOrCreateCustomerByPhone } from '../customers/index.js';
import { createSession } from '../tenancy/index.js';
import { getLevels, receive } from '../inventory/index.js';
import type { OrderView } from './contract.js';
import type { PaymentsPort } from './ports.js';

/** Test helpers of the orders module (not a test file). */

/** A product with one SKU at `priceFen`, with `qty` units received. */
export async function stockedSku(ctx: Ctx, o: { priceFen: number; qty: number; name?: string }): Promise<string> {
  const p = await createProduct(ctx, { name: o.name ?? `草莓 ${newId().slice(0, 4)}`, skus: [{ spec: '500g/盒', unit: '盒', priceFen: o.priceFen }] });
  const skuId = p.skus[0]!.id;
  if (o.qty > 0) await receive(ctx, { skuId, qty: o.qty });
  return skuId;
}

export async function level(ctx: Ctx, skuId: string) {
  return (await getLevels(ctx, [skuId])).get(skuId)!;
}

export async function expectLevel(ctx: Ctx, skuId: string, l: { onHand: number; reserved: number }) {
  expect(await level(ctx, skuId)).toEqual({ ...l, available: l.onHand - l.reserved });
}

/** A payments port that records what orders asked of it (db-tier tests; the api tier uses the real one). */
export function recordingPayments() {
  const calls = { refunds: [] as Array<{ orderId: string; amountFen: number; idemKey: string }>, counter: [] as Array<{ orderId: string; amountFen: number }> };
  const port: PaymentsPort = {
    startPayment: async (_ctx, i) => ({ paymentId: newId(), provider: i.provider, confirmToken: `tok-${newId()}` }),
    requestRefund: async (_ctx, i) => {
      calls.refunds.push({ orderId: i.orderId, amountFen: i.amountFen, idemKey: i.idemKey });
      return { refundId: newId(), status: 'succeeded' };
    },
    requestRefunds: async (_ctx, list) =>
      list.map((i) => {
        calls.refunds.push({ orderId: i.orderId, amountFen: i.amountFen, idemKey: i.idemKey });
        return { refundId: newId(), status: 'pending' as const };
      }),
    attemptRefunds: async (_ctx, ids) => ({ succeeded: ids.length, failed: 0 }),
    recordCounterPayment: async (_ctx, i) => {
      calls.counter.push({ orderId: i.orderId, amountFen: i.amountFen });
      return { paymentId: newId() };
    },
  };
  return { port, calls };
}

// ---- api tier ----

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;

export interface Http {
  get(url: string): Promise<Res>;
  post(url: string, payload?: object, idemKey?: string): Promise<Res>;
}

/** Requests with a session cookie (and the CSRF header on writes). */
export function http(t: TestApp, cookie: string): Http {
  return {
    get: (url) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, payload, idemKey) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'x-linli-csrf': '1', ...(idemKey ? { 'idempotency-key': idemKey } : {}) },
        ...(payload ? { payload } : {}),
      }),
  };
}

/** A session cookie made directly (the login routes have their own tests and rate limits). */
async function sessionCookie(t: TestApp, tenant: Tenant, kind: 'staff' | 'customer', subjectId: string): Promise<string> {
  const s = await createSession(t.database.db, { kind, orgId: tenant.orgId, storeId: tenant.storeId, subjectId, now: t.clock.now() });
  return `${kind === 'staff' ? 'linli_staff' : 'linli_shop'}=${s.token}`;
}

/** A store with an owner session and a stocked SKU, plus neighbours and staff on demand. */
export async function shopWorld(t: TestApp, o: { qty?: number; priceFen?: number } = {}) {
  const tenant = await makeTenant(t.database.db, { clock: t.clock });
  const skuId = await stockedSku(tenant.ctx(), { priceFen: o.priceFen ?? 1250, qty: o.qty ?? 20 });
  return {
    tenant,
    skuId,
    owner: http(t, await sessionCookie(t, tenant, 'staff', tenant.ownerId)),
    ctx: tenant.ctx(),
    async neighbour() {
      const phone = `137${String(randomInt(1e8)).padStart(8, '0')}`;
      const { customerId } = await findOrCreateCustomerByPhone(tenant.ctx(), phone);
      return { ...http(t, await sessionCookie(t, tenant, 'customer', customerId)), customerId, phone };
    },
    async staff(role: 'owner' | 'manager' | 'staff' = 'staff') {
      const s = await tenant.addStaff(role);
      return { ...http(t, await sessionCookie(t, tenant, 'staff', s.id)), staffId: s.id };
    },
  };
}

export type ShopWorld = Awaited<ReturnType<typeof shopWorld>>;

/** Places an order through the shop route; returns the order view. */
export async function placeOrder(w: ShopWorld, who: Http, body: object, key = newId()): Promise<OrderView> {
  const res = await who.post(`/api/shop/${w.tenant.slug}/orders`, body, key);
  if (res.statusCode !== 200) throw new Error(`order: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Pays through the sandbox: pay route → the wallet's confirm → signed notification (awaited). */
export async function payOrder(t: TestApp, w: ShopWorld, who: Http, orderId: string): Promise<void> {
  const res = await who.post(`/api/shop/${w.tenant.slug}/orders/${orderId}/pay`, undefined, newId());
  if (res.statusCode !== 200) throw new Error(`pay: ${res.statusCode} ${res.body}`);
  const { paymentId, confirmToken } = res.json();
  const c = await t.app.inject({ method: 'POST', url: '/api/payments/sandbox/confirm', headers: { 'x-linli-csrf': '1' }, payload: { paymentId, confirmToken } });
  if (c.statusCode !== 200) throw new Error(`confirm: ${c.statusCode} ${c.body}`);
  await t.payments.wallet.idle();
}

/** Every row of the tenant, once background work (outbox, wallet, messages) has settled. */
export async function settledSnapshot(t: TestApp, tenant: Tenant): Promise<string> {
  let last = '';
  for (let i = 0; i < 20; i++) {
    await t.dispatcher.drain();
    await t.payments.wallet.idle();
    await new Promise((r) => setTimeout(r, 30));
    const now = await tenantSnapshot(t.database.db, tenant);
    if (now === last) return now;
    last = now;
  }
  return last;
}
