import { and, asc, eq, lte } from 'drizzle-orm';
import type { Clock } from '../../../kernel/clock.js';
import type { Db } from '../../../kernel/ctx.js';
import { systemCtx } from '../../../db/system-ctx.js';
import { orders } from '../tables.js';
import { expireUnpaidOrder } from './expire-unpaid-order.js';

export const EXPIRE_UNPAID_JOB = 'orders.expire-unpaid';
const BATCH = 200;

/**
 * The sweep behind the 'inventory.reservation_expired' subscription: unpaid sandbox orders past
 * their pay-by time are cancelled even if that event's handler never ran (crash, error).
 * Each order is its own transaction; an order paid meanwhile is left alone.
 */
export async function expireOverdueOrders(db: Db, deps: { clock: Clock; outboxWake: () => void }): Promise<number> {
  const now = deps.clock.now();
  const due = await db
    .select({ id: orders.id, orgId: orders.orgId, storeId: orders.storeId })
    .from(orders)
    .where(and(eq(orders.status, 'pending_payment'), eq(orders.paymentMethod, 'sandbox'), lte(orders.payBy, now)))
    .orderBy(asc(orders.payBy))
    .limit(BATCH);
  let cancelled = 0;
  for (const o of due) {
    const ctx = systemCtx(db, o, EXPIRE_UNPAID_JOB, deps);
    if (await expireUnpaidOrder(ctx, o.id)) cancelled++;
  }
  return cancelled;
}
