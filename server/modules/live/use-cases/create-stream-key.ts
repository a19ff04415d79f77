import type { z } from 'zod';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { CreateStreamKeyBody, StreamKeyView } from '../contract.js';
import { hostOfStore, newStreamKey, presentKey, type LiveGrant } from '../stream-key.repo.js';
import { liveStreamKeys } from '../tables.js';

/** Told after commit, so the media server's registry follows the table. */
export interface StreamKeyListener {
  activated(hash: string, grant: LiveGrant): void;
  /** the key no longer works: forget it and drop its publisher, if any */
  deactivated(keyId: string): void;
}

/**
 * The owner or a manager creates a stream key for a host of the store. The key is returned once,
 * here, and stored only as a hash. Not idempotent on purpose: an idempotency record would keep
 * the key in clear; a retried create makes a second key, which can be revoked.
 */
export async function createStreamKey(
  ctx: Ctx,
  input: z.output<typeof CreateStreamKeyBody>,
  listener: StreamKeyListener,
): Promise<{ view: StreamKeyView; streamKey: string }> {
  if (ctx.actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  const hostStaffId = input.hostStaffId ?? ctx.actor.staffId;
  const hostName = await hostOfStore(ctx, hostStaffId);
  const { key, hash, hint } = newStreamKey();
  const id = newId();
  const row = await inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(liveStreamKeys)
      .values({ id, orgId: tx.orgId, storeId: tx.storeId, hostStaffId, label: input.label, keyHash: hash, keyHint: hint, createdAt: tx.clock.now() })
      .returning();
    await emit(tx, 'live.stream_key_created', { streamKeyId: id, hostStaffId });
    tx.afterCommit(() => listener.activated(hash, { channelId: id, orgId: tx.orgId, storeId: tx.storeId, hostStaffId }));
    return r!;
  });
  return { view: presentKey(row, hostName), streamKey: key };
}
