import { inTx } from '../../../../db/tx.js';
import type { Ctx } from '../../../../kernel/ctx.js';
import { AppError } from '../../../../kernel/errors.js';
import type { ProcurementSettings } from '../contract.js';
import { pctToBp } from '../plan.js';
import { settings } from '../tables.js';

/** The store's default loss buffer for POs built at cut-off (a campaign may override it per call). */
export async function setProcurementSettings(ctx: Ctx, s: ProcurementSettings): Promise<ProcurementSettings> {
  let bp: number;
  try {
    bp = pctToBp(s.lossBufferPct);
  } catch {
    throw new AppError('VALIDATION_FAILED', { field: 'lossBufferPct', value: s.lossBufferPct });
  }
  return inTx(ctx, async (tx) => {
    const now = tx.clock.now();
    await tx.db
      .insert(settings)
      .values({ storeId: tx.storeId, lossBufferBp: bp, updatedAt: now })
      .onConflictDoUpdate({ target: settings.storeId, set: { lossBufferBp: bp, updatedAt: now } });
    return { lossBufferPct: bp / 100 };
  });
}
