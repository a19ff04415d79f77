import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx, Db } from '../../kernel/ctx.js';
import { AppError } from '../../kernel/errors.js';
import { tenancyTables } from '../tenancy/index.js';
import type { StreamKeyView } from './contract.js';
import { liveStreamKeys } from './tables.js';

const { staffAccounts, staffMemberships } = tenancyTables;

/** What a valid stream key lets its pusher do: publish for this store, as this host. */
export interface LiveGrant {
  /** the stream key's id: a rotated key keeps it, so a show survives a rotation */
  channelId: string;
  orgId: string;
  storeId: string;
  hostStaffId: string;
}

/** `lk_` + 192 random bits, URL- and RTMP-path-safe (NMS allows [A-Za-z0-9_-]) */
export function newStreamKey(): { key: string; hash: string; hint: string } {
  const key = `lk_${randomBytes(24).toString('base64url')}`;
  return { key, hash: hashStreamKey(key), hint: key.slice(-4) };
}

export const hashStreamKey = (key: string): string => createHash('sha256').update(key).digest('hex');

type KeyRow = typeof liveStreamKeys.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentKey(row: KeyRow, hostName: string): StreamKeyView {
  return {
    id: row.id,
    label: row.label,
    host: { staffId: row.hostStaffId, name: hostName },
    keyHint: `…${row.keyHint}`,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    rotatedAt: iso(row.rotatedAt),
    revokedAt: iso(row.revokedAt),
    lastPublishedAt: iso(row.lastPublishedAt),
  };
}

export async function listStreamKeys(ctx: Ctx): Promise<StreamKeyView[]> {
  const rows = await ctx.db
    .select({ key: liveStreamKeys, hostName: staffAccounts.name })
    .from(liveStreamKeys)
    .innerJoin(staffAccounts, eq(staffAccounts.id, liveStreamKeys.hostStaffId))
    .where(eq(liveStreamKeys.storeId, ctx.storeId))
    .orderBy(asc(liveStreamKeys.status), asc(liveStreamKeys.createdAt));
  return rows.map((r) => presentKey(r.key, r.hostName));
}

/** A key of the ctx's store (locked for update inside a transaction), or STREAM_KEY_NOT_FOUND. */
export async function streamKeyOfStore(ctx: Ctx, id: string): Promise<{ key: KeyRow; hostName: string }> {
  const q = ctx.db
    .select({ key: liveStreamKeys, hostName: staffAccounts.name })
    .from(liveStreamKeys)
    .innerJoin(staffAccounts, eq(staffAccounts.id, liveStreamKeys.hostStaffId))
    .where(and(eq(liveStreamKeys.id, id), eq(liveStreamKeys.storeId, ctx.storeId)))
    .limit(1);
  const [row] = ctx.inTx ? await q.for('update', { of: liveStreamKeys }) : await q;
  if (!row) throw new AppError('STREAM_KEY_NOT_FOUND', { id });
  return row;
}

/** The host must be an active staff member of the ctx's store; returns their name. */
export async function hostOfStore(ctx: Ctx, staffId: string): Promise<string> {
  const [row] = await ctx.db
    .select({ name: staffAccounts.name, active: staffAccounts.active })
    .from(staffMemberships)
    .innerJoin(staffAccounts, eq(staffAccounts.id, staffMemberships.staffId))
    .where(and(eq(staffMemberships.staffId, staffId), eq(staffMemberships.storeId, ctx.storeId)))
    .limit(1);
  if (!row || !row.active) throw new AppError('LIVE_HOST_INVALID', { hostStaffId: staffId });
  return row.name;
}

/** Every active key of every store (the media server's in-memory registry; a system read). */
export async function activeKeyGrants(db: Db): Promise<Array<{ hash: string; grant: LiveGrant }>> {
  const rows = await db.select().from(liveStreamKeys).where(eq(liveStreamKeys.status, 'active'));
  return rows.map((r) => ({
    hash: r.keyHash,
    grant: { channelId: r.id, orgId: r.orgId, storeId: r.storeId, hostStaffId: r.hostStaffId },
  }));
}

export async function markKeyPublished(ctx: Ctx, keyId: string): Promise<void> {
  await ctx.db
    .update(liveStreamKeys)
    .set({ lastPublishedAt: ctx.clock.now() })
    .where(and(eq(liveStreamKeys.id, keyId), eq(liveStreamKeys.storeId, ctx.storeId)));
}
