import { and, asc, eq, gt, isNotNull, lte, notExists, sql } from 'drizzle-orm';
import { systemCtx } from '../../../db/system-ctx.js';
import type { Clock } from '../../../kernel/clock.js';
import type { Db } from '../../../kernel/ctx.js';
import type { PaymentsPort } from '../../orders/index.js';
import { storeById } from '../../tenancy/index.js';
import { gbCampaigns, gbEntries, gbNoShows } from '../tables.js';
import { advanceNoShow } from './advance-no-show.js';
import { getGroupbuySettings } from './settings.js';

export const NO_SHOW_JOB = 'groupbuy.no-show';
const PAGE = 200;

export interface NoShowJobDeps {
  clock: Clock;
  outboxWake: () => void;
  payments: PaymentsPort;
  /** tests: called after each order's step has committed (throw to simulate a crash halfway) */
  afterStep?: (n: number) => void;
}

/**
 * Walks the orders of formed, settled campaigns whose pickup date has come (in any zone: UTC
 * date + 1) and that have not left the ladder, and takes each one's next step. Safe to run twice
 * at once and after a crash: every step is guarded by its ladder row. Answers the steps taken.
 */
export async function runNoShows(db: Db, deps: NoShowJobDeps): Promise<number> {
  const now = deps.clock.now();
  const horizon = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const stores = new Map<string, { zone: string; graceDays: number }>();
  const errors: unknown[] = [];
  let steps = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await db
      .select({ orderId: gbEntries.orderId, campaignId: gbCampaigns.id, pickupDate: gbCampaigns.pickupDate, orgId: gbCampaigns.orgId, storeId: gbCampaigns.storeId })
      .from(gbEntries)
      .innerJoin(gbCampaigns, eq(gbCampaigns.id, gbEntries.campaignId))
      .where(
        and(
          eq(gbCampaigns.status, 'formed'),
          isNotNull(gbCampaigns.settledAt),
          lte(gbCampaigns.pickupDate, horizon),
          eq(gbEntries.active, true),
          gt(gbEntries.orderId, after),
          notExists(db.select({ one: sql`1` }).from(gbNoShows).where(and(eq(gbNoShows.orderId, gbEntries.orderId), eq(gbNoShows.step, 'closed')))),
        ),
      )
      .orderBy(asc(gbEntries.orderId))
      .limit(PAGE);
    for (const c of page) {
      try {
        const ctx = systemCtx(db, c, NO_SHOW_JOB, deps);
        let store = stores.get(c.storeId);
        if (!store) {
          const s = await storeById(db, c.orgId, c.storeId);
          store = { zone: s?.timezone || 'Asia/Shanghai', graceDays: (await getGroupbuySettings(ctx)).noShowGraceDays };
          stores.set(c.storeId, store);
        }
        const step = await advanceNoShow(ctx, c, { ...store, payments: deps.payments });
        if (step) deps.afterStep?.(++steps);
      } catch (e) {
        // one order's failure (a refund refused) does not hold up the others; the next run retries it
        errors.push(e);
      }
    }
    if (page.length < PAGE) break;
    after = page.at(-1)!.orderId;
  }
  if (errors.length > 0) throw errors[0];
  return steps;
}
