import { and, asc, countDistinct, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { gbCampaigns, gbEntries, gbItems, gbSlots } from '../tables.js';
import type { CampaignData } from '../contract.js';

export type CampaignRow = typeof gbCampaigns.$inferSelect;
export type ItemRow = typeof gbItems.$inferSelect;
export type SlotRow = typeof gbSlots.$inferSelect;
export type EntryRow = typeof gbEntries.$inferSelect;

/** The campaign of the ctx's store; `lock`: 'update' (state changes) or 'share' (joins, which run side by side). */
export async function findCampaign(ctx: Ctx, id: string, lock?: 'update' | 'share'): Promise<CampaignRow> {
  const q = ctx.db
    .select()
    .from(gbCampaigns)
    .where(and(eq(gbCampaigns.id, id), eq(gbCampaigns.storeId, ctx.storeId)))
    .limit(1);
  const [row] = lock === 'update' ? await q.for('update') : lock === 'share' ? await q.for('share') : await q;
  if (!row) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId: id });
  return row;
}

export async function itemsOf(ctx: Ctx, campaignId: string): Promise<ItemRow[]> {
  return ctx.db.select().from(gbItems).where(eq(gbItems.campaignId, campaignId)).orderBy(asc(gbItems.position));
}

export async function slotsOf(ctx: Ctx, campaignId: string): Promise<SlotRow[]> {
  return ctx.db.select().from(gbSlots).where(eq(gbSlots.campaignId, campaignId)).orderBy(asc(gbSlots.label));
}

/** Distinct buyers and units of the campaign's active entries (成团 progress). */
export async function progressOf(ctx: Ctx, campaignId: string): Promise<{ buyers: number; qty: number }> {
  const [b] = await ctx.db
    .select({ buyers: countDistinct(gbEntries.customerId) })
    .from(gbEntries)
    .where(and(eq(gbEntries.campaignId, campaignId), eq(gbEntries.active, true)));
  const [q] = await ctx.db
    .select({ qty: sql<number>`coalesce(sum(${gbItems.sold}), 0)::int` })
    .from(gbItems)
    .where(eq(gbItems.campaignId, campaignId));
  return { buyers: Number(b?.buyers ?? 0), qty: Number(q?.qty ?? 0) };
}

/**
 * The 成团 progress shown: live while the campaign takes joins; from the decision on (formed /
 * failed) what was sold then, so a no-show close or a withdrawal that gives caps back later does
 * not lower what the group reached. Campaigns decided before the snapshot existed show live.
 */
export function shownProgress(c: Pick<CampaignRow, 'buyersAtCutoff'>, items: Array<Pick<ItemRow, 'sold' | 'soldAtCutoff'>>, live: { buyers: number; qty: number }) {
  if (c.buyersAtCutoff === null) return live;
  return { buyers: c.buyersAtCutoff, qty: items.reduce((s, i) => s + shownSold(i), 0) };
}

/** Units of an item shown sold: at the decision once decided, the live counter before. */
export const shownSold = (i: Pick<ItemRow, 'sold' | 'soldAtCutoff'>): number => i.soldAtCutoff ?? i.sold;

export function reached(c: Pick<CampaignRow, 'minKind' | 'minValue'>, p: { buyers: number; qty: number }): boolean {
  return (c.minKind === 'buyers' ? p.buyers : p.qty) >= c.minValue && p.qty > 0;
}

export async function entriesOf(ctx: Ctx, campaignId: string, opts: { active?: boolean } = {}): Promise<EntryRow[]> {
  const where = [eq(gbEntries.campaignId, campaignId), eq(gbEntries.storeId, ctx.storeId)];
  if (opts.active !== undefined) where.push(eq(gbEntries.active, opts.active));
  return ctx.db.select().from(gbEntries).where(and(...where)).orderBy(asc(gbEntries.seq));
}

/** The campaign's own columns from a validated input (create and edit write the same ones). */
export function campaignColumns(d: CampaignData) {
  return {
    title: d.title,
    description: d.description,
    status: d.status,
    openAt: new Date(d.openAt),
    cutoffAt: new Date(d.cutoffAt),
    pickupDate: d.pickupDate,
    minKind: d.minKind,
    minValue: d.minValue,
  };
}

export async function updateCampaign(ctx: Ctx, c: CampaignRow, set: Partial<CampaignRow>): Promise<CampaignRow> {
  const [row] = await ctx.db
    .update(gbCampaigns)
    .set({ ...set, updatedAt: ctx.clock.now(), version: c.version + 1 })
    .where(eq(gbCampaigns.id, c.id))
    .returning();
  return row!;
}
