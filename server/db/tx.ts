import type { Ctx } from '../kernel/ctx.js';

/**
 * Runs `fn` in one transaction. Nested calls join the outer transaction. Hooks registered with
 * `ctx.afterCommit` run only once the outermost transaction has committed.
 */
export async function inTx<T>(ctx: Ctx, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.inTx) return fn(ctx);
  const hooks: Array<() => void> = [];
  const result = await ctx.db.transaction(async (tx) =>
    fn({ ...ctx, db: tx as unknown as Ctx['db'], inTx: true, afterCommit: (h) => hooks.push(h) }),
  );
  for (const h of hooks) h();
  return result;
}
