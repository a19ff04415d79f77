import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/raw.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { newId } from '../../../kernel/ids.js';
import { customerTables } from '../../customers/index.js';
import { liveShows } from '../tables.js';

/** Test and bench helpers of live commerce (not a test file). */

/** A show of the ctx's store, on air (as a push would have made it). */
export async function liveShow(ctx: Ctx, title = '今晚直播'): Promise<string> {
  const id = newId();
  const now = ctx.clock.now();
  await ctx.db.insert(liveShows).values({ id, orgId: ctx.orgId, storeId: ctx.storeId, title, status: 'live', startedAt: now, createdAt: now });
  return id;
}

/** `n` neighbours of the ctx's organisation in one insert (phones 139xxxxxxxx from `base`). */
export async function manyCustomers(ctx: Ctx, n: number, base = 0): Promise<string[]> {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: newId(),
    orgId: ctx.orgId,
    phone: `139${String(base + i).padStart(8, '0')}`,
    name: `邻居${base + i}`,
    firstStoreId: ctx.storeId,
  }));
  for (let i = 0; i < rows.length; i += 1000) await ctx.db.insert(customerTables.customers).values(rows.slice(i, i + 1000));
  return rows.map((r) => r.id);
}

/** Orders of a show as the orders core holds them (sourceRef live:<showId>): count and units. */
export async function ordersOfShow(ctx: Ctx, showId: string): Promise<{ orders: number; units: number; lines: number }> {
  const [row] = await queryRows<{ orders: number; units: number; lines: number }>(ctx.db, sql`
    select count(distinct o.id)::int as orders, coalesce(sum(l.qty), 0)::int as units, count(l.id)::int as lines
    from order_order o join order_line l on l.order_id = o.id
    where o.store_id = ${ctx.storeId} and o.source_ref = ${`live:${showId}`} and o.channel = 'live'`);
  return row!;
}
