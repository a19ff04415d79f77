import { systemCtx } from '../../../db/system-ctx.js';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Clock } from '../../../kernel/clock.js';
import type { Db } from '../../../kernel/ctx.js';
import { recordMovement } from '../ledger.repo.js';
import { lockNextExpired, updateReservation } from '../reservation.repo.js';

export const RELEASE_EXPIRED_JOB = 'inventory.release-expired';
// one run does a bounded amount of work; the next tick (30 s) continues
const MAX_PER_RUN = 1000;

/**
 * Releases holds whose expiry has passed (unpaid live carts, lapsed presales), one reservation
 * per transaction so the job never holds many SKU rows at once. Returns how many it released.
 * Concurrent runs skip each other's locked rows, so each reservation is released exactly once.
 */
export async function releaseExpiredReservations(db: Db, now: Date, opts: { clock?: Clock; outboxWake?: () => void } = {}): Promise<number> {
  let released = 0;
  while (released < MAX_PER_RUN) {
    const done = await db.transaction(async (tx) => {
      const r = await lockNextExpired(tx as unknown as Db, now);
      if (!r) return false;
      // the dispatcher is woken once, after the commits, not from inside this transaction
      const base = systemCtx(tx as unknown as Db, { orgId: r.orgId, storeId: r.storeId }, RELEASE_EXPIRED_JOB, { clock: opts.clock });
      await inTx({ ...base, inTx: true }, async (c) => {
        await updateReservation(c, r.id, { status: 'released' });
        await recordMovement(c, {
          skuId: r.skuId,
          kind: 'release',
          onHandDelta: 0,
          reservedDelta: -r.qty,
          reservationId: r.id,
          orderId: r.orderId,
          note: 'expired',
        });
        await emit(c, 'inventory.reservation_expired', {
          reservationId: r.id,
          skuId: r.skuId,
          qty: r.qty,
          orderId: r.orderId,
          orderLineId: r.orderLineId,
        });
      });
      return true;
    });
    if (!done) break;
    released++;
  }
  if (released > 0) opts.outboxWake?.();
  return released;
}
