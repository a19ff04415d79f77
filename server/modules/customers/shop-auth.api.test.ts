import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../http/csrf.js';
import { createTestApp } from '../../testing/api.js';
import { makeTenant, TEST_PASSWORD } from '../../testing/factories.js';
import { tenancyTables } from '../tenancy/index.js';
import { newId } from '../../kernel/ids.js';
import { customers } from './tables.js';
import { codeFromOutbox, loginNeighbour, requestCode, someIp, staffLogin, submitCode } from './testing.js';

describe('neighbour phone login', async () => {
  const t = await createTestApp();
  const db = t.database.db;
  let n = 0;
  /** a phone no other test of this file uses */
  const freshPhone = () => `1390000${String(1000 + n++).padStart(4, '0')}`;

  async function store() {
    const tenant = await makeTenant(db, { clock: t.clock });
    return { tenant, owner: await staffLogin(t, tenant.ownerLogin, TEST_PASSWORD) };
  }

  it('sends a code, logs in with it, creates the neighbour once and knows who they are', async () => {
    const { tenant, owner } = await store();
    const info = await t.app.inject({ method: 'GET', url: `/api/shop/${tenant.slug}` });
    expect(info.json()).toMatchObject({ slug: tenant.slug, name: expect.stringContaining('测试门店') });

    const phone = freshPhone();
    const sent = await requestCode(t, tenant.slug, `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
    expect(sent.statusCode).toBe(200);
    const code = await codeFromOutbox(t, owner, phone);

    const login = await submitCode(t, tenant.slug, phone, code);
    expect(login.statusCode).toBe(200);
    expect(String(login.headers['set-cookie'])).toMatch(/linli_shop=.*HttpOnly/i);
    const cookie = `linli_shop=${login.cookies.find((c) => c.name === 'linli_shop')!.value}`;
    const me = await t.app.inject({ method: 'GET', url: `/api/shop/${tenant.slug}/auth/me`, headers: { cookie } });
    expect(me.json()).toMatchObject({ kind: 'customer', phone, store: { id: tenant.storeId } });
    expect(await db.select().from(customers).where(eq(customers.orgId, tenant.orgId))).toHaveLength(1);

    // the code is spent: it does not open a second session
    expect((await submitCode(t, tenant.slug, phone, code)).json().code).toBe('OTP_INVALID');
    // a second login is the same neighbour
    t.clock.advance(61_000);
    const again = await loginNeighbour(t, tenant.slug, owner, phone);
    expect(again.customerId).toBe(me.json().customerId);

    const out = await t.app.inject({ method: 'POST', url: `/api/shop/${tenant.slug}/auth/logout`, headers: { cookie, [CSRF_HEADER]: '1' } });
    expect(out.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/shop/${tenant.slug}/auth/me`, headers: { cookie } })).statusCode).toBe(401);
  });

  it('burns a code after five wrong tries, even for the right code after', async () => {
    const { tenant, owner } = await store();
    const phone = freshPhone();
    await requestCode(t, tenant.slug, phone);
    const code = await codeFromOutbox(t, owner, phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      const r = await submitCode(t, tenant.slug, phone, wrong);
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({ code: 'OTP_INVALID', details: { attemptsLeft: left } });
    }
    expect((await submitCode(t, tenant.slug, phone, wrong)).json().code).toBe('OTP_ATTEMPTS_EXCEEDED');
    const right = await submitCode(t, tenant.slug, phone, code);
    expect(right.json().code).toBe('OTP_ATTEMPTS_EXCEEDED');
    expect(right.cookies.find((c) => c.name === 'linli_shop')).toBeUndefined();
    expect(await db.select().from(customers).where(eq(customers.orgId, tenant.orgId))).toHaveLength(0);
  });

  it('refuses an expired code and one superseded by a newer code', async () => {
    const { tenant, owner } = await store();
    const phone = freshPhone();
    await requestCode(t, tenant.slug, phone);
    const first = await codeFromOutbox(t, owner, phone);
    t.clock.advance(5 * 60_000 + 1000);
    expect((await submitCode(t, tenant.slug, phone, first)).json().code).toBe('OTP_INVALID');

    await requestCode(t, tenant.slug, phone);
    const second = await codeFromOutbox(t, owner, phone);
    t.clock.advance(61_000);
    await requestCode(t, tenant.slug, phone);
    const third = await codeFromOutbox(t, owner, phone);
    if (second !== third) expect((await submitCode(t, tenant.slug, phone, second)).json().code).toBe('OTP_INVALID');
    expect((await submitCode(t, tenant.slug, phone, third)).statusCode).toBe(200);
  });

  it('sends at most one code a minute and five an hour to a phone, saying when to retry', async () => {
    const { tenant } = await store();
    const phone = freshPhone();
    expect((await requestCode(t, tenant.slug, phone)).statusCode).toBe(200);
    t.clock.advance(20_000);
    const soon = await requestCode(t, tenant.slug, phone);
    expect(soon.statusCode).toBe(429);
    expect(soon.json()).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfter: 40 } });
    for (let i = 0; i < 4; i++) {
      t.clock.advance(60_000);
      expect((await requestCode(t, tenant.slug, phone)).statusCode).toBe(200);
    }
    t.clock.advance(60_000);
    const sixth = await requestCode(t, tenant.slug, phone);
    expect(sixth.statusCode).toBe(429);
    // the first of the five was sent 20 s + 5 min ago; it leaves the hour in 3400 s
    expect(sixth.json().details.retryAfter).toBe(3600 - 320);
    t.clock.advance(3280_000);
    expect((await requestCode(t, tenant.slug, phone)).statusCode).toBe(200);
  });

  it('limits code requests per client address', async () => {
    const { tenant } = await store();
    const ip = someIp();
    const codes = [];
    for (let i = 0; i < 21; i++) codes.push((await requestCode(t, tenant.slug, freshPhone(), ip)).statusCode);
    expect(codes.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(codes[20]).toBe(429);
  });

  it('refuses a phone that is not a mainland mobile, writing nothing', async () => {
    const { tenant, owner } = await store();
    const r = await requestCode(t, tenant.slug, '021-5555-0101');
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('PHONE_INVALID');
    const outbox = await t.app.inject({ method: 'GET', url: '/api/console/outbox', headers: { cookie: owner } });
    expect(outbox.json().total).toBe(0);
  });

  it('knows the same phone as one neighbour in every store of the organisation', async () => {
    const { tenant, owner } = await store();
    const second = { id: newId(), slug: `${tenant.slug}-b` };
    await db.insert(tenancyTables.stores).values({ id: second.id, orgId: tenant.orgId, slug: second.slug, name: '二号店' });
    const phone = freshPhone();
    const a = await loginNeighbour(t, tenant.slug, owner, phone);
    // the session of store A is good in store B of the same organisation
    const meB = await t.app.inject({ method: 'GET', url: `/api/shop/${second.slug}/auth/me`, headers: { cookie: a.cookie } });
    expect(meB.json()).toMatchObject({ customerId: a.customerId, store: { id: second.id } });
    // the codes of store B are on store B's outbox page; read them as its owner would
    await db.insert(tenancyTables.staffMemberships).values({ staffId: tenant.ownerId, storeId: second.id, role: 'owner' });
    const ownerB = await staffLogin(t, tenant.ownerLogin, TEST_PASSWORD, second.id);
    t.clock.advance(61_000);
    const b = await loginNeighbour(t, second.slug, ownerB, phone);
    expect(b.customerId).toBe(a.customerId);
    expect(await db.select().from(customers).where(eq(customers.orgId, tenant.orgId))).toHaveLength(1);
  });

  it('does not let a neighbour of one organisation act in the store of another', async () => {
    const a = await store();
    const b = await store();
    const neighbour = await loginNeighbour(t, a.tenant.slug, a.owner, freshPhone());
    const res = await t.app.inject({ method: 'GET', url: `/api/shop/${b.tenant.slug}/auth/me`, headers: { cookie: neighbour.cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('needs the CSRF header to send a code', async () => {
    const { tenant } = await store();
    const r = await t.app.inject({ method: 'POST', url: `/api/shop/${tenant.slug}/auth/otp`, remoteAddress: someIp(), payload: { phone: freshPhone() } });
    expect(r.json().code).toBe('CSRF_HEADER_MISSING');
  });
});
