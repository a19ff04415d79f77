import { systemCtx } from '../../../db/system-ctx.js';
import type { Clock } from '../../../kernel/clock.js';
import type { Ctx, Db } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { maskName, maskPhone } from '../../../kernel/privacy.js';
import type { Realtime } from '../../../realtime/index.js';
import { topics } from '../../../realtime/index.js';
import { TokenBucket } from '../../../realtime/token-bucket.js';
import { getCustomers } from '../../customers/index.js';
import type { RoomShow } from './directory.js';
import { blockedWords, chatStanding, findBlockedWord } from './moderation.repo.js';
import { liveChatMessages } from './tables.js';

/** 1 line every 2 s with a burst of 3, per neighbour across all their sockets (in this process). */
export const CHAT_RATE = { burst: 3, perSecond: 0.5 };

export interface RoomDeps {
  db: Db;
  clock: Clock;
  outboxWake(): void;
  realtime: Realtime;
}

/** A ctx in the show's store acting as the neighbour (or the system). */
export function roomCtx(d: RoomDeps, show: Pick<RoomShow, 'orgId' | 'storeId'>, customerId: string | null): Ctx {
  const ctx = systemCtx(d.db, show, 'live-room', { clock: d.clock, outboxWake: d.outboxWake });
  return customerId ? { ...ctx, actor: { kind: 'customer', customerId } } : ctx;
}

/** How others see a neighbour in the room: 张*, else 138****1234. */
export async function maskedAuthor(ctx: Ctx, customerId: string): Promise<string> {
  const c = (await getCustomers(ctx, [customerId])).get(customerId);
  if (!c) return '邻居';
  return c.name ? maskName(c.name) : maskPhone(c.phone);
}

/**
 * Chat lines from neighbours. The checks run cheapest first (rate, standing, keyword filter); a
 * refused line is answered to its sender only and never stored or shown. An accepted line is
 * stored, then published straight to the room (not through the outbox: chat is the room's hot
 * path, and the row is already committed when it is published).
 */
export class RoomChat {
  private readonly buckets = new Map<string, { bucket: TokenBucket; used: number }>();

  constructor(private readonly d: RoomDeps) {}

  async send(show: RoomShow, customerId: string, text: string): Promise<{ messageId: string }> {
    const nowMs = this.d.clock.now().getTime();
    const key = `${show.storeId}:${customerId}`;
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = { bucket: new TokenBucket(CHAT_RATE.burst, CHAT_RATE.perSecond, () => this.d.clock.now().getTime()), used: nowMs }));
    b.used = nowMs;
    if (!b.bucket.take()) throw new AppError('RATE_LIMITED', { retryAfterMs: Math.ceil(1000 / CHAT_RATE.perSecond) });
    if (show.status === 'ended') throw new AppError('LIVE_SHOW_NOT_LIVE', { showId: show.id });

    const ctx = roomCtx(this.d, show, customerId);
    const standing = await chatStanding(ctx, show.id, customerId);
    if (standing.blocked) throw new AppError('LIVE_CHAT_BLOCKED');
    if (standing.mutedUntil) throw new AppError('LIVE_CHAT_MUTED', { until: standing.mutedUntil.toISOString() });
    if (findBlockedWord(text, await blockedWords(ctx)) !== null) throw new AppError('LIVE_CHAT_BLOCKED_WORD');

    const author = await maskedAuthor(ctx, customerId);
    const id = newId();
    const at = ctx.clock.now();
    await ctx.db.insert(liveChatMessages).values({ id, orgId: show.orgId, storeId: show.storeId, showId: show.id, customerId, author, text, createdAt: at });
    await this.d.realtime.publish(topics.room(show.id), 'chat', { messageId: id, author, text, at: at.toISOString() });
    return { messageId: id };
  }

  /** forgets buckets idle for a minute (full again by then anyway) */
  prune(): void {
    const cutoff = this.d.clock.now().getTime() - 60_000;
    for (const [k, v] of this.buckets) if (v.used < cutoff) this.buckets.delete(k);
  }
}
