import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newId } from '../../kernel/ids.js';
import { makeTenant } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { SESSION_MEMO_MS } from './session-cache.js';
import { createSession, resolveSession, revokeSession } from './session.repo.js';
import { sessions } from './tables.js';

describe('customer sessions memoised for a second', async () => {
  const database = await createTestDatabase();
  const db = database.db;

  it('answers from memory, forgets a logout at once, honours one from elsewhere within the memo time and never outlives expiry', async () => {
    const tenant = await makeTenant(db);
    const now = new Date();
    const customerId = newId();
    const s = await createSession(db, { kind: 'customer', orgId: tenant.orgId, storeId: tenant.storeId, subjectId: customerId, now });
    const first = await resolveSession(db, s.token, now);
    expect(first?.actor).toEqual({ kind: 'customer', customerId });

    // revoked here: gone at once
    await revokeSession(db, s.token, now);
    expect(await resolveSession(db, s.token, now)).toBeNull();

    // revoked by another process (the row only): honoured once the memo time has passed
    const t = await createSession(db, { kind: 'customer', orgId: tenant.orgId, storeId: tenant.storeId, subjectId: customerId, now });
    expect(await resolveSession(db, t.token, now)).not.toBeNull();
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.subjectId, customerId));
    await new Promise((r) => setTimeout(r, SESSION_MEMO_MS + 50));
    expect(await resolveSession(db, t.token, now)).toBeNull();

    // a memoised session never answers past its expiry
    const u = await createSession(db, { kind: 'customer', orgId: tenant.orgId, storeId: tenant.storeId, subjectId: newId(), now });
    expect(await resolveSession(db, u.token, now)).not.toBeNull();
    expect(await resolveSession(db, u.token, new Date(u.expiresAt.getTime() + 1))).toBeNull();
  });

  it('looks up neighbours arriving together in one read, each answered by its own session and its own clock', async () => {
    const tenant = await makeTenant(db);
    const now = new Date();
    const mk = () => createSession(db, { kind: 'customer', orgId: tenant.orgId, storeId: tenant.storeId, subjectId: newId(), now });
    const [a, b, c] = [await mk(), await mk(), await mk()];
    await revokeSession(db, b.token, now);
    const late = new Date(c.expiresAt.getTime() + 1);
    const answers = await Promise.all([
      resolveSession(db, a.token, now),
      resolveSession(db, b.token, now),
      resolveSession(db, a.token, now),
      resolveSession(db, 'no-such-token', now),
      resolveSession(db, c.token, late),
      resolveSession(db, c.token, now),
    ]);
    const who = answers.map((s) => (s?.actor.kind === 'customer' ? s.actor.customerId : null));
    expect(who[0]).not.toBeNull();
    expect(who[2]).toBe(who[0]);
    expect(who[1]).toBeNull(); // revoked
    expect(who[3]).toBeNull(); // unknown
    expect(who[4]).toBeNull(); // expired at the caller's own clock, though alive at the others'
    expect(who[5]).not.toBeNull();
    expect(who[5]).not.toBe(who[0]);
  });
});

