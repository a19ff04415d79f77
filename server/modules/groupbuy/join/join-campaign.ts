import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { maskName } from '../../../kernel/privacy.js';
import { getCustomers } from '../../customers/index.js';
import { createOrder, type OrderView } from '../../orders/index.js';
import { findCampaign, itemsOf, slotsOf, type CampaignRow } from '../campaigns/campaign.repo.js';
import { priceAt } from '../campaigns/pricing.js';
import { JoinBody } from '../contract.js';
import { gbEntries } from '../tables.js';
import { takePersonal, takeSlot, takeTotal } from './caps.js';

export interface JoinOptions {
  /** e.g. `live:<showId>`: at most 100 characters */
  sourceRef?: string;
}

/** Joins are taken while open_at <= now < cutoff_at and the campaign is open. */
export function assertJoinable(c: CampaignRow, now: Date): void {
  if (c.status === 'closed' || c.status === 'formed' || c.status === 'failed') throw new AppError('CAMPAIGN_CUTOFF_PASSED', { cutoffAt: c.cutoffAt.toISOString() });
  if (c.status !== 'open') throw new AppError('CAMPAIGN_NOT_OPEN', { status: c.status });
  if (now < c.openAt) throw new AppError('CAMPAIGN_NOT_OPEN', { openAt: c.openAt.toISOString() });
  if (now >= c.cutoffAt) throw new AppError('CAMPAIGN_CUTOFF_PASSED', { cutoffAt: c.cutoffAt.toISOString() });
}

/**
 * A neighbour joins (接龙): caps taken, then one presale order through orders, at the ladder
 * price reached with this join (the higher tier; the difference is refunded if the group forms
 * lower). All in one transaction: a refused cap leaves nothing behind. The campaign row is read
 * FOR SHARE, so joins run side by side while the cut-off (FOR UPDATE) waits for them.
 * `opts.sourceRef` attributes the order to where the join came from (the live room passes
 * `live:<showId>`); by default the order points at the campaign (`groupbuy:<campaignId>`).
 */
export async function joinCampaign(ctx: Ctx, customerId: string, campaignId: string, input: JoinBody, opts: JoinOptions = {}): Promise<OrderView> {
  const body = JoinBody.parse(input);
  if (opts.sourceRef !== undefined && (opts.sourceRef.length === 0 || opts.sourceRef.length > 100)) throw new AppError('VALIDATION_FAILED', { sourceRef: opts.sourceRef });
  return inTx(ctx, async (tx) => {
    const c = await findCampaign(tx, campaignId, 'share');
    assertJoinable(c, tx.clock.now());
    const items = await itemsOf(tx, c.id);
    const wanted = new Map<string, number>();
    for (const l of body.items) {
      if (!items.some((i) => i.id === l.itemId)) throw new AppError('CAMPAIGN_ITEM_NOT_FOUND', { itemId: l.itemId });
      wanted.set(l.itemId, (wanted.get(l.itemId) ?? 0) + l.qty);
    }
    const slots = await slotsOf(tx, c.id);
    if (slots.length > 0 && (!body.slotId || !slots.some((s) => s.id === body.slotId))) {
      throw new AppError('VALIDATION_FAILED', { slotId: body.slotId, reason: 'pick one of the campaign’s pickup slots' });
    }
    if (slots.length === 0 && body.slotId) throw new AppError('VALIDATION_FAILED', { slotId: body.slotId });

    // one lock order for everyone: personal rows, then items by id, then the slot
    const chosen = items.filter((i) => wanted.has(i.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const i of chosen) await takePersonal(tx, i, customerId, wanted.get(i.id)!);
    const lines = [];
    for (const i of chosen) {
      const sold = await takeTotal(tx, i, wanted.get(i.id)!);
      lines.push({ itemId: i.id, skuId: i.skuId, qty: wanted.get(i.id)!, unitPriceFen: priceAt(i.priceFen, i.tiers, sold), position: i.position });
    }
    if (body.slotId) await takeSlot(tx, body.slotId);
    lines.sort((a, b) => a.position - b.position);

    const order = await createOrder(tx, {
      channel: 'groupbuy',
      customerId,
      lines: lines.map((l) => ({ skuId: l.skuId, qty: l.qty, unitPriceFen: l.unitPriceFen })),
      paymentMethod: body.paymentMethod,
      fulfilment: 'presale',
      reserveStock: false,
      sourceRef: opts.sourceRef ?? `groupbuy:${c.id}`,
      note: body.note,
    });
    const now = tx.clock.now();
    const [entry] = await tx.db
      .insert(gbEntries)
      .values({
        id: newId(),
        campaignId: c.id,
        storeId: tx.storeId,
        orderId: order.id,
        customerId,
        slotId: body.slotId,
        lines: lines.map(({ itemId, skuId, qty, unitPriceFen }) => ({ itemId, skuId, qty, unitPriceFen })),
        createdAt: now,
      })
      .returning({ seq: gbEntries.seq });
    const name = (await getCustomers(tx, [customerId])).get(customerId)?.name ?? '';
    const units = lines.reduce((s, l) => s + l.qty, 0);
    await emit(tx, 'groupbuy.joined', {
      campaignId: c.id,
      orderId: order.id,
      seq: entry!.seq,
      who: maskName(name),
      summary: `${units}份`,
      at: now.toISOString(),
    });
    return order;
  });
}
