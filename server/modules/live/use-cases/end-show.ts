import { and, eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { liveShows } from '../tables.js';

/**
 * The show's stream stayed away for the whole grace period: it ends. Ending an ended show
 * changes nothing (the media server retries after a failure). ctx is a system ctx of the store.
 */
export async function endShow(ctx: Ctx, showId: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const now = tx.clock.now();
    const [row] = await tx.db
      .update(liveShows)
      .set({ status: 'ended', endedAt: now })
      .where(and(eq(liveShows.id, showId), eq(liveShows.storeId, tx.storeId), eq(liveShows.status, 'live')))
      .returning();
    if (!row) return;
    const durationSeconds = row.startedAt ? Math.max(0, Math.round((now.getTime() - row.startedAt.getTime()) / 1000)) : 0;
    await emit(tx, 'live.show_ended', {
      showId,
      startedAt: row.startedAt?.toISOString() ?? null,
      endedAt: now.toISOString(),
      durationSeconds,
    });
  });
}
