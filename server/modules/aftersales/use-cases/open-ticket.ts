import { and, eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { getOrder, refundableFen } from '../../orders/index.js';
import { OpenTicketBody } from '../contract.js';
import { afterSalesTickets } from '../tables.js';
import type { TicketRow } from '../ticket.repo.js';

const ALLOWED = ['paid', 'ready_for_pickup', 'picked_up'];

/**
 * A neighbour opens a ticket on their own order (the customer ctx finds no one else's): paid or
 * picked up with money left to refund, one open ticket per order. Lines must be the order's, and
 * the amount asked for no more than what is refundable.
 */
export async function openTicket(ctx: Ctx, orderId: string, input: OpenTicketBody): Promise<TicketRow> {
  if (ctx.actor.kind !== 'customer') throw new AppError('FORBIDDEN');
  const customerId = ctx.actor.customerId;
  const body = OpenTicketBody.parse(input);
  try {
    return await inTx(ctx, async (tx) => {
      const order = await getOrder(tx, orderId);
      const refundable = refundableFen(order);
      if (!ALLOWED.includes(order.status) || refundable <= 0) {
        throw new AppError('AFTER_SALES_NOT_ALLOWED', { orderId, status: order.status, refundableFen: refundable });
      }
      for (const l of body.lines ?? []) {
        const line = order.lines.find((x) => x.id === l.orderLineId);
        if (!line || l.qty > line.qty) throw new AppError('VALIDATION_FAILED', { orderLineId: l.orderLineId, qty: l.qty });
      }
      if (body.requestedFen !== undefined && body.requestedFen > refundable) {
        throw new AppError('REFUND_EXCEEDS_PAID', { amountFen: body.requestedFen, refundableFen: refundable });
      }
      const [open] = await tx.db
        .select({ id: afterSalesTickets.id })
        .from(afterSalesTickets)
        .where(and(eq(afterSalesTickets.orderId, orderId), eq(afterSalesTickets.storeId, tx.storeId), eq(afterSalesTickets.status, 'open')));
      if (open) throw new AppError('AFTER_SALES_ALREADY_OPEN', { ticketId: open.id });
      const now = tx.clock.now();
      const [row] = await tx.db
        .insert(afterSalesTickets)
        .values({
          id: newId(),
          orgId: tx.orgId,
          storeId: tx.storeId,
          orderId,
          customerId,
          reason: body.reason,
          text: body.text,
          lines: body.lines ?? [],
          requestedFen: body.requestedFen ?? null,
          status: 'open',
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await emit(tx, 'aftersales.opened', { ticketId: row!.id, orderId, customerId, reason: body.reason, requestedFen: body.requestedFen ?? null });
      return row!;
    });
  } catch (e) {
    throw openRace(e);
  }
}

/** Two opens at once: the partial unique index refuses the second; say so with the domain code. */
function openRace(e: unknown): unknown {
  for (let c: unknown = e; c; c = (c as { cause?: unknown }).cause) {
    const x = c as { code?: string; constraint?: string; message?: string };
    if (x.code === '23505' && (x.constraint === 'aftersales_ticket_open_uq' || x.message?.includes('aftersales_ticket_open_uq'))) {
      return new AppError('AFTER_SALES_ALREADY_OPEN');
    }
  }
  return e;
}
