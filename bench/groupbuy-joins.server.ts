/**
 * The server side of bench/groupbuy-joins.ts, in its own process: the real app (buildApp, the
 * outbox dispatcher running, so every join is also relayed to the campaign's live 接龙 topic) on
 * 127.0.0.1:0, over a fresh PGlite or PostgreSQL database (argv[2]), plus one bench-only route,
 * POST /bench/shop/:slug/campaigns/:id/orders, the same join done the naive way
 * (bench/groupbuy-naive-join.ts) behind the same session, CSRF and Idempotency-Key handling.
 * IPC: `campaign` → a fresh hot campaign; `check` → its counters recomputed from the rows; `stop`.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { buildApp } from '../server/app.js';
import { parseConfig } from '../server/config.js';
import { shopCtx } from '../server/http/context.js';
import { IDEMPOTENCY_HEADER, idempotent } from '../server/idempotency/idempotent.js';
import { HOUR } from '../server/kernel/clock.js';
import { createProduct } from '../server/modules/catalog/index.js';
import { findOrCreateCustomerByPhone } from '../server/modules/customers/index.js';
import { createCampaign } from '../server/modules/groupbuy/campaigns/create-campaign.js';
import { JoinBody } from '../server/modules/groupbuy/contract.js';
import { createSession } from '../server/modules/tenancy/index.js';
import { makeTenant } from '../server/testing/factories.js';
import { freshDatabase, type DbKind } from './groupbuy-db.js';
import { rowsOf } from './groupbuy-seed.js';

const kind = process.argv[2] as DbKind;
const NEIGHBOURS = Number(process.argv[3] ?? 300);
const bdb = await freshDatabase(kind, 20);
if (!bdb) process.exit(3);
const db = bdb.database.db;
const linli = await buildApp({ config: parseConfig({ NODE_ENV: 'test', SEED_DEMO: '0' }), database: bdb.database });
const deps = linli.deps;

const Params = z.object({ slug: z.string(), id: z.uuid() });
const { naiveJoin } = await import('./groupbuy-naive-join.js');
linli.app.post('/bench/shop/:slug/campaigns/:id/orders', async (req) => {
  const p = Params.parse(req.params);
  const body = JoinBody.parse(req.body);
  const ctx = await shopCtx(deps.ctx, req, p.slug);
  const customerId = ctx.customerId!;
  const key = req.headers[IDEMPOTENCY_HEADER];
  return idempotent(ctx, `groupbuy.join:${customerId}`, Array.isArray(key) ? key[0] : key, { id: p.id, ...body }, (tx) => naiveJoin(tx, customerId, p.id, body));
});

const tenant = await makeTenant(db, { outboxWake: linli.dispatcher.wake });
const ctx = tenant.ctx();
const product = await createProduct(ctx, { name: '阳山水蜜桃', skus: [{ spec: '6只装', unit: '盒', priceFen: 5000 }] });
const cookies: string[] = [];
for (let i = 0; i < NEIGHBOURS; i++) {
  const { customerId } = await findOrCreateCustomerByPhone(ctx, `1390${String(i).padStart(7, '0')}`, { name: `邻居${i}` });
  const s = await createSession(db, { kind: 'customer', orgId: tenant.orgId, storeId: tenant.storeId, subjectId: customerId, now: new Date() });
  cookies.push(`linli_shop=${s.token}`);
}
await linli.app.listen({ port: 0, host: '127.0.0.1' });
linli.dispatcher.start();

async function campaign(m: { totalCap: number; perPersonCap: number }) {
  const now = Date.now();
  const c = await createCampaign(
    ctx,
    {
      title: '水蜜桃接龙（压测）',
      status: 'open',
      openAt: new Date(now - HOUR).toISOString(),
      cutoffAt: new Date(now + 2 * HOUR).toISOString(),
      pickupDate: new Date(now + 30 * HOUR).toISOString().slice(0, 10),
      minKind: 'buyers',
      minValue: 10,
      items: [{ skuId: product.skus[0]!.id, priceFen: 3990, tiers: [{ minQty: 500, priceFen: 3590 }], totalCap: m.totalCap, perPersonCap: m.perPersonCap }],
      slots: [{ label: '明天 17:00-19:00', capacity: 100_000 }],
    },
    tenant.slug,
  );
  return { id: c.id, itemId: c.items[0]!.id, slotId: c.slots[0]!.id };
}

/** The campaign's counters against its rows: what the caps promised. */
async function check(id: string) {
  const one = async (q: ReturnType<typeof sql>) => rowsOf(await db.execute(q))[0]!;
  const item = await one(sql`select sold, total_cap, per_person_cap from gb_item where campaign_id = ${id}`);
  const entries = await one(sql`select count(*)::int as n, coalesce(sum((lines->0->>'qty')::int), 0)::int as units from gb_entry where campaign_id = ${id} and active`);
  const orders = await one(sql`select count(*)::int as n, coalesce(sum(l.qty), 0)::int as units from order_order o join order_line l on l.order_id = o.id where o.source_ref = ${`groupbuy:${id}`}`);
  const person = await one(sql`select coalesce(max(q), 0)::int as max, count(*)::int as people from (select customer_id, sum((lines->0->>'qty')::int) as q from gb_entry where campaign_id = ${id} and active group by customer_id) x`);
  const counters = await one(sql`select coalesce(max(qty), 0)::int as max, coalesce(sum(qty), 0)::int as units from gb_buyer_item where item_id = (select id from gb_item where campaign_id = ${id})`);
  const slot = await one(sql`select booked from gb_slot where campaign_id = ${id}`);
  return { sold: item.sold, totalCap: item.total_cap, perPersonCap: item.per_person_cap, entries: entries.n, entryUnits: entries.units, orders: orders.n, orderUnits: orders.units, maxPerPerson: person.max, people: person.people, counterMax: counters.max, counterUnits: counters.units, slotBooked: slot.booked };
}

process.on('message', async (m: { cmd: string; totalCap?: number; perPersonCap?: number; id?: string }) => {
  if (m.cmd === 'campaign') return process.send!({ cmd: 'campaign', ...(await campaign({ totalCap: m.totalCap!, perPersonCap: m.perPersonCap! })) });
  if (m.cmd === 'cpu') {
    const u = process.cpuUsage();
    return process.send!({ cmd: 'cpu', cpuMs: (u.user + u.system) / 1000 });
  }
  if (m.cmd === 'check') {
    await linli.dispatcher.drain();
    return process.send!({ cmd: 'check', ...(await check(m.id!)) });
  }
  if (m.cmd === 'stop') {
    await linli.close();
    await bdb.drop();
    process.exit(0);
  }
});
const addr = linli.app.server.address();
process.send!({ cmd: 'ready', port: typeof addr === 'object' && addr ? addr.port : 0, slug: tenant.slug, cookies });
