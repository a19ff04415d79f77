import { and, eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { getCustomers } from '../../customers/index.js';
import type { LiveRoomSettings } from '../contract.js';
import { showOfStore } from '../show/extras.repo.js';
import { liveChatMessages, liveRoomBlocks, liveRoomMutes, liveRoomSettings } from './tables.js';
import './events.js';

const staffId = (ctx: Ctx) => {
  if (ctx.actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  return ctx.actor.staffId;
};

async function neighbourOfOrg(ctx: Ctx, customerId: string): Promise<void> {
  if (!(await getCustomers(ctx, [customerId])).has(customerId)) throw new AppError('NOT_FOUND', { customerId });
}

/** Takes a chat line down for everyone (chat_removed after commit). Removing it again changes nothing. */
export async function removeChatMessage(ctx: Ctx, showId: string, messageId: string): Promise<{ messageId: string; removed: true }> {
  const by = staffId(ctx);
  return inTx(ctx, async (tx) => {
    const [m] = await tx.db
      .select()
      .from(liveChatMessages)
      .where(and(eq(liveChatMessages.id, messageId), eq(liveChatMessages.showId, showId), eq(liveChatMessages.storeId, tx.storeId)))
      .for('update');
    if (!m) throw new AppError('LIVE_CHAT_MESSAGE_NOT_FOUND', { messageId });
    if (m.removedAt) return { messageId, removed: true as const };
    const at = tx.clock.now();
    await tx.db.update(liveChatMessages).set({ removedAt: at, removedBy: by }).where(eq(liveChatMessages.id, messageId));
    await emit(tx, 'live.chat_removed', { showId, messageId, customerId: m.customerId, at: at.toISOString() });
    return { messageId, removed: true as const };
  });
}

/** Mutes a neighbour in this show for `minutes` (0 lifts the mute). */
export async function muteViewer(ctx: Ctx, showId: string, input: { customerId: string; minutes: number }): Promise<{ customerId: string; until: string | null }> {
  const by = staffId(ctx);
  await neighbourOfOrg(ctx, input.customerId);
  return inTx(ctx, async (tx) => {
    await showOfStore(tx, showId);
    const now = tx.clock.now();
    const until = new Date(now.getTime() + input.minutes * 60_000);
    if (input.minutes === 0) {
      await tx.db.delete(liveRoomMutes).where(and(eq(liveRoomMutes.showId, showId), eq(liveRoomMutes.customerId, input.customerId), eq(liveRoomMutes.storeId, tx.storeId)));
    } else {
      await tx.db
        .insert(liveRoomMutes)
        .values({ showId, customerId: input.customerId, orgId: tx.orgId, storeId: tx.storeId, until, byStaffId: by, createdAt: now })
        .onConflictDoUpdate({ target: [liveRoomMutes.showId, liveRoomMutes.customerId], set: { until, byStaffId: by, createdAt: now } });
    }
    const out = { customerId: input.customerId, until: input.minutes === 0 ? null : until.toISOString() };
    await emit(tx, 'live.viewer_muted', { showId, ...out });
    return out;
  });
}

/** Blocks a neighbour from chatting in every room of the store (blocked false lifts it). */
export async function blockViewer(ctx: Ctx, showId: string, input: { customerId: string; blocked: boolean }): Promise<{ customerId: string; blocked: boolean }> {
  const by = staffId(ctx);
  await neighbourOfOrg(ctx, input.customerId);
  return inTx(ctx, async (tx) => {
    await showOfStore(tx, showId);
    if (input.blocked) {
      await tx.db
        .insert(liveRoomBlocks)
        .values({ storeId: tx.storeId, customerId: input.customerId, orgId: tx.orgId, byStaffId: by, createdAt: tx.clock.now() })
        .onConflictDoNothing();
    } else {
      await tx.db.delete(liveRoomBlocks).where(and(eq(liveRoomBlocks.storeId, tx.storeId), eq(liveRoomBlocks.customerId, input.customerId)));
    }
    await emit(tx, 'live.viewer_blocked', { customerId: input.customerId, blocked: input.blocked });
    return { customerId: input.customerId, blocked: input.blocked };
  });
}

/** Replaces the store's blocked words (duplicates dropped). */
export async function setBlockedWords(ctx: Ctx, input: LiveRoomSettings): Promise<LiveRoomSettings> {
  staffId(ctx);
  const words = [...new Set(input.blockedWords.map((w) => w.trim()).filter(Boolean))];
  return inTx(ctx, async (tx) => {
    await tx.db
      .insert(liveRoomSettings)
      .values({ storeId: tx.storeId, orgId: tx.orgId, blockedWords: words, updatedAt: tx.clock.now() })
      .onConflictDoUpdate({ target: liveRoomSettings.storeId, set: { blockedWords: words, updatedAt: tx.clock.now() } });
    await emit(tx, 'live.blocked_words_changed', { count: words.length });
    return { blockedWords: words };
  });
}
