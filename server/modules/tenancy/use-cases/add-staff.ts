import type { z } from 'zod';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTx } from '../../../db/tx.js';
import type { CreateStaffBody } from '../contract.js';
import { hashPassword } from '../password.js';
import { staffAccounts, staffMemberships } from '../tables.js';
import { findStaffByLogin } from '../tenancy.repo.js';

/** The owner or a manager adds a staff account to the current store. */
export async function addStaff(ctx: Ctx, input: z.infer<typeof CreateStaffBody>): Promise<{ id: string }> {
  if (await findStaffByLogin(ctx.db, input.login)) throw new AppError('CONFLICT', { field: 'login' });
  const id = newId();
  const passwordHash = await hashPassword(input.password);
  await inTx(ctx, async (tx) => {
    await tx.db.insert(staffAccounts).values({ id, orgId: tx.orgId, login: input.login, name: input.name, passwordHash });
    await tx.db.insert(staffMemberships).values({ staffId: id, storeId: tx.storeId, role: input.role });
  });
  return { id };
}
