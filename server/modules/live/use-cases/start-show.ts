import { and, eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { newId } from '../../../kernel/ids.js';
import { tenancyTables } from '../../tenancy/index.js';
import { nearestScheduledShow } from '../show.repo.js';
import { markKeyPublished, type LiveGrant } from '../stream-key.repo.js';
import { liveShows } from '../tables.js';

/**
 * A granted push began (not a reconnect within grace): the store's scheduled show nearest in
 * time goes live, or an ad-hoc show "临时直播 <time>" is opened. ctx is a system ctx of the
 * grant's store.
 */
export async function startShow(ctx: Ctx, grant: LiveGrant): Promise<{ showId: string }> {
  return inTx(ctx, async (tx) => {
    const now = tx.clock.now();
    // the key's show is still live (left by a crash, or its end failed): it goes on
    const [current] = await tx.db
      .select({ id: liveShows.id })
      .from(liveShows)
      .where(and(eq(liveShows.storeId, tx.storeId), eq(liveShows.streamKeyId, grant.channelId), eq(liveShows.status, 'live')))
      .for('update');
    if (current) return { showId: current.id };
    const scheduled = await nearestScheduledShow(tx, grant.hostStaffId);
    let showId: string;
    let title: string;
    if (scheduled) {
      await tx.db
        .update(liveShows)
        .set({ status: 'live', startedAt: now, streamKeyId: grant.channelId, hostStaffId: grant.hostStaffId })
        .where(and(eq(liveShows.id, scheduled.id), eq(liveShows.status, 'scheduled')));
      showId = scheduled.id;
      title = scheduled.title;
    } else {
      showId = newId();
      title = `临时直播 ${await storeTime(tx, now)}`;
      await tx.db.insert(liveShows).values({
        id: showId,
        orgId: tx.orgId,
        storeId: tx.storeId,
        title,
        status: 'live',
        startedAt: now,
        streamKeyId: grant.channelId,
        hostStaffId: grant.hostStaffId,
        createdAt: now,
      });
    }
    await markKeyPublished(tx, grant.channelId);
    await emit(tx, 'live.show_started', {
      showId,
      title,
      streamKeyId: grant.channelId,
      hostStaffId: grant.hostStaffId,
      adHoc: !scheduled,
      startedAt: now.toISOString(),
    });
    return { showId };
  });
}

/** "11-25 20:05" in the store's time zone */
async function storeTime(ctx: Ctx, at: Date): Promise<string> {
  const [store] = await ctx.db
    .select({ timezone: tenancyTables.stores.timezone })
    .from(tenancyTables.stores)
    .where(eq(tenancyTables.stores.id, ctx.storeId));
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: store?.timezone ?? 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}
