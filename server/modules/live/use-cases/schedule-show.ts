import type { z } from 'zod';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { newId } from '../../../kernel/ids.js';
import type { ScheduleShowBody, ShowView } from '../contract.js';
import { presentShow } from '../show.repo.js';
import { hostOfStore } from '../stream-key.repo.js';
import { liveShows } from '../tables.js';
import { setRoomSettings } from '../show/set-room-settings.js';

/** Announces a show ("tonight at 8"); the host's first push near that time starts it. */
export async function scheduleShow(ctx: Ctx, input: z.output<typeof ScheduleShowBody>): Promise<ShowView> {
  if (input.hostStaffId) await hostOfStore(ctx, input.hostStaffId);
  const scheduledAt = new Date(input.scheduledAt);
  return inTx(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(liveShows)
      .values({
        id: newId(),
        orgId: tx.orgId,
        storeId: tx.storeId,
        title: input.title,
        scheduledAt,
        hostStaffId: input.hostStaffId ?? null,
        createdAt: tx.clock.now(),
      })
      .returning();
    await emit(tx, 'live.show_scheduled', { showId: row!.id, title: row!.title, scheduledAt: scheduledAt.toISOString() });
    // cover, featured SKUs and access, when given (the room settings can be changed later)
    const { coverImageUrl, skuIds, access } = input;
    if (coverImageUrl !== undefined || skuIds !== undefined || access !== undefined) {
      await setRoomSettings(tx, '', row!.id, { coverImageUrl, skuIds, access });
    }
    return presentShow(row!);
  });
}
