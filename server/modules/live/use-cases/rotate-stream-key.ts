import { eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import type { StreamKeyView } from '../contract.js';
import { newStreamKey, presentKey, streamKeyOfStore } from '../stream-key.repo.js';
import { liveStreamKeys } from '../tables.js';
import type { StreamKeyListener } from './create-stream-key.js';

/**
 * A new secret for the same key (a leak, a departed helper): the old secret stops working at
 * once and its publisher is dropped. The key id stays, so a host who re-enters the new key
 * within the grace period continues the same show.
 */
export async function rotateStreamKey(
  ctx: Ctx,
  keyId: string,
  listener: StreamKeyListener,
): Promise<{ view: StreamKeyView; streamKey: string }> {
  const { key, hash, hint } = newStreamKey();
  const { row, hostName } = await inTx(ctx, async (tx) => {
    const found = await streamKeyOfStore(tx, keyId);
    if (found.key.status !== 'active') throw new AppError('STREAM_KEY_REVOKED', { id: keyId });
    const [r] = await tx.db
      .update(liveStreamKeys)
      .set({ keyHash: hash, keyHint: hint, rotatedAt: tx.clock.now() })
      .where(eq(liveStreamKeys.id, keyId))
      .returning();
    await emit(tx, 'live.stream_key_rotated', { streamKeyId: keyId });
    tx.afterCommit(() => {
      listener.deactivated(keyId);
      listener.activated(hash, { channelId: keyId, orgId: r!.orgId, storeId: r!.storeId, hostStaffId: r!.hostStaffId });
    });
    return { row: r!, hostName: found.hostName };
  });
  return { view: presentKey(row, hostName), streamKey: key };
}
