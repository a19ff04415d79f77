/**
 * Seeds a group-buy campaign with N orders in a few statements (generate_series through the real
 * tables: customers, orders, order lines, succeeded sandbox payments, 接龙 entries, per-person
 * counters, the items' sold counters), as if N neighbours had joined and paid. Order i is
 * deterministic (md5 of a per-campaign salt and i), so lines, payments and entries find it.
 * 80% paid in the sandbox wallet, 20% pay at pickup (unpaid until the counter).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../server/kernel/ctx.js';

export interface SeedItem {
  itemId: string;
  skuId: string;
  productId: string;
  productName: string;
  spec: string;
  unit: string;
  priceFen: number;
}

export interface SeedInput {
  orgId: string;
  storeId: string;
  campaignId: string;
  items: SeedItem[];
  orders: number;
  /** pickup codes are codeBase + i (8 digits): give each campaign of a store its own range */
  codeBase: number;
  /** phones are 1370000000 + … per campaign: give each its own range */
  phoneBase: number;
  at: Date;
}

const CHUNK = 25_000;

/** Order i takes item i % K, 1 or 2 units; returns units per item. */
export async function seedCampaignOrders(db: Db, s: SeedInput): Promise<Map<string, number>> {
  const salt = s.campaignId;
  const at = s.at.toISOString();
  const k = s.items.length;
  for (let from = 1; from <= s.orders; from += CHUNK) {
    const to = Math.min(s.orders, from + CHUNK - 1);
    for (const [n, it] of s.items.entries()) {
      // one statement per table and item, for a slice of i; `q` units, sandbox paid unless i % 5 = 0
      const rows = sql`select i, 1 + (i / ${k}) % 2 as q, (i % 5 <> 0) as paid,
          md5(${salt} || 'o' || i)::uuid as oid, md5(${salt} || 'c' || i)::uuid as cid
        from generate_series(${from}::int, ${to}::int) as i where i % ${k} = ${n}`;
      await db.execute(sql`insert into customer_customer (id, org_id, phone, name, first_store_id, created_at)
        select cid, ${s.orgId}::uuid, (${s.phoneBase}::bigint * 10 + i)::text, '邻居' || i, ${s.storeId}::uuid, ${at}::timestamptz from (${rows}) r`);
      await db.execute(sql`insert into customer_store (customer_id, store_id, org_id, first_seen_at)
        select cid, ${s.storeId}::uuid, ${s.orgId}::uuid, ${at}::timestamptz from (${rows}) r`);
      await db.execute(sql`insert into order_order (id, org_id, store_id, customer_id, channel, status, fulfilment, payment_method,
          total_fen, paid_fen, refunded_fen, pickup_code, payment_ref, source_ref, created_at, updated_at, version)
        select oid, ${s.orgId}::uuid, ${s.storeId}::uuid, cid, 'groupbuy', case when paid then 'paid' else 'pending_payment' end, 'presale',
          case when paid then 'sandbox' else 'pay_at_pickup' end, q * ${it.priceFen}, case when paid then q * ${it.priceFen} else 0 end, 0,
          lpad((${s.codeBase}::bigint + i)::text, 8, '0'), case when paid then md5(${salt} || 'p' || i)::uuid::text end,
          ${`groupbuy:${s.campaignId}`}, ${at}::timestamptz, ${at}::timestamptz, case when paid then 2 else 1 end from (${rows}) r`);
      await db.execute(sql`insert into order_line (id, order_id, store_id, position, sku_id, product_id, product_name, spec, unit, qty,
          unit_price_fen, line_total_fen, refunded_qty)
        select md5(${salt} || 'l' || i)::uuid, oid, ${s.storeId}::uuid, 0, ${it.skuId}::uuid, ${it.productId}::uuid, ${it.productName},
          ${it.spec}, ${it.unit}, q, ${it.priceFen}, q * ${it.priceFen}, 0 from (${rows}) r`);
      await db.execute(sql`insert into pay_payment (id, org_id, store_id, order_id, provider, amount_fen, status, provider_ref, refunded_fen, created_at, succeeded_at)
        select md5(${salt} || 'p' || i)::uuid, ${s.orgId}::uuid, ${s.storeId}::uuid, oid, 'sandbox', q * ${it.priceFen}, 'succeeded',
          'sandbox:' || i, 0, ${at}::timestamptz, ${at}::timestamptz from (${rows}) r where paid`);
      await db.execute(sql`insert into gb_entry (id, campaign_id, store_id, order_id, customer_id, lines, active, settled, created_at)
        select md5(${salt} || 'e' || i)::uuid, ${s.campaignId}::uuid, ${s.storeId}::uuid, oid, cid,
          jsonb_build_array(jsonb_build_object('itemId', ${it.itemId}::text, 'skuId', ${it.skuId}::text, 'qty', q, 'unitPriceFen', ${it.priceFen}::int)),
          true, false, ${at}::timestamptz from (${rows}) r order by i`);
      await db.execute(sql`insert into gb_buyer_item (store_id, item_id, customer_id, qty)
        select ${s.storeId}::uuid, ${it.itemId}::uuid, cid, q from (${rows}) r`);
    }
  }
  const units = new Map<string, number>();
  for (const [n, it] of s.items.entries()) {
    const r = await db.execute(sql`update gb_item set sold = (select coalesce(sum(qty), 0) from gb_buyer_item where item_id = ${it.itemId}::uuid)
      where id = ${it.itemId}::uuid returning sold`);
    units.set(it.itemId, Number(rowsOf(r)[0]?.sold ?? 0));
    void n;
  }
  return units;
}

/** drizzle's execute answers { rows } on both drivers */
export function rowsOf(r: unknown): Array<Record<string, unknown>> {
  return (r as { rows: Array<Record<string, unknown>> }).rows;
}
