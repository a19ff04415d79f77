/**
 * The server side of bench/live-flash-sale.ts, in its own process: the real app (buildApp, the
 * outbox dispatcher running, so every sold batch is relayed to the room) on 127.0.0.1:0 over a
 * fresh PGlite or PostgreSQL database (argv[2]), plus one bench-only route,
 * POST /bench/shop/:slug/live/flash-sales/:id/orders: the same sale rules done the naive way —
 * one transaction per request, SELECT … FOR UPDATE on the flash sale row (FlashSaleEngine
 * .orderUnbatched) — behind the same session, CSRF and Idempotency-Key handling.
 * IPC: `sale` → a fresh flash sale; `check` → it ended, then recounted from the rows; `cpu`; `stop`.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { buildApp } from '../server/app.js';
import { parseConfig } from '../server/config.js';
import { queryRows } from '../server/db/raw.js';
import { shopCtx } from '../server/http/context.js';
import { IDEMPOTENCY_HEADER } from '../server/idempotency/idempotent.js';
import { FlashOrderBody } from '../server/modules/live/contract.js';
import { FlashSaleEngine } from '../server/modules/live/index.js';
import { OrderViewSchema, type OrderView } from '../server/modules/orders/index.js';
import type { App } from '../server/http/types.js';
import { AppError } from '../server/kernel/errors.js';
import { liveShow, manyCustomers } from '../server/modules/live/commerce/testing.js';
import { endFlashSale } from '../server/modules/live/commerce/use-cases/end-flash-sale.js';
import { openFlashSale } from '../server/modules/live/commerce/use-cases/open-flash-sale.js';
import { createProduct } from '../server/modules/catalog/index.js';
import { receive } from '../server/modules/inventory/index.js';
import { levels, movements, reservations } from '../server/modules/inventory/tables.js';
import { createSession } from '../server/modules/tenancy/index.js';
import { makeTenant } from '../server/testing/factories.js';
import { freshDatabase, type DbKind } from './groupbuy-db.js';

const kind = process.argv[2] as DbKind;
// FLASH_PROF=<file.cpuprofile>: a CPU profile of this server process (where an order's time goes)
let stopProfile: (() => Promise<void>) | undefined;
let startProfile: (() => Promise<void>) | undefined;
if (process.env.FLASH_PROF) {
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  // started once the world is seeded (below): the profile is the rounds, not the setup
  startProfile = () => session.post('Profiler.start');
  stopProfile = async () => writeFileSync(process.env.FLASH_PROF!, JSON.stringify((await session.post('Profiler.stop')).profile));
}
const NEIGHBOURS = Number(process.argv[3] ?? 2000);
const bdb = await freshDatabase(kind, 20);
if (!bdb) process.exit(3);
const db = bdb.database.db;
// FLASH_SQLPROF=1 (PGlite): the engine's time per statement (the WASM run and its protocol parsing), printed at stop
const sqlTime = new Map<string, { n: number; ms: number }>();
if (process.env.FLASH_SQLPROF && kind === 'pglite') {
  const client = (db as unknown as { $client: { execProtocolRawSync(m: Uint8Array): Uint8Array } }).$client;
  const raw = client.execProtocolRawSync.bind(client);
  let current = '?';
  client.execProtocolRawSync = (m: Uint8Array) => {
    // a Parse message ('P', length, statement name\0, query\0 …) names the statement the next runs belong to
    if (m[0] === 0x50) {
      const text = new TextDecoder().decode(m.subarray(5, Math.min(m.length, 400)));
      current = text.slice(text.indexOf('\0') + 1).split('\0')[0]!.replace(/\$\d+/g, '?').replace(/(, \(.{0,40}?\))+/g, ', …').replace(/\s+/g, ' ').slice(0, 110);
    }
    const t = performance.now();
    try {
      return raw(m);
    } finally {
      const e = sqlTime.get(current) ?? { n: 0, ms: 0 };
      e.n++;
      e.ms += performance.now() - t;
      sqlTime.set(current, e);
    }
  };
}
const linli = await buildApp({ config: parseConfig({ NODE_ENV: 'test', SEED_DEMO: '0' }), database: bdb.database });
const deps = linli.deps;

const naive = new FlashSaleEngine();
const Params = z.object({ slug: z.string(), id: z.uuid() });
linli.app.post('/bench/shop/:slug/live/flash-sales/:id/orders', async (req) => {
  const p = Params.parse(req.params);
  const body = FlashOrderBody.parse(req.body);
  const ctx = await shopCtx(deps.ctx, req, p.slug);
  const key = req.headers[IDEMPOTENCY_HEADER];
  return naive.orderUnbatched(ctx, ctx.customerId!, p.id, body, Array.isArray(key) ? key[0] : key);
});

// The HTTP ceiling of this server (no database): the real route's URL shape under /api/ (so the
// CSRF hook runs), the shop cookie read, params and body validated by the same schemas, and an
// answer of the same size serialised through the same response schema. `/ceiling-session` also
// resolves the neighbour's session through shopCtx (one indexed read per request unless memoised).
let sample: OrderView | undefined;
const ceilingSchema = { params: Params, body: FlashOrderBody, response: { 200: OrderViewSchema } };
const app = linli.app as unknown as App;
app.post('/api/bench/ceiling/shop/:slug/live/flash-sales/:id/orders', { schema: ceilingSchema }, async (req) => {
  if (!req.cookies.linli_shop || !req.headers[IDEMPOTENCY_HEADER]) throw new AppError('UNAUTHENTICATED');
  return sample!;
});
app.post('/api/bench/ceiling-session/shop/:slug/live/flash-sales/:id/orders', { schema: ceilingSchema }, async (req) => {
  await shopCtx(deps.ctx, req, req.params.slug);
  return sample!;
});

const tenant = await makeTenant(db, { outboxWake: linli.dispatcher.wake });
const ctx = tenant.ctx();
const product = await createProduct(ctx, { name: '阳光玫瑰', skus: [{ spec: '1串', unit: '串', priceFen: 3990 }] });
const skuId = product.skus[0]!.id;
await receive(ctx, { skuId, qty: 10_000_000 });
const showId = await liveShow(ctx);
const customerIds = await manyCustomers(ctx, NEIGHBOURS);
const cookies: string[] = [];
for (const customerId of customerIds) {
  const s = await createSession(db, { kind: 'customer', orgId: tenant.orgId, storeId: tenant.storeId, subjectId: customerId, now: new Date() });
  cookies.push(`linli_shop=${s.token}`);
}
{
  // one real flash order (a sale of its own) is the ceiling routes' answer
  const sale = await openFlashSale(ctx, showId, { skuId, priceFen: 990, qty: 1, perPersonLimit: 1, durationSec: 3600 });
  sample = await naive.orderUnbatched(ctx, customerIds[0]!, sale.id, { qty: 1, paymentMethod: 'pay_at_pickup' }, 'bench-ceiling-sample');
  await endFlashSale(ctx, sale.id);
}
await linli.app.listen({ port: 0, host: '127.0.0.1' });
linli.dispatcher.start();

/** The sale ended (the rest released), then everything recounted from the rows. */
async function check(id: string) {
  await endFlashSale(ctx, id);
  await linli.dispatcher.drain();
  const [s] = await queryRows<{ total: number; remaining: number }>(db, sql`select total, remaining from live_flash_sale where id = ${id}`);
  const [o] = await queryRows<{ orders: number; units: number; max: number }>(db, sql`
    select count(distinct o.id)::int as orders, coalesce(sum(l.qty), 0)::int as units,
      coalesce((select max(q) from (select o2.customer_id, sum(l2.qty) as q from live_sale x join order_order o2 on o2.id = x.order_id
        join order_line l2 on l2.order_id = o2.id where x.ref_id = ${id} group by o2.customer_id) m), 0)::int as max
    from live_sale x join order_order o on o.id = x.order_id join order_line l on l.order_id = o.id where x.ref_id = ${id}`);
  const [level] = await db.select().from(levels).where(and(eq(levels.storeId, tenant.storeId), eq(levels.skuId, skuId)));
  const [moved] = await queryRows<{ on_hand: number; reserved: number }>(db, sql`
    select sum(on_hand_delta)::int as on_hand, sum(reserved_delta)::int as reserved from ${movements} where store_id = ${tenant.storeId} and sku_id = ${skuId}`);
  const [held] = await queryRows<{ qty: number; orphans: number }>(db, sql`
    select coalesce(sum(qty), 0)::int as qty, count(*) filter (where order_id is null)::int as orphans
    from ${reservations} where store_id = ${tenant.storeId} and sku_id = ${skuId} and status = 'active'`);
  return {
    sold: s!.total - s!.remaining, total: s!.total, orders: o!.orders, units: o!.units, maxPerPerson: o!.max,
    ledgerOk: level!.onHand === moved!.on_hand && level!.reserved === moved!.reserved && level!.reserved === held!.qty,
    orphans: held!.orphans,
  };
}

process.on('message', async (m: { cmd: string; qty?: number; perPersonLimit?: number; id?: string }) => {
  if (m.cmd === 'sale') {
    const sale = await openFlashSale(ctx, showId, { skuId, priceFen: 990, qty: m.qty!, perPersonLimit: m.perPersonLimit!, durationSec: 3600 });
    return process.send!({ cmd: 'sale', id: sale.id });
  }
  if (m.cmd === 'cpu') {
    const u = process.cpuUsage();
    return process.send!({ cmd: 'cpu', cpuMs: (u.user + u.system) / 1000 });
  }
  if (m.cmd === 'check') return process.send!({ cmd: 'check', ...(await check(m.id!)) });
  if (m.cmd === 'stop') {
    await stopProfile?.();
    if (sqlTime.size) {
      const total = [...sqlTime.values()].reduce((a, e) => a + e.ms, 0);
      console.error(`PGlite engine time by statement (${total.toFixed(0)} ms):`);
      for (const [q, e] of [...sqlTime].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40)) console.error(`${e.ms.toFixed(0).padStart(7)} ms ${String(e.n).padStart(6)}× ${q}`);
    }
    await linli.close();
    await bdb.drop();
    process.exit(0);
  }
});
await startProfile?.();
sqlTime.clear();
const addr = linli.app.server.address();
process.send!({ cmd: 'ready', port: typeof addr === 'object' && addr ? addr.port : 0, slug: tenant.slug, cookies });
