import { and, eq, inArray } from 'drizzle-orm';
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
