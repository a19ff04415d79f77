import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Actor, Db, StaffRole } from '../../kernel/ctx.js';
import { newId } from '../../kernel/ids.js';
import { readLiveSession } from './session-batch.js';
import { forget, recall, remember } from './session-cache.js';
import { sessions, staffAccounts, staffMemberships } from './tables.js';

export const SESSION_DAYS = { staff: 7, customer: 30 } as const;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionInfo {
  sessionId: string;
  orgId: string;
  storeId: string;
  actor: Actor;
}

export async function createSession(
  db: Db,
  s: { kind: 'staff' | 'customer'; orgId: string; storeId: string; subjectId: string; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(s.now.getTime() + SESSION_DAYS[s.kind] * 86_400_000);
  await db.insert(sessions).values({
    id: newId(),
    tokenHash: hashToken(token),
    kind: s.kind,
    orgId: s.orgId,
    storeId: s.storeId,
    subjectId: s.subjectId,
    expiresAt,
  });
  return { token, expiresAt };
}

export async function revokeSession(db: Db, token: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, hashToken(token)));
  forget(db, hashToken(token));
}

/** The actor behind a cookie token, or null when unknown, expired, revoked or no longer a member. */
export async function resolveSession(db: Db, token: string, now: Date): Promise<SessionInfo | null> {
  const tokenHash = hashToken(token);
  const memo = recall<SessionInfo>(db, tokenHash, now);
  if (memo) return memo;
  const s = await readLiveSession(db, tokenHash, now);
  if (!s) return null;
  if (s.kind === 'customer') {
    const info: SessionInfo = { sessionId: s.id, orgId: s.orgId, storeId: s.storeId, actor: { kind: 'customer', customerId: s.subjectId } };
    remember(db, tokenHash, info, s.expiresAt);
    return info;
  }
  const [m] = await db
    .select({ role: staffMemberships.role, name: staffAccounts.name, active: staffAccounts.active })
    .from(staffMemberships)
    .innerJoin(staffAccounts, eq(staffAccounts.id, staffMemberships.staffId))
    .where(and(eq(staffMemberships.staffId, s.subjectId), eq(staffMemberships.storeId, s.storeId)))
    .limit(1);
  if (!m || !m.active) return null;
  return {
    sessionId: s.id,
    orgId: s.orgId,
    storeId: s.storeId,
    actor: { kind: 'staff', staffId: s.subjectId, role: m.role as StaffRole, name: m.name },
  };
}
