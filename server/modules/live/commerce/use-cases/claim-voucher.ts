import { randomInt } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { inTx } from '../../../../db/tx.js';
import { emit } from '../../../../events/emit.js';
import { DAY } from '../../../../kernel/clock.js';
import type { Ctx } from '../../../../kernel/ctx.js';
import { AppError } from '../../../../kernel/errors.js';
import { newId } from '../../../../kernel/ids.js';
import type { VoucherView } from '../../contract.js';
import type { PresencePort } from '../../ports.js';
import { liveVoucherDrops, liveVouchers } from '../tables.js';
import { presentDrop, presentVoucher } from '../voucher.repo.js';

/** no 0/O, 1/I/L: read aloud at the counter */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const voucherCode = () => Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/**
 * A neighbour watching the show now claims one voucher of a drop: one per person, while the
 * drop lasts. The count drops by a conditional UPDATE (never below zero); a second claim, or a
 * race of two, is refused by the (drop, customer) unique index and rolls the count back.
 */
export async function claimVoucher(ctx: Ctx, customerId: string, dropId: string, presence: PresencePort): Promise<VoucherView> {
  return inTx(ctx, async (tx) => {
    const [drop] = await tx.db.select().from(liveVoucherDrops).where(and(eq(liveVoucherDrops.id, dropId), eq(liveVoucherDrops.storeId, tx.storeId)));
    if (!drop) throw new AppError('VOUCHER_DROP_NOT_FOUND', { dropId });
    const now = tx.clock.now();
    if (now >= drop.endsAt) throw new AppError('VOUCHER_DROP_EMPTY', { dropId, reason: 'ended' });
    const [mine] = await tx.db.select({ id: liveVouchers.id }).from(liveVouchers).where(and(eq(liveVouchers.dropId, dropId), eq(liveVouchers.customerId, customerId)));
    if (mine) throw new AppError('VOUCHER_ALREADY_CLAIMED', { dropId });
    if (!(await presence(tx, drop.showId)).includes(customerId)) throw new AppError('VOUCHER_NOT_PRESENT', { showId: drop.showId });
    const [after] = await tx.db
      .update(liveVoucherDrops)
      .set({ remaining: sql`${liveVoucherDrops.remaining} - 1` })
      .where(and(eq(liveVoucherDrops.id, dropId), gt(liveVoucherDrops.remaining, 0)))
      .returning();
    if (!after) throw new AppError('VOUCHER_DROP_EMPTY', { dropId });
    for (let attempt = 0; attempt < 10; attempt++) {
      const [v] = await tx.db
        .insert(liveVouchers)
        .values({
          id: newId(), orgId: tx.orgId, storeId: tx.storeId, dropId, showId: drop.showId, customerId, code: voucherCode(),
          claimedAt: now, expiresAt: new Date(now.getTime() + drop.validDays * DAY),
        })
        .onConflictDoNothing()
        .returning();
      if (v) {
        const d = presentDrop(after);
        await emit(tx, 'live.voucher_drop_changed', { showId: d.showId, dropId, title: d.title, total: d.total, remaining: d.remaining, endsAt: d.endsAt });
        return presentVoucher(v, drop.title, now);
      }
      // a concurrent claim of the same person won (the unique index): one per person
      const [raced] = await tx.db.select({ id: liveVouchers.id }).from(liveVouchers).where(and(eq(liveVouchers.dropId, dropId), eq(liveVouchers.customerId, customerId)));
      if (raced) throw new AppError('VOUCHER_ALREADY_CLAIMED', { dropId });
    }
    throw new Error('could not draw a free voucher code');
  });
}
