import { inTx } from '../../../db/tx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { recordMovement } from '../ledger.repo.js';
import { lockReservation, updateReservation } from '../reservation.repo.js';

/**
 * Undo of a commit (a pickup undone at the counter): the goods are back on hand and held for
 * the order again, with no expiry. Reopening an active reservation is a no-op.
 */
export async function reopenReservation(ctx: Ctx, reservationId: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const r = await lockReservation(tx, reservationId);
    if (r.status === 'active') return;
    if (r.status === 'released') throw new AppError('RESERVATION_NOT_ACTIVE', { reservationId, status: r.status });
    await updateReservation(tx, reservationId, { status: 'active', expiresAt: null });
    await recordMovement(tx, { skuId: r.skuId, kind: 'reopen', onHandDelta: r.qty, reservedDelta: r.qty, reservationId, orderId: r.orderId });
  });
}
