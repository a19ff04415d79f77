import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { inTx } from '../db/tx.js';
import type { Ctx } from '../kernel/ctx.js';
import { AppError } from '../kernel/errors.js';
import { idempotencyKeys } from './tables.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** JSON with sorted keys, so the same body hashes the same whatever its key order. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(stable(body)).digest('hex');
}

/**
 * Runs a retryable write once per (store, scope, key). The key row is inserted in the write's own
 * transaction: a write that fails leaves no key behind, and a concurrent duplicate waits on the
 * key's unique index until the first commits, then reads its result.
 * Same key + same body → the same result; same key + another body → IDEMPOTENCY_KEY_REUSED.
 */
export async function idempotent<T>(
  ctx: Ctx,
  scope: string,
  key: string | undefined,
  body: unknown,
  fn: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  if (!key || key.length < 8 || key.length > 200) throw new AppError('IDEMPOTENCY_KEY_REQUIRED');
  const hash = requestHash(body);
  return inTx(ctx, async (tx) => {
    const inserted = await tx.db
      .insert(idempotencyKeys)
      .values({ storeId: tx.storeId, scope, key, requestHash: hash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length === 0) {
      const [row] = await tx.db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.storeId, tx.storeId), eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      if (!row) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
      if (row.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED', { key });
      return row.response as T;
    }
    // the first answer is returned as the stored JSON, so a replay is identical to it
    const result = JSON.parse(JSON.stringify(await fn(tx))) as T;
    await tx.db
      .update(idempotencyKeys)
      .set({ response: result as object })
      .where(and(eq(idempotencyKeys.storeId, tx.storeId), eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    return result;
  });
}
