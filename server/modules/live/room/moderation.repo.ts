import { and, desc, eq, gt } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import { liveRoomBlocks, liveRoomMutes, liveRoomSettings } from './tables.js';

export interface ChatStanding {
  blocked: boolean;
  mutedUntil: Date | null;
}

/** Whether a neighbour may chat in a show of the ctx's store now. */
export async function chatStanding(ctx: Ctx, showId: string, customerId: string): Promise<ChatStanding> {
  const [block] = await ctx.db
    .select({ at: liveRoomBlocks.createdAt })
    .from(liveRoomBlocks)
    .where(and(eq(liveRoomBlocks.storeId, ctx.storeId), eq(liveRoomBlocks.customerId, customerId)));
  const [mute] = await ctx.db
    .select({ until: liveRoomMutes.until })
    .from(liveRoomMutes)
    .where(
      and(
        eq(liveRoomMutes.storeId, ctx.storeId),
        eq(liveRoomMutes.showId, showId),
        eq(liveRoomMutes.customerId, customerId),
        gt(liveRoomMutes.until, ctx.clock.now()),
      ),
    );
  return { blocked: block !== undefined, mutedUntil: mute?.until ?? null };
}

export async function blockedWords(ctx: Ctx): Promise<string[]> {
  const [row] = await ctx.db.select({ words: liveRoomSettings.blockedWords }).from(liveRoomSettings).where(eq(liveRoomSettings.storeId, ctx.storeId));
  return row?.words ?? [];
}

/** Lower case, full-width folded, without spaces, punctuation and symbols: "微 信!" matches "微信". */
export const foldForFilter = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');

/** The first blocked word the text contains (after folding both), or null. */
export function findBlockedWord(text: string, words: string[]): string | null {
  const t = foldForFilter(text);
  for (const w of words) {
    const f = foldForFilter(w);
    if (f && t.includes(f)) return w;
  }
  return null;
}

export async function mutesOf(ctx: Ctx, showId: string): Promise<Array<{ customerId: string; until: string }>> {
  const rows = await ctx.db
    .select({ customerId: liveRoomMutes.customerId, until: liveRoomMutes.until })
    .from(liveRoomMutes)
    .where(and(eq(liveRoomMutes.storeId, ctx.storeId), eq(liveRoomMutes.showId, showId), gt(liveRoomMutes.until, ctx.clock.now())))
    .orderBy(desc(liveRoomMutes.until));
  return rows.map((r) => ({ customerId: r.customerId, until: r.until.toISOString() }));
}

export async function blocksOf(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.db
    .select({ customerId: liveRoomBlocks.customerId })
    .from(liveRoomBlocks)
    .where(eq(liveRoomBlocks.storeId, ctx.storeId))
    .orderBy(desc(liveRoomBlocks.createdAt));
  return rows.map((r) => r.customerId);
}
