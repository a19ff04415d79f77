import { DAY, HOUR, MINUTE } from '../../kernel/clock.js';

const REFUND_RETRY_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR];

/** How long after its `attempts`-th failed attempt a refund is tried again: 1 min, 5 min, 30 min, 2 h, 6 h, then daily. */
export function refundRetryDelayMs(attempts: number): number {
  if (attempts < 1) return REFUND_RETRY_MS[0]!;
  return REFUND_RETRY_MS[attempts - 1] ?? DAY;
}
