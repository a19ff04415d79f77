import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Ctx, Db } from '../../kernel/ctx.js';
import { AppError } from '../../kernel/errors.js';
import type { OrderChannel, OrderStatus } from './contract.js';
import { assertTransition } from './state.js';
import { orderLines, orders } from './tables.js';

export type OrderRow = typeof orders.$inferSelect;
export type LineRow = typeof orderLines.$inferSelect;

/** The order of the ctx's store; a customer only ever finds their own. */
function scope(ctx: Ctx, orderId: string): SQL {
  const conds = [eq(orders.id, orderId), eq(orders.storeId, ctx.storeId)];
  if (ctx.actor.kind === 'customer') conds.push(eq(orders.customerId, ctx.actor.customerId));
  return and(...conds)!;
}

export async function findOrder(ctx: Ctx, orderId: string): Promise<OrderRow | null> {
  const [row] = await ctx.db.select().from(orders).where(scope(ctx, orderId)).limit(1);
  return row ?? null;
}

/** Locks the order row for the rest of the transaction; every write to an order starts here. */
export async function lockOrder(ctx: Ctx, orderId: string): Promise<OrderRow> {
  if (!ctx.inTx) throw new Error('lockOrder needs a transaction');
  const [row] = await ctx.db.select().from(orders).where(scope(ctx, orderId)).for('update');
  if (!row) throw new AppError('ORDER_NOT_FOUND', { orderId });
  return row;
}

export async function linesOf(db: Db, orderIds: string[]): Promise<Map<string, LineRow[]>> {
  const map = new Map<string, LineRow[]>(orderIds.map((id) => [id, []]));
  if (orderIds.length === 0) return map;
  const rows = await db.select().from(orderLines).where(inArray(orderLines.orderId, orderIds)).orderBy(asc(orderLines.position));
  for (const r of rows) map.get(r.orderId)?.push(r);
  return map;
}

export interface OrderFilter {
  status?: OrderStatus;
  channel?: OrderChannel;
  customerId?: string;
  limit: number;
  offset: number;
}

export async function findOrders(ctx: Ctx, f: OrderFilter): Promise<OrderRow[]> {
  const conds = [eq(orders.storeId, ctx.storeId)];
  if (f.status) conds.push(eq(orders.status, f.status));
  if (f.channel) conds.push(eq(orders.channel, f.channel));
  if (f.customerId) conds.push(eq(orders.customerId, f.customerId));
  // a customer lists only their own orders, whatever the filter says
  if (ctx.actor.kind === 'customer') conds.push(eq(orders.customerId, ctx.actor.customerId));
  return ctx.db
    .select()
    .from(orders)
    .where(and(...conds))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(f.limit)
    .offset(f.offset);
}

type OrderPatch = Partial<Pick<OrderRow, 'status' | 'paidFen' | 'refundedFen' | 'paymentRef' | 'payBy' | 'cancelReason' | 'pickupCode'>>;

/** Writes a change to a locked order: bumps the version and the update time. */
export async function updateOrder(ctx: Ctx, order: OrderRow, patch: OrderPatch): Promise<OrderRow> {
  const [row] = await ctx.db
    .update(orders)
    .set({ ...patch, version: order.version + 1, updatedAt: ctx.clock.now() })
    .where(and(eq(orders.id, order.id), eq(orders.storeId, ctx.storeId), eq(orders.version, order.version)))
    .returning();
  // the row is locked, so the version cannot have moved; guard anyway rather than lose a write
  if (!row) throw new AppError('CONFLICT', { orderId: order.id });
  return row;
}

/** A status change through the transition table (ORDER_STATE_INVALID { from, to } otherwise). */
export async function moveOrder(ctx: Ctx, order: OrderRow, to: OrderStatus, patch: OrderPatch = {}): Promise<OrderRow> {
  assertTransition(order.status, to);
  return updateOrder(ctx, order, { ...patch, status: to });
}

export async function updateLine(ctx: Ctx, lineId: string, patch: Partial<Pick<LineRow, 'refundedQty' | 'reservationId'>>): Promise<void> {
  await ctx.db
    .update(orderLines)
    .set(patch)
    .where(and(eq(orderLines.id, lineId), eq(orderLines.storeId, ctx.storeId)));
}
