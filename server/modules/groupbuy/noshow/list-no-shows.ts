import { and, desc, eq, isNotNull, lte, notExists, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import { getCustomers } from '../../customers/index.js';
import { getOrders } from '../../orders/index.js';
import { storeById } from '../../tenancy/index.js';
import type { NoShowStep, NoShowView } from '../contract.js';
import { gbCampaigns, gbEntries, gbNoShows } from '../tables.js';
import { localDate, noShowTimes } from './schedule.js';
import { getGroupbuySettings } from './settings.js';

/**
 * The console's view of the 未提货 ladder: orders waiting (pickup day come, not picked up, no
 * step yet), reminded, and closed as no-shows (orders that were simply picked up are left out).
 */
export async function listNoShows(ctx: Ctx, step?: NoShowStep): Promise<NoShowView[]> {
  const store = await storeById(ctx.db, ctx.orgId, ctx.storeId);
  const zone = store?.timezone || 'Asia/Shanghai';
  const { noShowGraceDays } = await getGroupbuySettings(ctx);
  const today = localDate(ctx.clock.now(), zone);

  const rows = await ctx.db
    .select({ n: gbNoShows, title: gbCampaigns.title, pickupDate: gbCampaigns.pickupDate })
    .from(gbNoShows)
    .innerJoin(gbCampaigns, eq(gbCampaigns.id, gbNoShows.campaignId))
    .where(and(eq(gbNoShows.storeId, ctx.storeId), sql`not (coalesce(${gbNoShows.outcome}, '') in ('picked_up', 'withdrawn') and ${gbNoShows.remindedAt} is null)`))
    .orderBy(desc(gbNoShows.createdAt))
    .limit(500);
  const waiting = await ctx.db
    .select({ orderId: gbEntries.orderId, campaignId: gbCampaigns.id, title: gbCampaigns.title, pickupDate: gbCampaigns.pickupDate })
    .from(gbEntries)
    .innerJoin(gbCampaigns, eq(gbCampaigns.id, gbEntries.campaignId))
    .where(
      and(
        eq(gbEntries.storeId, ctx.storeId),
        eq(gbEntries.active, true),
        eq(gbCampaigns.status, 'formed'),
        isNotNull(gbCampaigns.settledAt),
        lte(gbCampaigns.pickupDate, today),
        notExists(ctx.db.select({ one: sql`1` }).from(gbNoShows).where(eq(gbNoShows.orderId, gbEntries.orderId))),
      ),
    )
    .limit(500);

  const orders = await getOrders(ctx, [...rows.map((r) => r.n.orderId), ...waiting.map((w) => w.orderId)]);
  const people = await getCustomers(ctx, [...orders.values()].map((o) => o.customerId).filter((id): id is string => id !== null));
  const view = (orderId: string, campaignId: string, title: string, pickupDate: string, n: (typeof rows)[number]['n'] | null): NoShowView | null => {
    const o = orders.get(orderId);
    if (!o) return null;
    const c = o.customerId ? people.get(o.customerId) : undefined;
    const t = noShowTimes(pickupDate, noShowGraceDays, zone);
    return {
      orderId,
      campaignId,
      campaignTitle: title,
      pickupDate,
      pickupCode: o.pickupCode,
      customer: c && o.customerId ? { id: o.customerId, name: c.name, phone: c.phone } : null,
      totalFen: o.totalFen,
      step: n?.step ?? 'waiting',
      remindAt: t.remindAt.toISOString(),
      remindedAt: n?.remindedAt?.toISOString() ?? null,
      closeAt: t.closeAt.toISOString(),
      closedAt: n?.closedAt?.toISOString() ?? null,
      outcome: n?.outcome ?? null,
      refundFen: n?.refundFen ?? 0,
      creditFen: n?.creditFen ?? 0,
    };
  };
  const out = [
    ...waiting.filter((w) => orders.get(w.orderId)?.status === 'ready_for_pickup').map((w) => view(w.orderId, w.campaignId, w.title, w.pickupDate, null)),
    ...rows.map((r) => view(r.n.orderId, r.n.campaignId, r.title, r.pickupDate, r.n)),
  ].filter((v): v is NoShowView => v !== null);
  return step ? out.filter((v) => v.step === step) : out;
}

