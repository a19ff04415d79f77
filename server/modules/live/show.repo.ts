import { and, asc, desc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Ctx, Db } from '../../kernel/ctx.js';
import { HOUR } from '../../kernel/clock.js';
import type { ShowView } from './contract.js';
import { liveShows } from './tables.js';

export type ShowRow = typeof liveShows.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentShow(r: ShowRow): ShowView {
  return {
    id: r.id,
    title: r.title,
    scheduledAt: iso(r.scheduledAt),
    status: r.status,
    startedAt: iso(r.startedAt),
    endedAt: iso(r.endedAt),
    hostStaffId: r.hostStaffId,
    streamKeyId: r.streamKeyId,
  };
}

/** Live first, then upcoming (soonest first), then the most recent ended ones. */
export async function listShows(ctx: Ctx, status?: ShowRow['status'], limit = 100): Promise<ShowView[]> {
  const rows = await ctx.db
    .select()
    .from(liveShows)
    .where(and(eq(liveShows.storeId, ctx.storeId), status ? eq(liveShows.status, status) : undefined))
    .orderBy(
      sql`case ${liveShows.status} when 'live' then 0 when 'scheduled' then 1 else 2 end`,
      sql`case when ${liveShows.status} = 'scheduled' then ${liveShows.scheduledAt} end asc`,
      desc(sql`coalesce(${liveShows.endedAt}, ${liveShows.createdAt})`),
    )
    .limit(limit);
  return rows.map(presentShow);
}

/** A push starts the scheduled show nearest in time, if one is this close; else an ad-hoc show. */
export const SCHEDULE_MATCH_WINDOW_MS = 12 * HOUR;

/**
 * The scheduled show of the store nearest to now within the window, planned for this host or
 * for no host in particular; locked so two pushes cannot both start it.
 */
export async function nearestScheduledShow(ctx: Ctx, hostStaffId: string): Promise<ShowRow | null> {
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .select()
    .from(liveShows)
    .where(
      and(
        eq(liveShows.storeId, ctx.storeId),
        eq(liveShows.status, 'scheduled'),
        gte(liveShows.scheduledAt, new Date(now.getTime() - SCHEDULE_MATCH_WINDOW_MS)),
        lte(liveShows.scheduledAt, new Date(now.getTime() + SCHEDULE_MATCH_WINDOW_MS)),
        or(isNull(liveShows.hostStaffId), eq(liveShows.hostStaffId, hostStaffId)),
      ),
    )
    .orderBy(sql`abs(extract(epoch from ${liveShows.scheduledAt} - ${now.toISOString()}::timestamptz))`, asc(liveShows.id))
    .limit(1)
    .for('update', { skipLocked: true });
  return row ?? null;
}

/** Shows left live, in every store (a system read at start-up: each waits for its host). */
export async function allLiveShows(db: Db): Promise<ShowRow[]> {
  return db.select().from(liveShows).where(eq(liveShows.status, 'live'));
}
