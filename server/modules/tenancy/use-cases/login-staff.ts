import type { Clock } from '../../../kernel/clock.js';
import type { Db } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { dummyHash, verifyPassword } from '../password.js';
import { createSession } from '../session.repo.js';
import { findStaffByLogin, storesOfStaff } from '../tenancy.repo.js';

export interface StaffLogin {
  login: string;
  password: string;
  storeId?: string;
}

/** Checks the password (argon2id) and opens a session in one of the staff member's stores. */
export async function loginStaff(db: Db, clock: Clock, input: StaffLogin) {
  const staff = await findStaffByLogin(db, input.login);
  const ok = await verifyPassword(staff?.passwordHash ?? (await dummyHash()), input.password);
  if (!staff || !ok || !staff.active) throw new AppError('INVALID_CREDENTIALS');
  const memberships = await storesOfStaff(db, staff.id);
  const store = input.storeId ? memberships.find((m) => m.id === input.storeId) : memberships[0];
  if (!store) throw new AppError('FORBIDDEN', { reason: 'no membership in that store' });
  const session = await createSession(db, {
    kind: 'staff',
    orgId: staff.orgId,
    storeId: store.id,
    subjectId: staff.id,
    now: clock.now(),
  });
  return { ...session, staffId: staff.id };
}
