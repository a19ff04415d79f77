import { useRef } from 'react';
import { isApiError } from '../api/client.js';
import { newId } from './ids.js';

export interface ActionKey {
  /** the key of the current action; the same until it succeeds, gets a definite no, or `scope` changes */
  get(): string;
  /** call after the outcome is known: a success, or an error the same request would repeat */
  settle(err?: unknown): void;
}

/**
 * One Idempotency-Key per user action. Pressing "pay" again after a timeout resends the same key,
 * so the server replays the first answer instead of charging twice; changing what is being sent
 * (`scope`) starts a new action.
 */
export function useActionKey(scope: unknown = null): ActionKey {
  const ref = useRef<{ scope: string; key: string } | null>(null);
  const s = JSON.stringify(scope ?? null);
  return {
    get() {
      if (!ref.current || ref.current.scope !== s) ref.current = { scope: s, key: newId() };
      return ref.current.key;
    },
    settle(err?: unknown) {
      if (err === undefined || (isApiError(err) && err.definite)) ref.current = null;
    },
  };
}
