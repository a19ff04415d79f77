import { and, count, eq, gte, isNotNull, sql } from 'drizzle-orm';
import { queryRows } from '../../../db/raw.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { liveRoomState, liveRoomViewers } from './tables.js';

/** A viewer is present while their last heartbeat is at most this old (clients beat every ~20 s). */
export const PRESENCE_WINDOW_MS = 60_000;

const since = (ctx: Ctx) => new Date(ctx.clock.now().getTime() - PRESENCE_WINDOW_MS);

/**
 * The neighbours (customer ids) watching the show right now: signed in, heartbeat within the
 * last 60 s. Vouchers and giveaways go only to them. Empty for a show of another store.
 */
export async function presentViewers(ctx: Ctx, showId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectDistinct({ customerId: liveRoomViewers.customerId })
    .from(liveRoomViewers)
    .where(
      and(
        eq(liveRoomViewers.showId, showId),
        eq(liveRoomViewers.storeId, ctx.storeId),
        isNotNull(liveRoomViewers.customerId),
        gte(liveRoomViewers.lastSeenAt, since(ctx)),
      ),
    );
  return rows.map((r) => r.customerId!);
}

/** Viewers present now, signed in or not. */
export async function viewersNow(ctx: Ctx, showId: string): Promise<number> {
  const [r] = await ctx.db
    .select({ n: count() })
    .from(liveRoomViewers)
    .where(and(eq(liveRoomViewers.showId, showId), eq(liveRoomViewers.storeId, ctx.storeId), gte(liveRoomViewers.lastSeenAt, since(ctx))));
  return r?.n ?? 0;
}

export interface Heartbeat {
  showId: string;
  /** 'c:<customerId>' or 'a:<device hash>' */
  viewerKey: string;
  customerId: string | null;
}

/**
 * Records a heartbeat of a viewer of a live show (nothing while the show is not live). Returns
 * whether it was an arrival (first beat, or first after a gap longer than the window): only an
 * arrival can raise the number present, so the peak is recounted exactly then.
 */
export async function recordHeartbeat(ctx: Ctx, h: Heartbeat): Promise<{ recorded: boolean; arrived: boolean }> {
  const now = ctx.clock.now().toISOString();
  const win = `${PRESENCE_WINDOW_MS / 1000} seconds`;
  const rows = await queryRows<{ arrived: boolean }>(
    ctx.db,
    sql`
    insert into live_room_viewer as v (show_id, viewer_key, org_id, store_id, customer_id, first_seen_at, last_seen_at, session_started_at, watch_ms, sessions)
    select s.id, ${h.viewerKey}, s.org_id, s.store_id, ${h.customerId}::uuid, ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz, 0, 1
    from live_show s where s.id = ${h.showId} and s.store_id = ${ctx.storeId} and s.status = 'live'
    on conflict (show_id, viewer_key) do update set
      watch_ms = v.watch_ms + case
        when excluded.last_seen_at > v.last_seen_at and excluded.last_seen_at - v.last_seen_at <= ${win}::interval
        then (extract(epoch from excluded.last_seen_at - v.last_seen_at) * 1000)::int else 0 end,
      sessions = v.sessions + case when excluded.last_seen_at - v.last_seen_at > ${win}::interval then 1 else 0 end,
      session_started_at = case when excluded.last_seen_at - v.last_seen_at > ${win}::interval then excluded.last_seen_at else v.session_started_at end,
      last_seen_at = greatest(v.last_seen_at, excluded.last_seen_at),
      customer_id = coalesce(excluded.customer_id, v.customer_id)
    returning (v.session_started_at = ${now}::timestamptz) as arrived`,
  );
  const r = rows[0];
  return { recorded: r !== undefined, arrived: r?.arrived === true };
}

/** Recounts who is present and keeps the highest count seen as the show's peak. */
export async function notePeak(ctx: Ctx, showId: string): Promise<number> {
  const n = await viewersNow(ctx, showId);
  const now = ctx.clock.now();
  await ctx.db
    .insert(liveRoomState)
    .values({ showId, orgId: ctx.orgId, storeId: ctx.storeId, peakViewers: n, peakAt: now })
    .onConflictDoUpdate({
      target: liveRoomState.showId,
      set: {
        peakAt: sql`case when ${n} > ${liveRoomState.peakViewers} then ${now.toISOString()}::timestamptz else ${liveRoomState.peakAt} end`,
        peakViewers: sql`greatest(${liveRoomState.peakViewers}, ${n})`,
      },
      setWhere: eq(liveRoomState.storeId, ctx.storeId),
    });
  return n;
}

/** Unique viewers, watch time (ms) and sessions of a show. */
export async function audienceOf(ctx: Ctx, showId: string): Promise<{ unique: number; signedIn: number; watchMs: number }> {
  const [r] = await ctx.db
    .select({
      unique: count(),
      signedIn: count(liveRoomViewers.customerId),
      watchMs: sql<string>`coalesce(sum(${liveRoomViewers.watchMs}), 0)`,
    })
    .from(liveRoomViewers)
    .where(and(eq(liveRoomViewers.showId, showId), eq(liveRoomViewers.storeId, ctx.storeId)));
  return { unique: r?.unique ?? 0, signedIn: r?.signedIn ?? 0, watchMs: Number(r?.watchMs ?? 0) };
}
