import { inTx } from '../../../db/tx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { recordMovement } from '../ledger.repo.js';
import { lockReservation, updateReservation } from '../reservation.repo.js';

/**
 * The held goods leave the store (sale, pickup): on hand and reserved both drop by the held
 * quantity. Committing twice is a no-op, so a retried pickup cannot take stock twice.
 */
export async function commitReservation(ctx: Ctx, reservationId: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const r = await lockReservation(tx, reservationId);
    if (r.status === 'committed') return;
    if (r.status === 'released') throw new AppError('RESERVATION_NOT_ACTIVE', { reservationId, status: r.status });
    await updateReservation(tx, reservationId, { status: 'committed', expiresAt: null });
    await recordMovement(tx, { skuId: r.skuId, kind: 'commit', onHandDelta: -r.qty, reservedDelta: -r.qty, reservationId, orderId: r.orderId });
  });
}
