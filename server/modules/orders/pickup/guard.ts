import { MINUTE } from '../../../kernel/clock.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { insertMiss, missesSince } from './pickup.repo.js';

/**
 * Codes must not be guessable: lookups that match nothing are counted per staff member (a new
 * login does not reset it) and per store; past the limit every lookup is refused for a while.
 */
export const MISS_WINDOW_MS = 5 * MINUTE;
export const MAX_MISSES_PER_STAFF = 10;
export const MAX_MISSES_PER_STORE = 30;

export function counterStaffId(ctx: Ctx): string {
  if (ctx.actor.kind !== 'staff') throw new AppError('FORBIDDEN', { need: 'staff' });
  return ctx.actor.staffId;
}

export async function assertNotGuessing(ctx: Ctx): Promise<void> {
  const staffId = counterStaffId(ctx);
  const m = await missesSince(ctx, new Date(ctx.clock.now().getTime() - MISS_WINDOW_MS), staffId);
  if (m.staff >= MAX_MISSES_PER_STAFF || m.store >= MAX_MISSES_PER_STORE) {
    throw new AppError('RATE_LIMITED', { retryAfterSeconds: MISS_WINDOW_MS / 1000 });
  }
}

/** Called with the request's ctx after the failed transaction, so the miss counts. */
export async function recordMiss(ctx: Ctx, code: string): Promise<void> {
  await insertMiss(ctx, counterStaffId(ctx), code);
}
