import { inTx } from '../../../../db/tx.js';
import { emit } from '../../../../events/emit.js';
import type { Ctx } from '../../../../kernel/ctx.js';
import { AppError } from '../../../../kernel/errors.js';
import { reopen } from '../../../inventory/index.js';
import { orderRef } from '../../announce.js';
import type { VerificationResult } from '../../contract.js';
import { linesOf, lockOrder, moveOrder } from '../../orders.repo.js';
import { freeCodeFor } from '../../pickup-code.js';
import { presentOrder } from '../../present.js';
import { getOrder } from '../../queries.js';
import { counterStaffId } from '../guard.js';
import { markUndone, undoneCount, verificationById } from '../pickup.repo.js';
import { MAX_UNDOS_PER_ORDER, presentVerification, UNDO_WINDOW_MS } from '../present.js';

/**
 * Takes a verification back within the hour: the committed reservations are reopened and the
 * order is ready for pickup again. Undoing an undone verification changes nothing. Money
 * collected at the counter stays recorded (the order stays paid), so a second verification
 * collects nothing twice.
 */
export async function undoVerification(ctx: Ctx, verificationId: string): Promise<VerificationResult> {
  const staffId = counterStaffId(ctx);
  return inTx(ctx, async (tx) => {
    const v = await verificationById(tx, verificationId, true);
    if (!v) throw new AppError('NOT_FOUND', { verificationId });
    if (v.undoneAt) return { verification: presentVerification(v), order: await getOrder(tx, v.orderId) };
    const now = tx.clock.now();
    if (now.getTime() - v.verifiedAt.getTime() > UNDO_WINDOW_MS) {
      throw new AppError('PICKUP_UNDO_EXPIRED', { verifiedAt: v.verifiedAt.toISOString() });
    }
    let order = await lockOrder(tx, v.orderId);
    if (order.status !== 'picked_up') throw new AppError('ORDER_STATE_INVALID', { from: order.status, to: 'ready_for_pickup' });
    const undone = await undoneCount(tx, order.id);
    if (undone >= MAX_UNDOS_PER_ORDER) throw new AppError('PICKUP_UNDO_LIMIT', { orderId: order.id, undone });

    for (const reservationId of v.reservationIds) await reopen(tx, reservationId);
    // the code may have gone to another open order meanwhile (codes are unique among open ones)
    const pickupCode = await freeCodeFor(tx, order);
    order = await moveOrder(tx, order, 'ready_for_pickup', { pickupCode });
    const row = await markUndone(tx, v.id, now, staffId);
    await emit(tx, 'order.pickup_undone', { ...orderRef(order), verificationId: v.id, staffId });
    const lines = (await linesOf(tx.db, [order.id])).get(order.id) ?? [];
    return { verification: presentVerification(row), order: presentOrder(order, lines) };
  });
}
