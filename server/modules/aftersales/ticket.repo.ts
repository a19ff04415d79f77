import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../kernel/ctx.js';
import { AppError } from '../../kernel/errors.js';
import { getCustomers } from '../customers/index.js';
import { getOrder, refundableFen, type OrderView } from '../orders/index.js';
import type { AfterSalesStatus, StaffTicketView, TicketView } from './contract.js';
import { afterSalesTickets } from './tables.js';

export type TicketRow = typeof afterSalesTickets.$inferSelect;

/** The ticket of the ctx's store; a customer only ever finds their own. */
function scope(ctx: Ctx, id: string): SQL {
  const conds = [eq(afterSalesTickets.id, id), eq(afterSalesTickets.storeId, ctx.storeId)];
  if (ctx.actor.kind === 'customer') conds.push(eq(afterSalesTickets.customerId, ctx.actor.customerId));
  return and(...conds)!;
}

export async function findTicket(ctx: Ctx, id: string, lock = false): Promise<TicketRow> {
  const q = ctx.db.select().from(afterSalesTickets).where(scope(ctx, id)).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('AFTER_SALES_NOT_FOUND', { ticketId: id });
  return row;
}

export async function findTickets(ctx: Ctx, f: { status?: AfterSalesStatus; customerId?: string }): Promise<TicketRow[]> {
  const conds = [eq(afterSalesTickets.storeId, ctx.storeId)];
  if (f.status) conds.push(eq(afterSalesTickets.status, f.status));
  if (f.customerId) conds.push(eq(afterSalesTickets.customerId, f.customerId));
  if (ctx.actor.kind === 'customer') conds.push(eq(afterSalesTickets.customerId, ctx.actor.customerId));
  return ctx.db.select().from(afterSalesTickets).where(and(...conds)).orderBy(desc(afterSalesTickets.createdAt)).limit(200);
}

export const photoPath = {
  shop: (slug: string, id: string) => `/api/shop/${slug}/after-sales/${id}/photo`,
  console: (id: string) => `/api/console/after-sales/${id}/photo`,
};

function present(t: TicketRow, order: OrderView, photoUrl: string | null): TicketView {
  return {
    id: t.id,
    storeId: t.storeId,
    orderId: t.orderId,
    reason: t.reason,
    text: t.text,
    lines: t.lines,
    requestedFen: t.requestedFen,
    status: t.status,
    photoUrl: t.photo ? photoUrl : null,
    refundFen: t.refundFen,
    refundId: t.refundId,
    decisionNote: t.decisionNote,
    decidedAt: t.decidedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    order: {
      id: order.id,
      channel: order.channel,
      status: order.status,
      totalFen: order.totalFen,
      paidFen: order.paidFen,
      refundedFen: order.refundedFen,
      refundableFen: refundableFen(order),
      lines: order.lines.map((l) => ({ id: l.id, productName: l.productName, spec: l.spec, qty: l.qty, unitPriceFen: l.unitPriceFen })),
    },
  };
}

/** The neighbour's view of their ticket (photo through the shop route). */
export async function presentForShop(ctx: Ctx, t: TicketRow, slug: string): Promise<TicketView> {
  return present(t, await getOrder(ctx, t.orderId), photoPath.shop(slug, t.id));
}

/** Staff see the neighbour's name and phone and who decided. */
export async function presentForStaff(ctx: Ctx, rows: TicketRow[]): Promise<StaffTicketView[]> {
  const people = await getCustomers(ctx, rows.map((r) => r.customerId));
  return Promise.all(
    rows.map(async (t) => {
      const c = people.get(t.customerId);
      return {
        ...present(t, await getOrder(ctx, t.orderId), photoPath.console(t.id)),
        customer: c ? { id: t.customerId, name: c.name, phone: c.phone } : null,
        decidedBy: t.decidedBy,
      };
    }),
  );
}
