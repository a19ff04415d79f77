import { inTx } from '../../../../db/tx.js';
import { emit } from '../../../../events/emit.js';
import type { Ctx } from '../../../../kernel/ctx.js';
import { AppError } from '../../../../kernel/errors.js';
import { newId } from '../../../../kernel/ids.js';
import type { VoucherDropBody, VoucherDropView } from '../../contract.js';
import { findShow } from '../flash-sale.repo.js';
import { liveVoucherDrops } from '../tables.js';
import { presentDrop } from '../voucher.repo.js';

export const DEFAULT_CLAIM_SEC = 600;

/** 明天到店有惊喜: the host drops `count` store-visit vouchers; the viewers present claim them. */
export async function dropVouchers(ctx: Ctx, showId: string, body: VoucherDropBody): Promise<VoucherDropView> {
  return inTx(ctx, async (tx) => {
    const show = await findShow(tx, showId);
    if (show.status !== 'live') throw new AppError('LIVE_SHOW_NOT_ON_AIR', { showId });
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(liveVoucherDrops)
      .values({
        id: newId(),
        orgId: tx.orgId,
        storeId: tx.storeId,
        showId,
        title: body.title,
        total: body.count,
        remaining: body.count,
        validDays: body.validDays,
        createdAt: now,
        endsAt: new Date(now.getTime() + (body.claimSec ?? DEFAULT_CLAIM_SEC) * 1000),
      })
      .returning();
    const d = presentDrop(row!);
    await emit(tx, 'live.voucher_drop_changed', { showId, dropId: d.id, title: d.title, total: d.total, remaining: d.remaining, endsAt: d.endsAt });
    return d;
  });
}
