import { and, count, eq, isNull } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { notify } from '../../notifications/index.js';
import { mayEnter } from '../room/directory.js';
import { extrasOf, sharePath, showOfStore } from './extras.repo.js';
import { liveShowReminders } from './tables.js';
import '../room/events.js';

/**
 * A neighbour asks to be told when a scheduled show starts; asking again changes nothing. Only
 * someone who may enter the room may ask (the message carries the room's link, with its invite).
 */
export async function reserveReminder(ctx: Ctx, showId: string, customerId: string, inviteTokens: string[] = []): Promise<{ showId: string; reminded: true }> {
  return inTx(ctx, async (tx) => {
    const show = await showOfStore(tx, showId);
    const extras = await extrasOf(tx, showId);
    const room = { storeId: show.storeId, access: extras?.access ?? ('public' as const), inviteToken: extras?.inviteToken ?? null };
    if (!mayEnter(room, { customerId, staffStoreId: null, inviteTokens })) throw new AppError('LIVE_ROOM_RESTRICTED', { access: room.access, signedIn: true });
    if (show.status !== 'scheduled') throw new AppError('LIVE_REMINDER_CLOSED', { showId, status: show.status });
    const inserted = await tx.db
      .insert(liveShowReminders)
      .values({ showId, customerId, orgId: tx.orgId, storeId: tx.storeId, createdAt: tx.clock.now() })
      .onConflictDoNothing()
      .returning({ c: liveShowReminders.customerId });
    if (inserted.length) await emit(tx, 'live.reminder_reserved', { showId, customerId });
    return { showId, reminded: true as const };
  });
}

/**
 * The show started: every reminder not yet sent is marked sent and its message queued, in one
 * transaction. A repeated or concurrent delivery of the start event finds nothing left to mark,
 * so each neighbour is told exactly once.
 */
export async function sendReminders(ctx: Ctx, showId: string, o: { slug: string; baseUrl: string }): Promise<number> {
  return inTx(ctx, async (tx) => {
    const show = await showOfStore(tx, showId);
    const due = await tx.db
      .update(liveShowReminders)
      .set({ notifiedAt: tx.clock.now() })
      .where(and(eq(liveShowReminders.showId, showId), eq(liveShowReminders.storeId, tx.storeId), isNull(liveShowReminders.notifiedAt)))
      .returning({ customerId: liveShowReminders.customerId });
    if (due.length === 0) return 0;
    const url = `${o.baseUrl}${sharePath(o.slug, showId, await extrasOf(tx, showId))}`;
    for (const r of due) {
      await notify(tx, { to: { customerId: r.customerId }, template: 'generic', params: { text: `「${show.title}」开播啦，快来直播间：${url}`, showId } });
    }
    await emit(tx, 'live.reminders_sent', { showId, count: due.length });
    return due.length;
  });
}

export async function isReminded(ctx: Ctx, showId: string, customerId: string): Promise<boolean> {
  const [r] = await ctx.db
    .select({ c: liveShowReminders.customerId })
    .from(liveShowReminders)
    .where(and(eq(liveShowReminders.showId, showId), eq(liveShowReminders.customerId, customerId), eq(liveShowReminders.storeId, ctx.storeId)));
  return r !== undefined;
}

export async function reminderCount(ctx: Ctx, showId: string): Promise<number> {
  const [r] = await ctx.db
    .select({ n: count() })
    .from(liveShowReminders)
    .where(and(eq(liveShowReminders.showId, showId), eq(liveShowReminders.storeId, ctx.storeId)));
  return r?.n ?? 0;
}
