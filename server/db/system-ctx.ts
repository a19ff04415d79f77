import type { Clock } from '../kernel/clock.js';
import { systemClock } from '../kernel/clock.js';
import type { Ctx, Db } from '../kernel/ctx.js';

/** A context for work no person started: jobs, the seed, event handlers. */
export function systemCtx(
  db: Db,
  scope: { orgId: string; storeId: string },
  job: string,
  opts: { clock?: Clock; outboxWake?: () => void } = {},
): Ctx {
  return {
    orgId: scope.orgId,
    storeId: scope.storeId,
    actor: { kind: 'system', job },
    db,
    inTx: false,
    clock: opts.clock ?? systemClock,
    lang: 'zh-CN',
    afterCommit: (fn) => fn(),
    outboxWake: opts.outboxWake ?? (() => {}),
  };
}
