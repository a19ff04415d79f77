import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { getSkusForSale } from '../../catalog/index.js';
import type { ShowAccess, ShowRoomSettings } from '../contract.js';
import { liveShows } from '../tables.js';
import { liveShowExtras } from './tables.js';

export type ShowRow = typeof liveShows.$inferSelect;
export type ExtrasRow = typeof liveShowExtras.$inferSelect;

/** The show of the ctx's store, or LIVE_SHOW_NOT_FOUND (an id of another store is not found). */
export async function showOfStore(ctx: Ctx, showId: string): Promise<ShowRow> {
  const [row] = await ctx.db
    .select()
    .from(liveShows)
    .where(and(eq(liveShows.id, showId), eq(liveShows.storeId, ctx.storeId)))
    .limit(1);
  if (!row) throw new AppError('LIVE_SHOW_NOT_FOUND', { showId });
  return row;
}

export async function extrasOf(ctx: Ctx, showId: string): Promise<ExtrasRow | null> {
  const [row] = await ctx.db
    .select()
    .from(liveShowExtras)
    .where(and(eq(liveShowExtras.showId, showId), eq(liveShowExtras.storeId, ctx.storeId)))
    .limit(1);
  return row ?? null;
}

export const newInviteToken = () => randomBytes(12).toString('base64url');

export function sharePath(slug: string, showId: string, e: { access: ShowAccess; inviteToken: string | null } | null): string {
  const base = `/live/${slug}/${showId}`;
  return e?.access === 'invite' && e.inviteToken ? `${base}?invite=${e.inviteToken}` : base;
}

export function presentSettings(slug: string, showId: string, e: ExtrasRow | null): ShowRoomSettings {
  return {
    showId,
    coverImageUrl: e?.coverImageUrl ?? null,
    skuIds: e?.skuIds ?? [],
    access: e?.access ?? 'public',
    inviteToken: e?.inviteToken ?? null,
    sharePath: sharePath(slug, showId, e),
  };
}

/** SKU ids must be the store's own (an id of another store is refused, not silently kept). */
export async function checkSkus(ctx: Ctx, skuIds: string[]): Promise<void> {
  if (skuIds.length === 0) return;
  const found = await getSkusForSale(ctx, skuIds);
  const missing = skuIds.filter((id) => !found.has(id));
  if (missing.length) throw new AppError('SKU_NOT_FOUND', { skuIds: missing });
}
