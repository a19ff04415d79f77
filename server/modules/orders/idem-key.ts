import { IDEMPOTENCY_HEADER } from '../../idempotency/idempotent.js';

/** The Idempotency-Key header of a request (the first one if sent twice). */
export function idempotencyKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const v = headers[IDEMPOTENCY_HEADER];
  return Array.isArray(v) ? v[0] : v;
}
