import type { Ctx } from '../../kernel/ctx.js';

/**
 * Runs `fn` in a savepoint of the current transaction: when it throws, only its own writes are
 * undone and the caller's transaction goes on. After-commit hooks it registered are kept only
 * when it succeeds.
 */
export async function inSavepoint<T>(ctx: Ctx, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  if (!ctx.inTx) throw new Error('inSavepoint needs a transaction');
  const hooks: Array<() => void> = [];
  const result = await ctx.db.transaction(async (sp) =>
    fn({ ...ctx, db: sp as unknown as Ctx['db'], afterCommit: (h) => hooks.push(h) }),
  );
  for (const h of hooks) ctx.afterCommit(h);
  return result;
}
