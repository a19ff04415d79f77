import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import { getOrder, holdPresaleLine, markReady, refundOrder, type PaymentsPort } from '../../orders/index.js';
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

/**
 * What procurement's receiving needs of the campaign: the paid presale lines of a SKU (first
 * come by join time), a line filled (its stock held; the order ready once every line is held or
 * refunded), a line short (the missing units refunded at the price the group formed at). A
 * partial line is held only after its shortage is refunded, so the hold is exactly what arrived.
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
        if (order.status !== 'paid') continue;
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
      const orderLine = order.lines.find((l) => l.id === line.lineId)!;
      const [entry] = await ctx.db.select().from(gbEntries).where(and(eq(gbEntries.orderId, order.id), eq(gbEntries.storeId, ctx.storeId)));
      const itemId = entry?.lines.find((l) => l.skuId === orderLine.skuId)?.itemId;
      const [item] = itemId ? await ctx.db.select().from(gbItems).where(eq(gbItems.id, itemId)) : [];
      const unit = Math.min(item?.finalPriceFen ?? orderLine.unitPriceFen, orderLine.unitPriceFen);
      const amountFen = Math.min(unit * missingQty, order.paidFen - order.refundedFen);
      if (amountFen > 0) {
        await refundOrder(ctx, { orderId: order.id, amountFen, reason: SHORTAGE_REASON, lines: [{ lineId: line.lineId, qty: missingQty }] }, payments);
      }
      if (line.filledQty > 0) await hold(ctx, line.orderId, line.lineId);
    },
  };
}

async function hold(ctx: Ctx, orderId: string, lineId: string): Promise<void> {
  const { allHeld } = await holdPresaleLine(ctx, orderId, lineId);
  if (allHeld && (await getOrder(ctx, orderId)).status === 'paid') await markReady(ctx, orderId);
}
