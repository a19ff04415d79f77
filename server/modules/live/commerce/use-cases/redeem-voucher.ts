import { and, eq } from 'drizzle-orm';
import { inTx } from '../../../../db/tx.js';
import { emit } from '../../../../events/emit.js';
import type { Ctx } from '../../../../kernel/ctx.js';
import { AppError } from '../../../../kernel/errors.js';
import { maskName } from '../../../../kernel/privacy.js';
import { getCustomers } from '../../../customers/index.js';
import type { RedeemVoucherBody, RedeemedVoucher } from '../../contract.js';
import { liveShows } from '../../tables.js';
import { liveVoucherDrops, liveVouchers } from '../tables.js';
import { presentVoucher } from '../voucher.repo.js';

/**
 * The counter redeems a voucher by its code (staff only: a voucher is never redeemed online),
 * once. A retry with the same requestId answers the same; another request is refused.
 * The redemption stays on the voucher's show (after-show stats: redeemed at the store since).
 */
export async function redeemVoucher(ctx: Ctx, body: RedeemVoucherBody): Promise<RedeemedVoucher> {
  if (ctx.actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  const staffId = ctx.actor.staffId;
  return inTx(ctx, async (tx) => {
    const [v] = await tx.db
      .select()
      .from(liveVouchers)
      .where(and(eq(liveVouchers.storeId, tx.storeId), eq(liveVouchers.code, body.code)))
      .for('update');
    if (!v) throw new AppError('VOUCHER_NOT_FOUND');
    const now = tx.clock.now();
    let row = v;
    if (v.status === 'redeemed') {
      if (v.redeemRequestId !== body.requestId) throw new AppError('VOUCHER_ALREADY_REDEEMED', { redeemedAt: v.redeemedAt?.toISOString() });
    } else {
      if (now >= v.expiresAt) throw new AppError('VOUCHER_EXPIRED', { expiresAt: v.expiresAt.toISOString() });
      const [updated] = await tx.db
        .update(liveVouchers)
        .set({ status: 'redeemed', redeemedAt: now, redeemedBy: staffId, redeemRequestId: body.requestId })
        .where(eq(liveVouchers.id, v.id))
        .returning();
      row = updated!;
      await emit(tx, 'live.voucher_redeemed', { showId: v.showId, voucherId: v.id, customerId: v.customerId, redeemedAt: now.toISOString() });
    }
    const [drop] = await tx.db.select({ title: liveVoucherDrops.title }).from(liveVoucherDrops).where(eq(liveVoucherDrops.id, v.dropId));
    const [show] = await tx.db.select({ id: liveShows.id, title: liveShows.title }).from(liveShows).where(eq(liveShows.id, v.showId));
    const name = (await getCustomers(tx, [v.customerId])).get(v.customerId)?.name ?? '';
    return {
      voucher: presentVoucher(row, drop?.title ?? '', now),
      show: { id: v.showId, title: show?.title ?? '' },
      customer: maskName(name),
    };
  });
}
