import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import { dropUnpaidUnits, getOrder, holdPresaleLine, markReady, refundOrder, type OrderView, type PaymentsPort } from '../../orders/index.js';
import { entriesOf, findCampaign } from '../campaigns/campaign.repo.js';
import { gbEntries, gbItems } from '../tables.js';

export const SHORTAGE_REASON = 'groupbuy_shortage';

/** the shapes of procurement's AllocationPorts (structural: the channel core never imports procurement) */
interface DemandLine {
  orderId: string;
  lineId: string;
  qty: number;
  createdAt: Date;
}
interface Allocated extends DemandLine {
  filledQty: number;
  missingQty: number;
  outcome: 'filled' | 'partial' | 'short';
}

/** Paid, or to be paid at the counter (到店付: nothing paid, no payBy): both wait for the goods. */
function awaitsGoods(o: OrderView): boolean {
  return o.status === 'paid' || (o.status === 'pending_payment' && o.paymentMethod === 'pay_at_pickup' && o.paidFen === 0 && o.payBy === null);
}

/**
 * What procurement's receiving needs of the campaign: the presale lines of a SKU of paid and
 * pay-at-pickup orders (first come by join time), a line filled (its stock held; the order ready
 * once every line is held or refunded), a line short (the missing units refunded at the price the
 * group formed at; on a pay-at-pickup order they are taken off what it owes, no money moves). A
 * partial line is held only after its shortage is settled, so the hold is exactly what arrived.
 */
export function allocationPorts(payments: PaymentsPort) {
  return {
    async listPresaleDemand(ctx: Ctx, campaignId: string, skuId: string): Promise<DemandLine[]> {
      // a PO of no campaign of this store (made by hand): nothing to allocate, the goods stay in stock
      if (!(await findCampaign(ctx, campaignId).catch(() => null))) return [];
      const out: DemandLine[] = [];
      for (const e of await entriesOf(ctx, campaignId, { active: true })) {
        if (!e.lines.some((l) => l.skuId === skuId)) continue;
        const order = await getOrder(ctx, e.orderId);
        if (!awaitsGoods(order)) continue;
        for (const line of order.lines) {
          const left = line.qty - line.refundedQty;
          if (line.skuId === skuId && left > 0) out.push({ orderId: order.id, lineId: line.id, qty: left, createdAt: e.createdAt });
        }
      }
      return out;
    },

    async onFilled(ctx: Ctx, line: Allocated): Promise<void> {
      if (line.outcome === 'partial') return; // held in onShort, after the refund
      await hold(ctx, line.orderId, line.lineId);
    },

    async onShort(ctx: Ctx, line: Allocated, missingQty: number): Promise<void> {
      const order = await getOrder(ctx, line.orderId);
      if (order.paidFen === 0 && order.paymentMethod === 'pay_at_pickup') {
        // nothing was paid: the missing units are simply no longer owed
        await dropUnpaidUnits(ctx, order.id, [{ lineId: line.lineId, qty: missingQty }], SHORTAGE_REASON);
        await settle(ctx, line);
        return;
      }
      const orderLine = order.lines.find((l) => l.id === line.lineId)!;
      const [entry] = await ctx.db.select().from(gbEntries).where(and(eq(gbEntries.orderId, order.id), eq(gbEntries.storeId, ctx.storeId)));
      const itemId = entry?.lines.find((l) => l.skuId === orderLine.skuId)?.itemId;
      const [item] = itemId ? await ctx.db.select().from(gbItems).where(eq(gbItems.id, itemId)) : [];
      const unit = Math.min(item?.finalPriceFen ?? orderLine.unitPriceFen, orderLine.unitPriceFen);
      const amountFen = Math.min(unit * missingQty, order.paidFen - order.refundedFen);
      if (amountFen > 0) {
        await refundOrder(ctx, { orderId: order.id, amountFen, reason: SHORTAGE_REASON, lines: [{ lineId: line.lineId, qty: missingQty }] }, payments);
      }
      await settle(ctx, line);
    },
  };
}

async function hold(ctx: Ctx, orderId: string, lineId: string): Promise<void> {
  const { allHeld } = await holdPresaleLine(ctx, orderId, lineId);
  if (allHeld && awaitsGoods(await getOrder(ctx, orderId))) await markReady(ctx, orderId);
}

/** After a shortage: holds what arrived, or (nothing arrived) marks the order ready if its other lines are settled. */
async function settle(ctx: Ctx, line: Allocated): Promise<void> {
  // a line short in full may have closed the order (refunded / cancelled): nothing to hold
  if (!awaitsGoods(await getOrder(ctx, line.orderId))) return;
  await hold(ctx, line.orderId, line.lineId);
}
