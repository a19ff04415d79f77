/**
 * The cut-off (settlement) of one campaign with N orders (default 5,000 to keep `npm run bench`
 * short; GB_CLOSE_ORDERS=100000 for the issue's figure, a few minutes per database),
 * on PGlite and on PostgreSQL: a formed campaign (every order stays paid, then the POs per
 * supplier from the outbox event) and a failed one (every paid order refunded in full through
 * the sandbox provider, every pay-at-pickup order cancelled). The orders are seeded with bulk
 * SQL (bench/groupbuy-seed.ts); the settlement is the real `runCutoff` with the app's payments.
 * Afterwards: no order refunded twice or missed, refunds = money paid, POs = demand in cases.
 */
import { sql } from 'drizzle-orm';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/app.js';
import { parseConfig } from '../server/config.js';
import { HOUR, ManualClock } from '../server/kernel/clock.js';
import type { Db } from '../server/kernel/ctx.js';
import { createProduct, createSupplier } from '../server/modules/catalog/index.js';
import { createCampaign } from '../server/modules/groupbuy/campaigns/create-campaign.js';
import { runCutoff } from '../server/modules/groupbuy/cutoff/cutoff-job.js';
import { makeTenant } from '../server/testing/factories.js';
import { DB_KINDS, freshDatabase, type DbKind } from './groupbuy-db.js';
import { printTable, registerBench } from './harness.js';
import { rowsOf, seedCampaignOrders, type SeedItem } from './groupbuy-seed.js';

const N = Number(process.env.GB_CLOSE_ORDERS ?? 5_000);
const kinds = (process.env.GB_CLOSE_DB ?? DB_KINDS.join(',')).split(',') as DbKind[];
/** which campaigns to close: formed,failed (default both) */
/** seconds the outbox is delivered after a failed close before the figure is taken (GB_CLOSE_DRAIN_S) */
const DRAIN_S = Number(process.env.GB_CLOSE_DRAIN_S ?? 60);
const outcomes = (process.env.GB_CLOSE_OUTCOMES ?? 'formed,failed').split(',').filter((x): x is 'formed' | 'failed' => x === 'formed' || x === 'failed')
  .sort((a, b) => (a === 'failed' ? 1 : 0) - (b === 'failed' ? 1 : 0)); // failed last: its outbox is delivered only for DRAIN_S

const one = async (db: Db, q: ReturnType<typeof sql>) => rowsOf(await db.execute(q))[0]!;
const secs = (ms: number) => (ms / 1000).toFixed(1);

async function closeOn(kind: DbKind): Promise<Array<Array<string | number>>> {
  const bdb = await freshDatabase(kind);
  if (!bdb) return [];
  const db = bdb.database.db;
  const clock = new ManualClock(new Date('2026-11-25T02:00:00Z'));
  const linli = await buildApp({ config: parseConfig({ NODE_ENV: 'test', SEED_DEMO: '0' }), database: bdb.database, clock });
  try {
    const tenant = await makeTenant(db, { clock });
    const ctx = tenant.ctx();
    const farm = await createSupplier(ctx, { name: '阳山果园', casePackDefault: 12 });
    const eggs = await createSupplier(ctx, { name: '城郊蛋场', casePackDefault: 6 });
    const specs = [
      { name: '阳山水蜜桃', spec: '6只装', unit: '盒', priceFen: 3990, supplierId: farm.id },
      { name: '丹东草莓', spec: '500g', unit: '盒', priceFen: 2990, supplierId: farm.id },
      { name: '土鸡蛋', spec: '30枚', unit: '板', priceFen: 4500, supplierId: eggs.id },
    ];
    const products: Array<Awaited<ReturnType<typeof createProduct>>> = [];
    for (const s of specs) products.push(await createProduct(ctx, { name: s.name, skus: [{ spec: s.spec, unit: s.unit, priceFen: s.priceFen, supplierId: s.supplierId }] }));
    const rows: Array<Array<string | number>> = [];
    for (const [n, outcome] of outcomes.entries()) {
      const now = clock.now().getTime();
      const cutoffAt = new Date(now + HOUR);
      const c = await createCampaign(
        ctx,
        {
          title: `${outcome} 接龙`,
          status: 'open',
          openAt: new Date(now - HOUR).toISOString(),
          cutoffAt: cutoffAt.toISOString(),
          pickupDate: new Date(now + 30 * HOUR).toISOString().slice(0, 10),
          // formed: at least 1 unit; failed: more buyers than there are
          minKind: outcome === 'formed' ? 'qty' : 'buyers',
          minValue: outcome === 'formed' ? 1 : N + 1,
          items: products.map((p, i) => ({ skuId: p.skus[0]!.id, priceFen: specs[i]!.priceFen })),
        },
        tenant.slug,
      );
      const items: SeedItem[] = c.items.map((it, i) => ({ itemId: it.id, skuId: it.skuId, productId: products[i]!.id, productName: specs[i]!.name, spec: specs[i]!.spec, unit: specs[i]!.unit, priceFen: it.priceFen }));
      let t0 = performance.now();
      const units = await seedCampaignOrders(db, { orgId: tenant.orgId, storeId: tenant.storeId, campaignId: c.id, items, orders: N, codeBase: 10_000_000 + n * 1_000_000, phoneBase: 137_000_000 + n * 1_000, at: clock.now() });
      const seedMs = performance.now() - t0;
      await linli.dispatcher.drain(); // the campaign's own events, before the clock starts
      const paid = await one(db, sql`select count(*)::int as n, coalesce(sum(paid_fen), 0)::bigint as fen from order_order where source_ref = ${`groupbuy:${c.id}`} and status = 'paid'`);

      clock.set(cutoffAt);
      const cpu0 = process.cpuUsage();
      t0 = performance.now();
      const settled = await runCutoff(db, { clock, outboxWake: () => {}, payments: linli.payments });
      const cutoffMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      // failed: the refunds are paid (or queued) by the cut-off itself; formed: the POs come from the outbox
      if (outcome === 'formed') await drainFor(db, linli, Infinity);

      const camp = await one(db, sql`select status, settled_at from gb_campaign where id = ${c.id}`);
      if (settled !== 1 || camp.status !== outcome || !camp.settled_at) throw new Error(`campaign ${c.id}: ${String(camp.status)}, settled ${String(camp.settled_at)}`);
      let check: string;
      if (outcome === 'formed') {
        const stillPaid = await one(db, sql`select count(*)::int as n from order_order where source_ref = ${`groupbuy:${c.id}`} and status = 'paid'`);
        if (stillPaid.n !== paid.n) throw new Error(`formed: ${String(stillPaid.n)} of ${String(paid.n)} orders still paid`);
        check = await poCheck(db, c.id, items, units);
      } else {
        const r = await one(db, sql`select count(*)::int as n, count(distinct order_id)::int as orders, coalesce(sum(amount_fen), 0)::bigint as fen
          from pay_refund where store_id = ${tenant.storeId} and status = 'succeeded' and order_id in (select id from order_order where source_ref = ${`groupbuy:${c.id}`})`);
        const open = await one(db, sql`select count(*)::int as n from order_order where source_ref = ${`groupbuy:${c.id}`} and status not in ('refunded', 'cancelled')`);
        const sold = await one(db, sql`select coalesce(sum(sold), 0)::int as n from gb_item where campaign_id = ${c.id}`);
        if (r.n !== paid.n || r.orders !== paid.n || String(r.fen) !== String(paid.fen) || open.n !== 0 || sold.n !== 0) {
          throw new Error(`failed campaign: ${String(r.n)} refunds for ${String(paid.n)} paid orders, ${String(r.fen)} of ${String(paid.fen)} fen, ${String(open.n)} orders left open, sold ${String(sold.n)}`);
        }
        check = `${String(r.n)} refunds, each order once, ${(Number(r.fen) / 100).toFixed(0)} 元 = paid; ${N - Number(paid.n)} unpaid cancelled`;
      }
      const perOrder = (cutoffMs * 1000) / N;
      console.log(`${kind} ${outcome}: cut-off ${secs(cutoffMs)} s, ${Math.round(perOrder)} µs/order, CPU ${secs((cpu.user + cpu.system) / 1000)} s; ${check}`);
      // what the cut-off left in the outbox (messages, 接龙 list removals, timeline): delivered for at most DRAIN_S
      const drained = outcome === 'failed' ? await drainFor(db, linli, DRAIN_S * 1000) : { events: 0, ms: 0, left: 0 };
      const outbox = outcome === 'failed' ? `${drained.events} in ${secs(drained.ms)} s (${Math.round(drained.events / (drained.ms / 1000))}/s), ${drained.left} left` : 'POs delivered';
      rows.push([kind, outcome, N, secs(seedMs), secs(cutoffMs), Math.round(perOrder), secs((cpu.user + cpu.system) / 1000), outbox, check]);
      console.log(`${kind} ${outcome}: ${rows.at(-1)!.slice(3).join(' | ')}`);
    }
    return rows;
  } finally {
    await linli.close();
    await bdb.drop();
  }
}

/** every item's PO line: its demand, ordered in whole cases, at least the demand */
async function poCheck(db: Db, campaignId: string, items: SeedItem[], units: Map<string, number>): Promise<string> {
  const lines = rowsOf(await db.execute(sql`select l.sku_id, l.demand_qty, l.case_pack, l.cases, l.ordered_qty from gb_po_line l
    join gb_po_purchase_order p on p.id = l.po_id where p.campaign_id = ${campaignId}`));
  const pos = await one(db, sql`select count(*)::int as n from gb_po_purchase_order where campaign_id = ${campaignId}`);
  for (const it of items) {
    const l = lines.find((x) => x.sku_id === it.skuId);
    const want = units.get(it.itemId)!;
    if (!l || l.demand_qty !== want || l.ordered_qty !== (l.cases as number) * (l.case_pack as number) || (l.ordered_qty as number) < want) {
      throw new Error(`formed: PO line of ${it.productName}: ${JSON.stringify(l)} for a demand of ${want}`);
    }
  }
  if (lines.length !== items.length) throw new Error(`formed: ${lines.length} PO lines for ${items.length} items`);
  const ordered = lines.map((l) => `${String(l.ordered_qty)}`).join('+');
  return `${String(pos.n)} POs (2 suppliers), demand ${[...units.values()].join('+')} → ordered ${ordered} in cases`;
}

/** Delivers the outbox for at most `ms` (the dispatcher's own passes of 200), and says how far it got. */
async function drainFor(db: Db, linli: { dispatcher: { drain(): Promise<void>; stop(): Promise<void> } }, ms: number): Promise<{ events: number; ms: number; left: number }> {
  const pending = async () => Number((await one(db, sql`select count(*)::int as n from outbox_event where dispatched_at is null`)).n);
  const before = await pending();
  const t0 = performance.now();
  let done = false;
  const drained = linli.dispatcher.drain().then(() => (done = true));
  while (!done && performance.now() - t0 < ms) await Promise.race([drained, new Promise((r) => setTimeout(r, 500))]);
  const took = performance.now() - t0;
  const left = await pending();
  if (!done) {
    await linli.dispatcher.stop(); // ends after the batch in flight; the rest stays in the outbox (failed runs last)
    await drained;
  }
  return { events: before - left, ms: took, left };
}

async function run(): Promise<void> {
  const rows: Array<Array<string | number>> = [];
  for (const kind of kinds) rows.push(...(await closeOn(kind)));
  console.log(`\nthe cut-off of one campaign with ${N} orders (80% paid in the sandbox, 20% pay at pickup); load average ${loadavg()[0]!.toFixed(1)}\n`);
  // on PGlite the drain may run past DRAIN_S: its queries resolve without yielding to timers
  printTable(['database', 'campaign', 'orders', 'seed s', 'cut-off s', 'µs/order', 'bench CPU s', `outbox after the close (stopped after ~${DRAIN_S} s)`, 'checked'], rows);
}

registerBench({ name: 'groupbuy-close', title: 'cut-off settlement of one campaign with N orders (GB_CLOSE_ORDERS, default 5k): formed (POs) and failed (refunds), PGlite and PostgreSQL', run });
