import { and, asc, desc, eq, gte } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import type { CurrentShow } from '../contract.js';
import { mayEnter } from '../room/directory.js';
import { SCHEDULE_MATCH_WINDOW_MS } from '../show.repo.js';
import { liveShows } from '../tables.js';
import type { ExtrasRow, ShowRow } from './extras.repo.js';
import type { RoomMedia } from './room-state.js';
import { liveShowExtras } from './tables.js';

export interface ShopVisitor {
  customerId: string | null;
  /** from ?invite= or the linli_invite cookie */
  inviteTokens: string[];
}

/**
 * How much of a show this visitor may know: `open` (they may enter: everything), `locked` (a
 * members-only show and they are not signed in with the store: that it exists, not what it is;
 * the room asks to sign in) or `hidden` (an invite-only show without its invite: not named at all).
 */
export function glimpse(storeId: string, e: ExtrasRow | null, v: ShopVisitor): 'open' | 'locked' | 'hidden' {
  const access = e?.access ?? 'public';
  if (mayEnter({ storeId, access, inviteToken: e?.inviteToken ?? null }, { ...v, staffStoreId: null })) return 'open';
  return access === 'members' ? 'locked' : 'hidden';
}

/** the shows the visitor may enter first (newest live / soonest scheduled), then a locked one */
function pick(rows: Array<{ show: ShowRow; extra: ExtrasRow | null }>, v: ShopVisitor) {
  const seen = rows.map((r) => ({ ...r, g: glimpse(r.show.storeId, r.extra, v) }));
  return seen.find((r) => r.g === 'open') ?? seen.find((r) => r.g === 'locked') ?? null;
}

const view = (r: { show: ShowRow; extra: ExtrasRow | null; g: 'open' | 'locked' | 'hidden' }) => ({
  id: r.show.id,
  title: r.g === 'open' ? r.show.title : null,
  access: r.extra?.access ?? ('public' as const),
  locked: r.g !== 'open',
});

/**
 * GET /api/shop/:slug/live/current: the live show and how to play it, and the next scheduled one,
 * as far as this visitor may know them (see `glimpse`).
 */
export async function currentShow(ctx: Ctx, visitor: ShopVisitor, media: RoomMedia): Promise<CurrentShow> {
  const shows = () => ctx.db.select({ show: liveShows, extra: liveShowExtras }).from(liveShows).leftJoin(liveShowExtras, eq(liveShowExtras.showId, liveShows.id));
  const since = new Date(ctx.clock.now().getTime() - SCHEDULE_MATCH_WINDOW_MS);
  const [live, upcoming] = await Promise.all([
    shows().where(and(eq(liveShows.storeId, ctx.storeId), eq(liveShows.status, 'live'))).orderBy(desc(liveShows.startedAt)).limit(10),
    shows()
      .where(and(eq(liveShows.storeId, ctx.storeId), eq(liveShows.status, 'scheduled'), gte(liveShows.scheduledAt, since)))
      .orderBy(asc(liveShows.scheduledAt))
      .limit(10),
  ]);
  const now = pick(live, visitor);
  const next = pick(upcoming, visitor);
  return {
    show: now && { ...view(now), startedAt: (now.show.startedAt ?? now.show.createdAt).toISOString() },
    // live but not playable: the host is reconnecting (the page says "back soon")
    playback: now && now.g === 'open' ? media.playback(now.show.id) : null,
    next: next?.show.scheduledAt ? { ...view(next), scheduledAt: next.show.scheduledAt.toISOString() } : null,
  };
}
