import { and, eq, inArray } from 'drizzle-orm';
import { readTogether } from '../../db/parallel.js';
import type { Ctx } from '../../kernel/ctx.js';
import { AppError } from '../../kernel/errors.js';
import { creditBalances, getCustomers } from '../customers/index.js';
import type { OrderCustomer, OrderView, StaffOrderView } from './contract.js';
import { findOrder, findOrders, linesOf, type OrderFilter } from './orders.repo.js';
import { presentOrder } from './present.js';
import { orders } from './tables.js';

/** One order of the ctx's store (a customer's ctx finds only their own): ORDER_NOT_FOUND otherwise. */
export async function getOrder(ctx: Ctx, orderId: string): Promise<OrderView> {
  const order = await findOrder(ctx, orderId);
  if (!order) throw new AppError('ORDER_NOT_FOUND', { orderId });
  return presentOrder(order, (await linesOf(ctx.db, [order.id])).get(order.id) ?? []);
}

/** Orders of the ctx's store by id (a customer's ctx: only their own); unknown ids are left out. */
export async function getOrders(ctx: Ctx, orderIds: string[]): Promise<Map<string, OrderView>> {
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) return new Map();
  const conds = [eq(orders.storeId, ctx.storeId), inArray(orders.id, ids)];
  if (ctx.actor.kind === 'customer') conds.push(eq(orders.customerId, ctx.actor.customerId));
  const rows = await ctx.db.select().from(orders).where(and(...conds));
  const lines = await linesOf(ctx.db, rows.map((r) => r.id));
  return new Map(rows.map((r) => [r.id, presentOrder(r, lines.get(r.id) ?? [])]));
}

/** Newest first. A customer's ctx lists only their own orders, whatever the filter says. */
export async function listOrders(ctx: Ctx, filter: Partial<OrderFilter> = {}): Promise<OrderView[]> {
  const rows = await findOrders(ctx, { limit: 50, offset: 0, ...filter });
  const lines = await linesOf(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => presentOrder(r, lines.get(r.id) ?? []));
}

/** The customers of some orders, as staff see them (org-scoped). */
export async function customersOf(ctx: Ctx, ids: Array<string | null>): Promise<Map<string, OrderCustomer>> {
  const found = await getCustomers(ctx, ids.filter((id): id is string => id !== null));
  return new Map([...found].map(([id, c]) => [id, { id, name: c.name, phone: c.phone }]));
}

async function withCustomers(ctx: Ctx, views: OrderView[]): Promise<StaffOrderView[]> {
  const ids = views.map((v) => v.customerId);
  const [people, credit] = await readTogether(ctx, () => customersOf(ctx, ids), () => creditBalances(ctx, ids.filter((id): id is string => id !== null)));
  return views.map((v) => ({
    ...v,
    customer: (v.customerId && people.get(v.customerId)) || null,
    customerCreditFen: v.customerId ? (credit.get(v.customerId) ?? 0) : null,
  }));
}

export async function getOrderForStaff(ctx: Ctx, orderId: string): Promise<StaffOrderView> {
  return (await withCustomers(ctx, [await getOrder(ctx, orderId)]))[0]!;
}

export async function listOrdersForStaff(ctx: Ctx, filter: Partial<OrderFilter> = {}): Promise<StaffOrderView[]> {
  return withCustomers(ctx, await listOrders(ctx, filter));
}
