import { and, asc, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { systemCtx } from '../../../db/system-ctx.js';
import type { Clock } from '../../../kernel/clock.js';
import type { Db } from '../../../kernel/ctx.js';
import { gbCampaigns } from '../tables.js';
import { settleCampaign, type SettleOptions } from './settle-campaign.js';

export const CUTOFF_JOB = 'groupbuy.cutoff';
const BATCH = 20;

/**
 * Every campaign due: open or closed with cutoff_at <= now, and decided ones not yet settled (a
 * crash halfway, a cancelled campaign). Catches up after a restart; safe to run twice at once.
 */
export async function runCutoff(db: Db, deps: { clock: Clock; outboxWake: () => void } & SettleOptions): Promise<number> {
  const now = deps.clock.now();
  const due = await db
    .select({ id: gbCampaigns.id, orgId: gbCampaigns.orgId, storeId: gbCampaigns.storeId })
    .from(gbCampaigns)
    .where(
      or(
        and(inArray(gbCampaigns.status, ['open', 'closed']), lte(gbCampaigns.cutoffAt, now)),
        and(inArray(gbCampaigns.status, ['formed', 'failed', 'cancelled']), isNotNull(gbCampaigns.decidedAt), isNull(gbCampaigns.settledAt)),
      ),
    )
    .orderBy(asc(gbCampaigns.cutoffAt))
    .limit(BATCH);
  // one campaign's failure does not hold up the others; the first error is reported after all ran
  const errors: unknown[] = [];
  for (const c of due) {
    try {
      await settleCampaign(systemCtx(db, c, CUTOFF_JOB, deps), c.id, deps);
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length > 0) throw errors[0];
  return due.length;
}
