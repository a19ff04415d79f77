import { and, eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { lineTotal } from '../../../kernel/money.js';
import { orderRef } from '../announce.js';
import type { OrderView } from '../contract.js';
import { linesOf, lockOrder, updateOrder } from '../orders.repo.js';
import { presentOrder } from '../present.js';
import { unpaidTotal } from './drop-unpaid-units.js';
import { orderLines, orders } from '../tables.js';

/**
 * Lowers the unit prices of an order nobody has paid yet (pay at pickup): a group that formed at
 * a cheaper ladder tier makes the price due at the counter the final tier. Only lowers, only
 * before any money was taken; a price that is not lower is left alone. Answers the order.
 */
export async function repriceUnpaidOrder(ctx: Ctx, orderId: string, prices: Array<{ lineId: string; unitPriceFen: number }>, reason: string): Promise<OrderView> {
  return inTx(ctx, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (order.paidFen > 0 || !['pending_payment', 'ready_for_pickup'].includes(order.status)) {
      throw new AppError('ORDER_STATE_INVALID', { from: order.status, to: 'repriced', paidFen: order.paidFen });
    }
    const lines = (await linesOf(tx.db, [order.id])).get(order.id) ?? [];
    let changed = false;
    for (const line of lines) {
      const p = prices.find((x) => x.lineId === line.id);
      if (p && Number.isSafeInteger(p.unitPriceFen) && p.unitPriceFen >= 0 && p.unitPriceFen < line.unitPriceFen) {
        line.unitPriceFen = p.unitPriceFen;
        line.lineTotalFen = lineTotal(p.unitPriceFen, line.qty);
        await tx.db
          .update(orderLines)
          .set({ unitPriceFen: line.unitPriceFen, lineTotalFen: line.lineTotalFen })
          .where(and(eq(orderLines.id, line.id), eq(orderLines.storeId, tx.storeId)));
        changed = true;
      }
    }
    if (!changed) return presentOrder(order, lines);
    // units already taken off (a shortage) are not owed
    const total = unpaidTotal(lines);
    const before = order.totalFen;
    const saved = await updateOrder(tx, order, {});
    const [row] = await tx.db.update(orders).set({ totalFen: total }).where(and(eq(orders.id, saved.id), eq(orders.storeId, tx.storeId))).returning();
    await emit(tx, 'order.repriced', { ...orderRef(row!), totalFenBefore: before, totalFen: total, reason });
    return presentOrder(row!, lines);
  });
}
