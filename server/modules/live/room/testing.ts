import { randomInt } from 'node:crypto';
import { systemCtx } from '../../../db/system-ctx.js';
import { newId } from '../../../kernel/ids.js';
import { TestClient } from '../../../realtime/test-client.js';
import type { TestApp } from '../../../testing/api.js';
import { makeTenant } from '../../../testing/factories.js';
import { createProduct } from '../../catalog/index.js';
import { findOrCreateCustomerByPhone } from '../../customers/index.js';
import { receive } from '../../inventory/index.js';
import { createSession } from '../../tenancy/index.js';
import { startShow } from '../use-cases/start-show.js';

/** Test helpers of the live room (not a test file): a store, a show, neighbours with sockets. */

/** Opens the app on a loopback port once; returns the /ws URL. */
export async function wsUrl(t: TestApp): Promise<string> {
  if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  return `ws://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/ws`;
}

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;

/** requests with a session cookie (and the CSRF header and an Idempotency-Key on writes, when given) */
export function http(t: TestApp, cookie: string) {
  return {
    get: (url: string): Promise<Res> => t.app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, payload?: object, idemKey?: string): Promise<Res> =>
      t.app.inject({ method: 'POST', url, headers: { cookie, 'x-linli-csrf': '1', ...(idemKey ? { 'idempotency-key': idemKey } : {}) }, ...(payload ? { payload } : {}) }),
  };
}

export async function roomWorld(t: TestApp, o: { access?: 'public' | 'members' | 'invite'; live?: boolean } = {}) {
  const tenant = await makeTenant(t.database.db, { clock: t.clock });
  const ctx = tenant.ctx();
  const product = await createProduct(ctx, { name: '丹东草莓', skus: [{ spec: '500g/盒', unit: '盒', priceFen: 2990 }] });
  const skuId = product.skus[0]!.id;
  await receive(ctx, { skuId, qty: 8 });
  const url = await wsUrl(t);
  const staff = await createSession(t.database.db, { kind: 'staff', orgId: tenant.orgId, storeId: tenant.storeId, subjectId: tenant.ownerId, now: t.clock.now() });
  const ownerCookie = `linli_staff=${staff.token}`;
  const owner = http(t, ownerCookie);
  const w = { tenant, ctx, skuId, owner };
  const ok = async (p: Promise<Res>) => {
    const r = await p;
    if (r.statusCode !== 200) throw new Error(`setup: ${r.statusCode} ${r.body}`);
    return r.json() as { id: string };
  };
  const show = await ok(
    w.owner.post('/api/console/live/shows', { title: '今晚8点草莓专场', scheduledAt: t.clock.now().toISOString(), access: o.access ?? 'public', skuIds: [w.skuId] }, newId()),
  );
  const key = await ok(w.owner.post('/api/console/live/stream-keys', { label: 'OBS' }));
  const goLive = async () => {
    const ctx = systemCtx(t.database.db, w.tenant, 'test', { clock: t.clock, outboxWake: t.dispatcher.wake });
    await startShow(ctx, { channelId: key.id, orgId: w.tenant.orgId, storeId: w.tenant.storeId, hostStaffId: w.tenant.ownerId });
    await t.dispatcher.drain();
  };
  if (o.live !== false) await goLive();
  const topic = `room:${show.id}`;
  return {
    ...w,
    ownerCookie,
    /** PUT as the owner */
    put: (u: string, payload: object) => t.app.inject({ method: 'PUT', url: u, headers: { cookie: ownerCookie, 'x-linli-csrf': '1' }, payload }),
    url,
    showId: show.id,
    topic,
    goLive,
    ok,
    /** a neighbour of the store: HTTP with their session, their cookie for sockets */
    async neighbour(name = '') {
      const phone = `136${String(randomInt(1e8)).padStart(8, '0')}`;
      const { customerId } = await findOrCreateCustomerByPhone(w.ctx, phone);
      if (name) await t.database.db.execute(`update customer_customer set name = '${name}' where id = '${customerId}'`);
      const s = await createSession(t.database.db, { kind: 'customer', orgId: w.tenant.orgId, storeId: w.tenant.storeId, subjectId: customerId, now: t.clock.now() });
      const cookie = `linli_shop=${s.token}`;
      return { ...http(t, cookie), customerId, phone, cookie };
    },
    /** a socket (with `cookie`, if any) subscribed to the room */
    async socket(cookie?: string, o2: { query?: string; tail?: number } = {}) {
      const c = await TestClient.open(`${url}${o2.query ?? ''}`, cookie ? { cookie } : {});
      await c.subscribe(topic, o2.tail ? { tail: o2.tail } : {});
      return c;
    },
  };
}

export type RoomWorld = Awaited<ReturnType<typeof roomWorld>>;

let refs = 0;
/** sends a chat line; resolves with the ack or the error frame answering it */
export async function say(c: TestClient, topic: string, text: string) {
  const ref = `r${++refs}`;
  c.send({ type: 'send', topic, name: 'chat', payload: { text }, ref });
  return answer(c, ref);
}

/** resolves with the ack or error answering `ref` */
export async function answer(c: TestClient, ref: string) {
  for (let i = 0; i < 250; i++) {
    const f = c.frames.find((x) => (x.type === 'ack' || x.type === 'error') && x.ref === ref);
    if (f) return f;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no answer to ${ref}`);
}

export function chatTexts(c: TestClient, topic: string): string[] {
  return c.events(topic).flatMap((e) => (e.type === 'chat' ? [e.payload.text] : []));
}
