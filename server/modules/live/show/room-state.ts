import { and, desc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import { readTogether } from '../../../db/parallel.js';
import type { z } from 'zod';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { getSkusForSale } from '../../catalog/index.js';
import { getLevels } from '../../inventory/index.js';
import type { RoomProduct, RoomState, ShopShowCard } from '../contract.js';
import { mayEnter } from '../room/directory.js';
import { giveawaysOf, hasEntered } from '../room/giveaway.js';
import { chatStanding } from '../room/moderation.repo.js';
import { viewersNow } from '../room/presence.repo.js';
import { liveRoomState } from '../room/tables.js';
import { liveShows } from '../tables.js';
import { glimpse } from './current.js';
import { extrasOf, sharePath, showOfStore, type ExtrasRow, type ShowRow } from './extras.repo.js';
import { isReminded } from './reminders.js';
import { liveShowExtras, liveShowReminders } from './tables.js';

/** How a show's video is reached (the media server, by show id). */
export interface RoomMedia {
  playback(showId: string): { flvUrl: string; hlsUrl: string | null } | null;
  replayUrl(showId: string): string | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

function card(s: ShowRow, e: ExtrasRow | null) {
  return {
    id: s.id,
    title: s.title,
    status: s.status,
    coverImageUrl: e?.coverImageUrl ?? null,
    scheduledAt: iso(s.scheduledAt),
    startedAt: iso(s.startedAt),
    endedAt: iso(s.endedAt),
    access: e?.access ?? ('public' as const),
  };
}

/**
 * Live, upcoming (soonest first) and the 10 latest replays; invite-only rooms are not listed, and
 * a members-only show is `locked` (no title, no cover) to a visitor not signed in with the store.
 */
export async function listShopShows(ctx: Ctx, customerId: string | null): Promise<Array<z.infer<typeof ShopShowCard>>> {
  const recent = new Date(ctx.clock.now().getTime() - 14 * 86_400_000);
  const rows = await ctx.db
    .select({ show: liveShows, extra: liveShowExtras })
    .from(liveShows)
    .leftJoin(liveShowExtras, eq(liveShowExtras.showId, liveShows.id))
    .where(
      and(
        eq(liveShows.storeId, ctx.storeId),
        or(eq(liveShows.status, 'live'), eq(liveShows.status, 'scheduled'), gte(liveShows.endedAt, recent)),
        sql`coalesce(${liveShowExtras.access}, 'public') <> 'invite'`,
      ),
    )
    .orderBy(
      sql`case ${liveShows.status} when 'live' then 0 when 'scheduled' then 1 else 2 end`,
      sql`case when ${liveShows.status} = 'scheduled' then ${liveShows.scheduledAt} end asc`,
      desc(liveShows.endedAt),
    )
    .limit(40);
  const ended = rows.filter((r) => r.show.status === 'ended').slice(10).map((r) => r.show.id);
  const kept = rows.filter((r) => !ended.includes(r.show.id));
  const reminded = new Set<string>();
  if (customerId && kept.length) {
    const rs = await ctx.db
      .select({ showId: liveShowReminders.showId })
      .from(liveShowReminders)
      .where(and(eq(liveShowReminders.customerId, customerId), inArray(liveShowReminders.showId, kept.map((r) => r.show.id))));
    for (const r of rs) reminded.add(r.showId);
  }
  return kept.map((r) => {
    const c = { ...card(r.show, r.extra), reminded: reminded.has(r.show.id), locked: false };
    if (glimpse(r.show.storeId, r.extra, { customerId, inviteTokens: [] }) === 'open') return c;
    return { ...c, title: null, coverImageUrl: null, locked: true };
  });
}

async function productsOf(ctx: Ctx, skuIds: string[]): Promise<Array<z.infer<typeof RoomProduct>>> {
  const [skus, levels] = await readTogether(ctx, () => getSkusForSale(ctx, skuIds), () => getLevels(ctx, skuIds));
  return skuIds.flatMap((id) => {
    const s = skus.get(id);
    if (!s || !s.active) return [];
    const title = s.spec ? `${s.productName} ${s.spec}` : s.productName;
    return [{ skuId: id, title, priceFen: s.priceFen, available: levels.get(id)?.available ?? 0, imageUrl: s.imageUrl }];
  });
}

/** The room page's starting state; LIVE_ROOM_RESTRICTED when the visitor may not enter. */
export async function roomState(
  ctx: Ctx,
  slug: string,
  showId: string,
  visitor: { customerId: string | null; inviteTokens: string[] },
  media: RoomMedia,
): Promise<RoomState> {
  const show = await showOfStore(ctx, showId);
  const extras = await extrasOf(ctx, showId);
  const access = extras?.access ?? 'public';
  if (!mayEnter({ storeId: show.storeId, access, inviteToken: extras?.inviteToken ?? null }, { ...visitor, staffStoreId: null })) {
    throw new AppError('LIVE_ROOM_RESTRICTED', { access, signedIn: visitor.customerId !== null });
  }
  const [state] = await ctx.db.select().from(liveRoomState).where(and(eq(liveRoomState.showId, showId), eq(liveRoomState.storeId, ctx.storeId)));
  const [latest] = await giveawaysOf(ctx, showId);
  const me = visitor.customerId;
  const standing = me ? await chatStanding(ctx, showId, me) : { blocked: false, mutedUntil: null };
  let giveaway = null;
  if (latest && latest.status !== 'cancelled') {
    const { winnerCustomerId: _w, ...g } = latest;
    giveaway = { ...g, entered: me ? await hasEntered(ctx, latest.id, me) : false };
  }
  return {
    show: card(show, extras),
    playback: show.status === 'live' ? media.playback(showId) : null,
    replayUrl: show.status === 'ended' ? media.replayUrl(showId) : null,
    topic: `room:${showId}`,
    sharePath: sharePath(slug, showId, extras),
    products: await productsOf(ctx, extras?.skuIds ?? []),
    pinned: state?.pinned ?? null,
    likes: state?.likes ?? 0,
    viewers: await viewersNow(ctx, showId),
    giveaway,
    me: {
      signedIn: me !== null,
      reminded: me ? await isReminded(ctx, showId, me) : false,
      muted: standing.mutedUntil !== null,
      mutedUntil: iso(standing.mutedUntil),
      blocked: standing.blocked,
    },
  };
}
