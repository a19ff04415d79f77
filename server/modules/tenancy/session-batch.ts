import { and, inArray, isNull, gt } from 'drizzle-orm';
import type { Db } from '../../kernel/ctx.js';
import { sessions } from './tables.js';

export type SessionRow = typeof sessions.$inferSelect;

interface Waiter { now: number; resolve(row: SessionRow | null): void; reject(e: unknown): void }
interface Pending { byHash: Map<string, Waiter[]>; minNow: number }
interface Lane { next: Pending | null; reading: boolean }

/** Hashes read in one statement at most (a flash sale's burst is split into several). */
const MAX_BATCH = 1000;
const lanes = new WeakMap<Db, Lane>();

/**
 * The live (not revoked, not expired at the caller's `now`) session row of a token hash.
 * Concurrent callers are answered by one read: every lookup asked for before the event loop
 * next turns becomes one `token_hash in (…)` statement (a flash sale brings hundreds of
 * neighbours in the same moment; one indexed read each was the largest statement per order).
 * One read is in flight per database at a time; lookups asked for meanwhile wait for it and go
 * together in the next (on PGlite, whose one connection is busy with a batch's transaction,
 * they would queue one by one anyway).
 */
export function readLiveSession(db: Db, tokenHash: string, now: Date): Promise<SessionRow | null> {
  return new Promise((resolve, reject) => {
    let lane = lanes.get(db);
    if (!lane) lanes.set(db, (lane = { next: null, reading: false }));
    let p = lane.next;
    if (!p) {
      p = lane.next = { byHash: new Map(), minNow: Infinity };
      if (!lane.reading) {
        lane.reading = true;
        setImmediate(() => void flush(db, lane!));
      }
    }
    const t = now.getTime();
    p.minNow = Math.min(p.minNow, t);
    const list = p.byHash.get(tokenHash);
    const w = { now: t, resolve, reject };
    if (list) list.push(w);
    else p.byHash.set(tokenHash, [w]);
  });
}

async function flush(db: Db, lane: Lane): Promise<void> {
  const p = lane.next;
  lane.next = null;
  try {
    if (p) await read(db, p);
  } finally {
    if (lane.next) setImmediate(() => void flush(db, lane));
    else lane.reading = false;
  }
}

async function read(db: Db, p: Pending): Promise<void> {
  const hashes = [...p.byHash.keys()];
  for (let i = 0; i < hashes.length; i += MAX_BATCH) {
    const part = hashes.slice(i, i + MAX_BATCH);
    let rows: SessionRow[];
    try {
      rows = await db
        .select()
        .from(sessions)
        .where(and(inArray(sessions.tokenHash, part), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date(p.minNow))));
    } catch (e) {
      for (const h of part) for (const w of p.byHash.get(h)!) w.reject(e);
      continue;
    }
    const found = new Map(rows.map((r) => [r.tokenHash, r]));
    for (const h of part) {
      const row = found.get(h) ?? null;
      // each caller's own clock: a row alive at the batch's earliest `now` may have expired by a later one
      for (const w of p.byHash.get(h)!) w.resolve(row && row.expiresAt.getTime() > w.now ? row : null);
    }
  }
}
