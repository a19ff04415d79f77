import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import type { ItemRow } from '../campaigns/campaign.repo.js';
import { gbBuyerItems, gbEntries, gbItems, gbSlots } from '../tables.js';

/**
 * The cap counters. Each take is one conditional statement in the caller's transaction, so
 * concurrent joins queue on the counter row and none ever passes a cap (no read-then-write).
 */

/** Per-person cap (限购): the (item, customer) row grows only while it stays within the cap. */
export async function takePersonal(ctx: Ctx, item: ItemRow, customerId: string, qty: number): Promise<void> {
  const cap = item.perPersonCap;
  if (cap !== null && qty > cap) throw new AppError('CAMPAIGN_PERSON_LIMIT', { itemId: item.id, perPersonCap: cap, requested: qty });
  const rows = await ctx.db
    .insert(gbBuyerItems)
    .values({ storeId: ctx.storeId, itemId: item.id, customerId, qty })
    .onConflictDoUpdate({
      target: [gbBuyerItems.itemId, gbBuyerItems.customerId],
      set: { qty: sql`${gbBuyerItems.qty} + excluded.qty` },
      ...(cap !== null ? { setWhere: sql`${gbBuyerItems.qty} + excluded.qty <= ${cap}` } : {}),
    })
    .returning({ qty: gbBuyerItems.qty });
  if (rows.length === 0) throw new AppError('CAMPAIGN_PERSON_LIMIT', { itemId: item.id, perPersonCap: cap, requested: qty });
}

/** Total cap: `sold = sold + q where sold + q <= cap`; returns the new total sold. */
export async function takeTotal(ctx: Ctx, item: ItemRow, qty: number): Promise<number> {
  const [row] = await ctx.db
    .update(gbItems)
    .set({ sold: sql`${gbItems.sold} + ${qty}` })
    .where(and(eq(gbItems.id, item.id), sql`(${gbItems.totalCap} is null or ${gbItems.sold} + ${qty} <= ${gbItems.totalCap})`))
    .returning({ sold: gbItems.sold, totalCap: gbItems.totalCap });
  if (!row) throw new AppError('CAMPAIGN_SOLD_OUT', { itemId: item.id, requested: qty });
  return row.sold;
}

export async function takeSlot(ctx: Ctx, slotId: string): Promise<void> {
  const [row] = await ctx.db
    .update(gbSlots)
    .set({ booked: sql`${gbSlots.booked} + 1` })
    .where(and(eq(gbSlots.id, slotId), sql`${gbSlots.booked} + 1 <= ${gbSlots.capacity}`))
    .returning({ booked: gbSlots.booked });
  if (!row) throw new AppError('CAMPAIGN_SLOT_FULL', { slotId });
}

/**
 * Gives an entry's units and slot back, exactly once: the entry turns inactive in a conditional
 * UPDATE, and only the caller that turned it gives anything back. Returns the entry when it did.
 */
export async function releaseEntry(ctx: Ctx, orderId: string) {
  const [entry] = await ctx.db
    .update(gbEntries)
    .set({ active: false })
    .where(and(eq(gbEntries.orderId, orderId), eq(gbEntries.storeId, ctx.storeId), eq(gbEntries.active, true)))
    .returning();
  if (!entry) return null;
  for (const l of [...entry.lines].sort((a, b) => (a.itemId < b.itemId ? -1 : 1))) {
    await ctx.db
      .update(gbBuyerItems)
      .set({ qty: sql`${gbBuyerItems.qty} - ${l.qty}` })
      .where(and(eq(gbBuyerItems.storeId, ctx.storeId), eq(gbBuyerItems.itemId, l.itemId), eq(gbBuyerItems.customerId, entry.customerId)));
    await ctx.db.update(gbItems).set({ sold: sql`${gbItems.sold} - ${l.qty}` }).where(eq(gbItems.id, l.itemId));
  }
  if (entry.slotId) await ctx.db.update(gbSlots).set({ booked: sql`${gbSlots.booked} - 1` }).where(eq(gbSlots.id, entry.slotId));
  return entry;
}
