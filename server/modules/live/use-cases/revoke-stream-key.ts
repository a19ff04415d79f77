import { eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import type { StreamKeyView } from '../contract.js';
import { presentKey, streamKeyOfStore } from '../stream-key.repo.js';
import { liveStreamKeys } from '../tables.js';
import type { StreamKeyListener } from './create-stream-key.js';

/**
 * The key stops working for good and its publisher is dropped; a show it carried ends after the
 * grace period like any lost stream. Revoking a revoked key changes nothing (safe to retry).
 */
export async function revokeStreamKey(ctx: Ctx, keyId: string, listener: StreamKeyListener): Promise<StreamKeyView> {
  return inTx(ctx, async (tx) => {
    const found = await streamKeyOfStore(tx, keyId);
    if (found.key.status === 'revoked') return presentKey(found.key, found.hostName);
    const [r] = await tx.db
      .update(liveStreamKeys)
      .set({ status: 'revoked', revokedAt: tx.clock.now() })
      .where(eq(liveStreamKeys.id, keyId))
      .returning();
    await emit(tx, 'live.stream_key_revoked', { streamKeyId: keyId });
    tx.afterCommit(() => listener.deactivated(keyId));
    return presentKey(r!, found.hostName);
  });
}
