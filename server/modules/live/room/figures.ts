import { and, count, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import type { ConsoleRoom, ShowSalesStats, ShowStats } from '../contract.js';
import { extrasOf, presentSettings, showOfStore } from '../show/extras.repo.js';
import { reminderCount } from '../show/reminders.js';
import { giveawaysOf } from './giveaway.js';
import { blocksOf, mutesOf } from './moderation.repo.js';
import { audienceOf, viewersNow } from './presence.repo.js';
import { liveChatMessages, liveRoomState } from './tables.js';

async function stateOf(ctx: Ctx, showId: string) {
  const [s] = await ctx.db.select().from(liveRoomState).where(and(eq(liveRoomState.showId, showId), eq(liveRoomState.storeId, ctx.storeId)));
  return s ?? null;
}

/** The host's live view: figures now and the chat tail with who wrote each line (for moderation). */
export async function consoleRoom(ctx: Ctx, slug: string, showId: string): Promise<ConsoleRoom> {
  const show = await showOfStore(ctx, showId);
  const [state, extras, audience, now, reminders, chat, muted, blocked, giveaways] = await Promise.all([
    stateOf(ctx, showId),
    extrasOf(ctx, showId),
    audienceOf(ctx, showId),
    viewersNow(ctx, showId),
    reminderCount(ctx, showId),
    ctx.db
      .select()
      .from(liveChatMessages)
      .where(and(eq(liveChatMessages.showId, showId), eq(liveChatMessages.storeId, ctx.storeId)))
      .orderBy(desc(liveChatMessages.seq))
      .limit(100),
    mutesOf(ctx, showId),
    blocksOf(ctx),
    giveawaysOf(ctx, showId),
  ]);
  return {
    showId,
    status: show.status,
    viewersNow: now,
    peakViewers: state?.peakViewers ?? 0,
    uniqueViewers: audience.unique,
    likes: state?.likes ?? 0,
    reminders,
    pinned: state?.pinned ?? null,
    settings: presentSettings(slug, showId, extras),
    chat: chat.reverse().map((m) => ({
      messageId: m.id,
      customerId: m.customerId,
      author: m.author,
      text: m.text,
      at: m.createdAt.toISOString(),
      removed: m.removedAt !== null,
    })),
    muted,
    blocked,
    giveaways,
  };
}

const minutes = (ms: number) => Math.round(ms / 6_000) / 10;

/** After the show: audience (unique, peak, watch time), engagement, and the sales E2's commerce counted. */
export async function showStats(ctx: Ctx, showId: string, sales: (ctx: Ctx, showId: string) => Promise<ShowSalesStats>): Promise<ShowStats> {
  const show = await showOfStore(ctx, showId);
  const [state, audience, [chat], reminders, giveaways, salesStats] = await Promise.all([
    stateOf(ctx, showId),
    audienceOf(ctx, showId),
    ctx.db
      .select({ n: count() })
      .from(liveChatMessages)
      .where(and(eq(liveChatMessages.showId, showId), eq(liveChatMessages.storeId, ctx.storeId))),
    reminderCount(ctx, showId),
    giveawaysOf(ctx, showId),
    sales(ctx, showId),
  ]);
  const end = show.endedAt ?? (show.status === 'live' ? ctx.clock.now() : null);
  return {
    showId,
    title: show.title,
    status: show.status,
    startedAt: show.startedAt?.toISOString() ?? null,
    endedAt: show.endedAt?.toISOString() ?? null,
    durationMinutes: show.startedAt && end ? minutes(end.getTime() - show.startedAt.getTime()) : 0,
    uniqueViewers: audience.unique,
    signedInViewers: audience.signedIn,
    peakViewers: state?.peakViewers ?? 0,
    peakAt: state?.peakAt?.toISOString() ?? null,
    watchMinutes: minutes(audience.watchMs),
    avgWatchMinutes: audience.unique ? minutes(audience.watchMs / audience.unique) : 0,
    likes: state?.likes ?? 0,
    chatMessages: chat?.n ?? 0,
    reminders,
    giveaways: giveaways.length,
    sales: salesStats,
  };
}
