import type { Ctx } from '../../kernel/ctx.js';
import { AppError } from '../../kernel/errors.js';
import { getCustomers } from '../customers/index.js';
import type { OrderCustomer, OrderView, StaffOrderView } from './contract.js';
import { findOrder, findOrders, linesOf, type OrderFilter } from './orders.repo.js';
import { presentOrder } from './present.js';

/** One order of the ctx's store (a customer's ctx finds only their own): ORDER_NOT_FOUND otherwise. */
export async function getOrder(ctx: Ctx, orderId: string): Promise<OrderView> {
  const order = await findOrder(ctx, orderId);
  if (!order) throw new AppError('ORDER_NOT_FOUND', { orderId });
  return presentOrder(order, (await linesOf(ctx.db, [order.id])).get(order.id) ?? []);
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
  const people = await customersOf(ctx, views.map((v) => v.customerId));
  return views.map((v) => ({ ...v, customer: (v.customerId && people.get(v.customerId)) || null }));
}

export async function getOrderForStaff(ctx: Ctx, orderId: string): Promise<StaffOrderView> {
  return (await withCustomers(ctx, [await getOrder(ctx, orderId)]))[0]!;
}

export async function listOrdersForStaff(ctx: Ctx, filter: Partial<OrderFilter> = {}): Promise<StaffOrderView[]> {
  return withCustomers(ctx, await listOrders(ctx, filter));
}
