import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { lockReservation, updateReservation } from '../reservation.repo.js';

/**
 * Moves or drops (null) the expiry of an active hold, e.g. when an order is paid. Throws
 * RESERVATION_NOT_ACTIVE if the hold already ended, so the caller can reserve again.
 */
export async function setReservationExpiry(ctx: Ctx, reservationId: string, expiresAt: Date | null): Promise<void> {
  await inTx(ctx, async (tx) => {
    const r = await lockReservation(tx, reservationId);
    if (r.status !== 'active') throw new AppError('RESERVATION_NOT_ACTIVE', { reservationId, status: r.status });
    await updateReservation(tx, reservationId, { expiresAt });
    await emit(tx, 'inventory.reservation_expiry_changed', { reservationId, expiresAt: expiresAt?.toISOString() ?? null });
  });
}
