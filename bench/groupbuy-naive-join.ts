/**
 * The baseline of the joins bench: the same join done the naive way, as many shops do it —
 * `SELECT … FOR UPDATE` on the campaign row, read the counters, check the caps in code, then
 * write (order, entry, counters) in the same transaction. Correct (the lock serialises every
 * join of the campaign from its first statement to its commit), and what the real path
 * (server/modules/groupbuy/join: the campaign read FOR SHARE, each cap one conditional UPDATE)
 * is measured against. Bench-only; never wired into the app.
 */
import { and, eq } from 'drizzle-orm';
import { inTx } from '../server/db/tx.js';
import { emit } from '../server/events/emit.js';
import type { Ctx } from '../server/kernel/ctx.js';
import { AppError } from '../server/kernel/errors.js';
import { newId } from '../server/kernel/ids.js';
import { maskName } from '../server/kernel/privacy.js';
import { getCustomers } from '../server/modules/customers/index.js';
import { createOrder, type OrderView } from '../server/modules/orders/index.js';
import { findCampaign, itemsOf, slotsOf } from '../server/modules/groupbuy/campaigns/campaign.repo.js';
import { priceAt } from '../server/modules/groupbuy/campaigns/pricing.js';
import { JoinBody } from '../server/modules/groupbuy/contract.js';
import { assertJoinable } from '../server/modules/groupbuy/join/join-campaign.js';
import { gbBuyerItems, gbEntries, gbItems, gbSlots } from '../server/modules/groupbuy/tables.js';

export async function naiveJoin(ctx: Ctx, customerId: string, campaignId: string, input: JoinBody): Promise<OrderView> {
  const body = JoinBody.parse(input);
  return inTx(ctx, async (tx) => {
    const c = await findCampaign(tx, campaignId, 'update'); // every other join of the campaign waits here
    assertJoinable(c, tx.clock.now());
    const items = await itemsOf(tx, c.id);
    const slot = body.slotId ? (await slotsOf(tx, c.id)).find((s) => s.id === body.slotId) : undefined;
    if (body.slotId && !slot) throw new AppError('VALIDATION_FAILED', { slotId: body.slotId });
    if (slot && slot.booked + 1 > slot.capacity) throw new AppError('CAMPAIGN_SLOT_FULL', { slotId: slot.id });
    const lines = [];
    for (const l of body.items) {
      const i = items.find((x) => x.id === l.itemId);
      if (!i) throw new AppError('CAMPAIGN_ITEM_NOT_FOUND', { itemId: l.itemId });
      const [mine] = await tx.db
        .select({ qty: gbBuyerItems.qty })
        .from(gbBuyerItems)
        .where(and(eq(gbBuyerItems.itemId, i.id), eq(gbBuyerItems.customerId, customerId)));
      const held = mine?.qty ?? 0;
      if (i.perPersonCap !== null && held + l.qty > i.perPersonCap) throw new AppError('CAMPAIGN_PERSON_LIMIT', { itemId: i.id, perPersonCap: i.perPersonCap, requested: l.qty });
      if (i.totalCap !== null && i.sold + l.qty > i.totalCap) throw new AppError('CAMPAIGN_SOLD_OUT', { itemId: i.id, requested: l.qty });
      if (mine) await tx.db.update(gbBuyerItems).set({ qty: held + l.qty }).where(and(eq(gbBuyerItems.itemId, i.id), eq(gbBuyerItems.customerId, customerId)));
      else await tx.db.insert(gbBuyerItems).values({ storeId: tx.storeId, itemId: i.id, customerId, qty: l.qty });
      await tx.db.update(gbItems).set({ sold: i.sold + l.qty }).where(eq(gbItems.id, i.id));
      lines.push({ itemId: i.id, skuId: i.skuId, qty: l.qty, unitPriceFen: priceAt(i.priceFen, i.tiers, i.sold + l.qty) });
    }
    if (slot) await tx.db.update(gbSlots).set({ booked: slot.booked + 1 }).where(eq(gbSlots.id, slot.id));
    const order = await createOrder(tx, {
      channel: 'groupbuy',
      customerId,
      lines: lines.map((l) => ({ skuId: l.skuId, qty: l.qty, unitPriceFen: l.unitPriceFen })),
      paymentMethod: body.paymentMethod,
      fulfilment: 'presale',
      reserveStock: false,
      sourceRef: `groupbuy:${c.id}`,
      note: body.note,
    });
    const now = tx.clock.now();
    const [entry] = await tx.db
      .insert(gbEntries)
      .values({ id: newId(), campaignId: c.id, storeId: tx.storeId, orderId: order.id, customerId, slotId: body.slotId, lines, createdAt: now })
      .returning({ seq: gbEntries.seq });
    const name = (await getCustomers(tx, [customerId])).get(customerId)?.name ?? '';
    await emit(tx, 'groupbuy.joined', { campaignId: c.id, orderId: order.id, seq: entry!.seq, who: maskName(name), summary: `${lines.reduce((s, l) => s + l.qty, 0)}份`, at: now.toISOString() });
    return order;
  });
}
