import { performance } from 'node:perf_hooks';
import type { Db } from '../../kernel/ctx.js';

/**
 * A short-lived in-process memo of neighbours' (customer) sessions by token hash, so a burst of
 * requests (a flash sale: thousands per second) does not look the same session up each time.
 * An entry lives SESSION_MEMO_MS at most and never past the session's expiry; a logout in this
 * process forgets it at once, one in another process is honoured within SESSION_MEMO_MS. Staff
 * sessions are never memoised (their role and membership are read every time).
 */
export const SESSION_MEMO_MS = 1000;
const MAX_ENTRIES = 100_000;

interface Entry<T> { value: T; until: number; expiresAt: number }
const memos = new WeakMap<Db, Map<string, Entry<unknown>>>();

function memoOf(db: Db): Map<string, Entry<unknown>> {
  let m = memos.get(db);
  if (!m) memos.set(db, (m = new Map()));
  return m;
}

export function recall<T>(db: Db, tokenHash: string, now: Date): T | undefined {
  const m = memoOf(db);
  const e = m.get(tokenHash);
  if (!e) return undefined;
  if (e.until < performance.now() || e.expiresAt <= now.getTime()) {
    m.delete(tokenHash);
    return undefined;
  }
  return e.value as T;
}

export function remember<T>(db: Db, tokenHash: string, value: T, expiresAt: Date): void {
  const m = memoOf(db);
  if (m.size >= MAX_ENTRIES) m.clear();
  m.set(tokenHash, { value, until: performance.now() + SESSION_MEMO_MS, expiresAt: expiresAt.getTime() });
}

export function forget(db: Db, tokenHash: string): void {
  memos.get(db)?.delete(tokenHash);
}
