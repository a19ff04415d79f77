import { eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import { actorId, type Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { notify } from '../../notifications/index.js';
import { refundOrder, type PaymentsPort } from '../../orders/index.js';
import { ApproveTicketBody, type RejectTicketBody } from '../contract.js';
import { afterSalesTickets } from '../tables.js';
import { findTicket, type TicketRow } from '../ticket.repo.js';

export const AFTER_SALES_REFUND_REASON = 'after_sales';

async function lockOpen(ctx: Ctx, ticketId: string): Promise<TicketRow> {
  const t = await findTicket(ctx, ticketId, true);
  if (t.status !== 'open') throw new AppError('AFTER_SALES_STATE_INVALID', { status: t.status });
  return t;
}

/**
 * Owner or manager approve: a partial (or full) refund of `refundFen` through the order's refund
 * path (never more than paid − refunded: REFUND_EXCEEDS_PAID), the ticket closed, the neighbour
 * told — one transaction, so a refused refund leaves the ticket open. The route wraps it in
 * idempotent(): a retry with the same key answers the same and refunds nothing more.
 */
export async function approveTicket(ctx: Ctx, ticketId: string, input: ApproveTicketBody, payments: PaymentsPort): Promise<TicketRow> {
  const body = ApproveTicketBody.parse(input);
  return inTx(ctx, async (tx) => {
    const t = await lockOpen(tx, ticketId);
    const refund = await refundOrder(tx, { orderId: t.orderId, amountFen: body.refundFen, reason: AFTER_SALES_REFUND_REASON }, payments);
    const [row] = await tx.db
      .update(afterSalesTickets)
      .set({
        status: 'approved',
        refundFen: body.refundFen,
        refundId: refund.refundId,
        decisionNote: body.note || null,
        decidedBy: actorId(tx.actor),
        decidedAt: tx.clock.now(),
        updatedAt: tx.clock.now(),
      })
      .where(eq(afterSalesTickets.id, t.id))
      .returning();
    await emit(tx, 'aftersales.approved', { ticketId: t.id, orderId: t.orderId, customerId: t.customerId, refundFen: body.refundFen, refundId: refund.refundId });
    await notify(tx, { to: { customerId: t.customerId }, template: 'after_sales_approved', params: { ticketId: t.id, refundFen: body.refundFen } });
    return row!;
  });
}

export async function rejectTicket(ctx: Ctx, ticketId: string, body: RejectTicketBody): Promise<TicketRow> {
  return inTx(ctx, async (tx) => {
    const t = await lockOpen(tx, ticketId);
    const [row] = await tx.db
      .update(afterSalesTickets)
      .set({ status: 'rejected', decisionNote: body.note, decidedBy: actorId(tx.actor), decidedAt: tx.clock.now(), updatedAt: tx.clock.now() })
      .where(eq(afterSalesTickets.id, t.id))
      .returning();
    await emit(tx, 'aftersales.rejected', { ticketId: t.id, orderId: t.orderId, customerId: t.customerId });
    await notify(tx, { to: { customerId: t.customerId }, template: 'after_sales_rejected', params: { ticketId: t.id, note: body.note } });
    return row!;
  });
}
