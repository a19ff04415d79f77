import type { z } from 'zod';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import type { ShowRoomSettings, ShowRoomSettingsBody } from '../contract.js';
import { checkSkus, extrasOf, newInviteToken, presentSettings, showOfStore } from './extras.repo.js';
import { liveShowExtras } from './tables.js';
import '../room/events.js';

/**
 * Sets the room of a show: cover, featured SKUs (the store's own), who may enter. An invite-only
 * room gets a share-link token the first time (and a new one on `rotateInvite`); a room opened
 * to the public keeps its token so switching back does not break links already shared.
 * `onChanged` runs after commit (the room's access cache forgets the show).
 */
export async function setRoomSettings(
  ctx: Ctx,
  slug: string,
  showId: string,
  input: z.output<typeof ShowRoomSettingsBody>,
  onChanged: (showId: string) => void = () => {},
): Promise<ShowRoomSettings> {
  if (input.skuIds) await checkSkus(ctx, input.skuIds);
  return inTx(ctx, async (tx) => {
    await showOfStore(tx, showId);
    const old = await extrasOf(tx, showId);
    const access = input.access ?? old?.access ?? 'public';
    let inviteToken = old?.inviteToken ?? null;
    if (input.rotateInvite || (access === 'invite' && !inviteToken)) inviteToken = newInviteToken();
    const values = {
      coverImageUrl: input.coverImageUrl !== undefined ? input.coverImageUrl : (old?.coverImageUrl ?? null),
      skuIds: input.skuIds ?? old?.skuIds ?? [],
      access,
      inviteToken,
      updatedAt: tx.clock.now(),
    };
    const [row] = await tx.db
      .insert(liveShowExtras)
      .values({ showId, orgId: tx.orgId, storeId: tx.storeId, ...values })
      .onConflictDoUpdate({ target: liveShowExtras.showId, set: values })
      .returning();
    await emit(tx, 'live.room_settings_changed', {
      showId,
      access,
      skuIds: values.skuIds,
      inviteRotated: Boolean(input.rotateInvite) || inviteToken !== (old?.inviteToken ?? null),
    });
    tx.afterCommit(() => onChanged(showId));
    return presentSettings(slug, showId, row!);
  });
}
