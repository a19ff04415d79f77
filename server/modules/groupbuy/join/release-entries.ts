import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { emitMany } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import type { EntryRow } from '../campaigns/campaign.repo.js';
import { gbEntries, gbItems, gbSlots } from '../tables.js';

/**
 * `withdrawEntry` for many orders at once (a failed or cancelled 接龙 at cut-off), in the
 * caller's transaction: the entries still active turn inactive in one conditional UPDATE, and
 * only those give their units and slots back, summed: one statement for the per-person counters,
 * one per item, one per slot (item and slot order, as joins take them). Returns the entries it
 * turned, each with its 'groupbuy.entry_withdrawn' event recorded.
 */
export async function withdrawEntries(ctx: Ctx, orderIds: string[]): Promise<Array<Pick<EntryRow, 'orderId' | 'campaignId' | 'customerId' | 'seq' | 'slotId' | 'lines'>>> {
  if (!ctx.inTx) throw new Error('withdrawEntries must run inside a transaction');
  if (orderIds.length === 0) return [];
  const turned = await ctx.db
    .update(gbEntries)
    .set({ active: false })
    .where(and(eq(gbEntries.storeId, ctx.storeId), inArray(gbEntries.orderId, orderIds), eq(gbEntries.active, true)))
    .returning({ orderId: gbEntries.orderId, campaignId: gbEntries.campaignId, customerId: gbEntries.customerId, seq: gbEntries.seq, slotId: gbEntries.slotId, lines: gbEntries.lines });
  if (turned.length === 0) return [];

  const personal = new Map<string, { itemId: string; customerId: string; qty: number }>();
  const perItem = new Map<string, number>();
  const perSlot = new Map<string, number>();
  for (const e of turned) {
    for (const l of e.lines) {
      const k = `${l.itemId}:${e.customerId}`;
      const p = personal.get(k) ?? { itemId: l.itemId, customerId: e.customerId, qty: 0 };
      p.qty += l.qty;
      personal.set(k, p);
      perItem.set(l.itemId, (perItem.get(l.itemId) ?? 0) + l.qty);
    }
    if (e.slotId) perSlot.set(e.slotId, (perSlot.get(e.slotId) ?? 0) + 1);
  }
  const rows = [...personal.values()].sort((a, b) => (a.itemId + a.customerId < b.itemId + b.customerId ? -1 : 1));
  await ctx.db.execute(sql`update gb_buyer_item b set qty = b.qty - v.q
    from (values ${sql.join(rows.map((r) => sql`(${r.itemId}::uuid, ${r.customerId}::uuid, ${r.qty}::int)`), sql`, `)}) as v(item_id, customer_id, q)
    where b.store_id = ${ctx.storeId} and b.item_id in ${[...perItem.keys()]} and b.customer_id in ${[...new Set(rows.map((r) => r.customerId))]}
      and b.item_id = v.item_id and b.customer_id = v.customer_id`);
  for (const itemId of [...perItem.keys()].sort()) {
    await ctx.db.update(gbItems).set({ sold: sql`${gbItems.sold} - ${perItem.get(itemId)!}` }).where(eq(gbItems.id, itemId));
  }
  for (const slotId of [...perSlot.keys()].sort()) {
    await ctx.db.update(gbSlots).set({ booked: sql`${gbSlots.booked} - ${perSlot.get(slotId)!}` }).where(eq(gbSlots.id, slotId));
  }
  const at = ctx.clock.now().toISOString();
  await emitMany(ctx, turned.map((e) => ({ type: 'groupbuy.entry_withdrawn' as const, payload: { campaignId: e.campaignId, orderId: e.orderId, seq: e.seq, at } })));
  return turned;
}

/** The entries of these orders, row-locked in id order (entries before orders, as every path takes them). */
export async function lockEntries(ctx: Ctx, orderIds: string[]): Promise<Array<Pick<EntryRow, 'id' | 'orderId' | 'active' | 'settled'>>> {
  if (orderIds.length === 0) return [];
  return ctx.db
    .select({ id: gbEntries.id, orderId: gbEntries.orderId, active: gbEntries.active, settled: gbEntries.settled })
    .from(gbEntries)
    .where(and(eq(gbEntries.storeId, ctx.storeId), inArray(gbEntries.orderId, orderIds)))
    .orderBy(asc(gbEntries.id))
    .for('update');
}
