import { inTx } from '../../../db/tx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { recordMovement } from '../ledger.repo.js';
import { lockReservation, updateReservation } from '../reservation.repo.js';
import { assertQty } from '../sku-check.js';

/**
 * Gives held stock back to the shelf: all of it (default) or `qty` of it (a partial refund).
 * Releasing a released reservation is a no-op, so cancel and expiry may race harmlessly;
 * a committed one cannot be released (its goods left with the buyer).
 */
export async function releaseReservation(ctx: Ctx, reservationId: string, qty?: number): Promise<void> {
  if (qty !== undefined) assertQty(qty);
  await inTx(ctx, async (tx) => {
    const r = await lockReservation(tx, reservationId);
    if (r.status === 'released') return;
    if (r.status === 'committed') throw new AppError('RESERVATION_NOT_ACTIVE', { reservationId, status: r.status });
    const q = qty === undefined ? r.qty : Math.min(qty, r.qty);
    // a full release keeps qty as what was last held, for the history
    await updateReservation(tx, reservationId, q === r.qty ? { status: 'released' } : { qty: r.qty - q });
    await recordMovement(tx, { skuId: r.skuId, kind: 'release', onHandDelta: 0, reservedDelta: -q, reservationId, orderId: r.orderId });
  });
}
