import { and, eq, inArray, sql } from 'drizzle-orm';
import { insertJsonRows, insertedRow } from '../../db/json-rows.js';
import { queryRows } from '../../db/raw.js';
import type { Ctx } from '../../kernel/ctx.js';
import { numericCode } from '../../kernel/ids.js';
import type { OrderRow } from './orders.repo.js';
import { OPEN_STATUSES } from './state.js';
import { orders } from './tables.js';

export const PICKUP_CODE_DIGITS = 8;

/**
 * Inserts an order with a fresh 8-digit code. `on conflict do nothing` catches a code already
 * used by an open order of the store (the partial unique index) without aborting the
 * transaction, and another code is drawn.
 */
export async function insertOrderWithCode(ctx: Ctx, values: Omit<typeof orders.$inferInsert, 'pickupCode'>): Promise<OrderRow> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const [row] = await ctx.db
      .insert(orders)
      .values({ ...values, pickupCode: numericCode(PICKUP_CODE_DIGITS) })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
  }
  throw new Error('could not draw a free pickup code');
}

/**
 * `insertOrderWithCode` for many orders in one multi-row insert: each gets a code no other order
 * of the batch drew; the few that hit a code already open in the store are drawn again and
 * inserted again (`on conflict do nothing` keeps the transaction alive). Rows in input order.
 */
export async function insertOrdersWithCodes(ctx: Ctx, values: Array<Omit<typeof orders.$inferInsert, 'pickupCode'>>): Promise<OrderRow[]> {
  const byId = new Map<string, OrderRow>();
  let todo = values;
  for (let attempt = 0; attempt < 20 && todo.length > 0; attempt++) {
    const drawn = new Set<string>();
    const rows = todo.map((v) => {
      let code = numericCode(PICKUP_CODE_DIGITS);
      while (drawn.has(code)) code = numericCode(PICKUP_CODE_DIGITS);
      drawn.add(code);
      return { ...v, pickupCode: code };
    });
    // one JSON parameter for the batch (not one per value), only the ids back: the rows are what was sent
    const inserted = await queryRows<{ id: string }>(ctx.db, insertJsonRows(orders, rows, sql`on conflict do nothing returning id`));
    const sent = new Map(rows.map((r) => [r.id, r]));
    for (const { id } of inserted) byId.set(id, insertedRow(orders, sent.get(id)!));
    todo = todo.filter((v) => !byId.has(v.id));
  }
  if (todo.length > 0) throw new Error('could not draw a free pickup code');
  return values.map((v) => byId.get(v.id)!);
}

/** A code no other open order of the store holds (for an order that reopens, e.g. pickup undo). */
export async function freeCodeFor(ctx: Ctx, order: OrderRow): Promise<string> {
  let code = order.pickupCode;
  for (let attempt = 0; attempt < 20; attempt++) {
    const [other] = await ctx.db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.storeId, ctx.storeId), eq(orders.pickupCode, code), inArray(orders.status, [...OPEN_STATUSES])))
      .limit(1);
    if (!other || other.id === order.id) return code;
    code = numericCode(PICKUP_CODE_DIGITS);
  }
  throw new Error('could not draw a free pickup code');
}
