import { createHash } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { topics } from '../../../realtime/index.js';
import { roomCtx, type RoomDeps } from './chat.js';
import type { RoomShow } from './directory.js';
import { notePeak, recordHeartbeat, viewersNow } from './presence.repo.js';
import { liveGiveawayEntries, liveRoomState } from './tables.js';

/** 'c:<customerId>' for a neighbour; an anonymous device is its address + browser, hashed. */
export function viewerKey(customerId: string | null, ip: string, userAgent: string): string {
  if (customerId) return `c:${customerId}`;
  return `a:${createHash('sha256').update(`${ip}\n${userAgent}`).digest('base64url').slice(0, 22)}`;
}

/**
 * Heartbeats and likes of the rooms this process serves. A heartbeat is one upsert; an arrival
 * recounts who is present (the peak can only rise then) and signals `viewers`. Departures are
 * noticed by `tick()` (a job, every 10 s). Likes are summed in memory and flushed once a second
 * as one UPDATE per room, then signalled as the room's total (`likes`, volatile). Giveaway
 * entries are coalesced the same way: the entrant count of each giveaway entered since the last
 * flush is read once and signalled (`giveaway_entrants`, volatile), however many entered.
 */
export class RoomActivity {
  private readonly rooms = new Map<string, { show: RoomShow; lastCount: number }>();
  private readonly likes = new Map<string, { show: RoomShow; n: number }>();
  /** giveaways entered since the last flush → their show */
  private readonly entered = new Map<string, string>();
  private flushing: Promise<void> | null = null;

  constructor(private readonly d: RoomDeps) {}

  async heartbeat(show: RoomShow, key: string, customerId: string | null): Promise<void> {
    const ctx = roomCtx(this.d, show, customerId);
    const r = await recordHeartbeat(ctx, { showId: show.id, viewerKey: key, customerId });
    if (!r.recorded) return;
    const room = this.rooms.get(show.id) ?? { show, lastCount: -1 };
    this.rooms.set(show.id, room);
    if (!r.arrived) return;
    const n = await notePeak(ctx, show.id);
    room.lastCount = n;
    await this.d.realtime.signal(topics.room(show.id), 'viewers', { count: n });
  }

  /** Recounts the rooms with viewers here; signals a changed count; forgets empty rooms. */
  async tick(): Promise<void> {
    for (const [id, room] of this.rooms) {
      const n = await viewersNow(roomCtx(this.d, room.show, null), id);
      if (n !== room.lastCount) await this.d.realtime.signal(topics.room(id), 'viewers', { count: n });
      room.lastCount = n;
      if (n === 0) this.rooms.delete(id);
    }
  }

  like(show: RoomShow, n: number): void {
    const l = this.likes.get(show.id) ?? { show, n: 0 };
    l.n += n;
    this.likes.set(show.id, l);
  }

  /** A neighbour's entry committed: the giveaway's entrant count goes out with the next flush. */
  giveawayEntered(showId: string, giveawayId: string): void {
    this.entered.set(giveawayId, showId);
  }

  /** Writes the likes gathered since the last flush and sends the counters; joins a flush under way. */
  flushCounters(): Promise<void> {
    this.flushing ??= this.flushOnce().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    const batch = [...this.likes.values()];
    this.likes.clear();
    for (const { show, n } of batch) {
      const [row] = await this.d.db
        .insert(liveRoomState)
        .values({ showId: show.id, orgId: show.orgId, storeId: show.storeId, likes: n })
        .onConflictDoUpdate({ target: liveRoomState.showId, set: { likes: sql`${liveRoomState.likes} + ${n}` } })
        .returning({ likes: liveRoomState.likes });
      await this.d.realtime.signal(topics.room(show.id), 'likes', { total: row!.likes });
    }
    const giveaways = [...this.entered];
    this.entered.clear();
    for (const [giveawayId, showId] of giveaways) {
      const [r] = await this.d.db.select({ n: count() }).from(liveGiveawayEntries).where(eq(liveGiveawayEntries.giveawayId, giveawayId));
      await this.d.realtime.signal(topics.room(showId), 'giveaway_entrants', { giveawayId, entrants: r?.n ?? 0 });
    }
  }
}
