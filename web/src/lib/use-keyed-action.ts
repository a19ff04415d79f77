import { useState } from 'react';
import { useActionKey } from './action-key.js';

export type ActionResult<R> = { ok: true; value: R } | { ok: false };

/**
 * A write the user starts with a tap: one Idempotency-Key per action (the same key when they tap
 * again after a timeout, so the server answers the first request instead of doing it twice),
 * `busy` while it runs, a failure handed to `onError` (a toast).
 */
export function useKeyedAction(scope: unknown, onError: (e: unknown) => void) {
  const key = useActionKey(scope);
  const [busy, setBusy] = useState(false);
  const run = async <R>(fn: (idempotencyKey: string) => Promise<R>): Promise<ActionResult<R>> => {
    setBusy(true);
    try {
      const value = await fn(key.get());
      key.settle();
      return { ok: true, value };
    } catch (e) {
      key.settle(e);
      onError(e);
      return { ok: false };
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
