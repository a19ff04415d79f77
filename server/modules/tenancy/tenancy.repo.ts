import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/ctx.js';
import { staffAccounts, staffMemberships, stores } from './tables.js';

export async function findStaffByLogin(db: Db, login: string) {
  const [row] = await db
    .select()
    .from(staffAccounts)
    .where(sql`lower(${staffAccounts.login}) = lower(${login})`)
    .limit(1);
  return row ?? null;
}

export async function storesOfStaff(db: Db, staffId: string) {
  return db
    .select({ id: stores.id, slug: stores.slug, name: stores.name, orgId: stores.orgId, role: staffMemberships.role })
    .from(staffMemberships)
    .innerJoin(stores, eq(stores.id, staffMemberships.storeId))
    .where(eq(staffMemberships.staffId, staffId))
    .orderBy(asc(stores.createdAt));
}

export async function staffOfStore(db: Db, storeId: string) {
  return db
    .select({
      id: staffAccounts.id,
      login: staffAccounts.login,
      name: staffAccounts.name,
      role: staffMemberships.role,
      active: staffAccounts.active,
    })
    .from(staffMemberships)
    .innerJoin(staffAccounts, eq(staffAccounts.id, staffMemberships.staffId))
    .where(eq(staffMemberships.storeId, storeId))
    .orderBy(asc(staffAccounts.createdAt));
}

export async function storeById(db: Db, orgId: string, storeId: string) {
  const [row] = await db
    .select()
    .from(stores)
    .where(and(eq(stores.id, storeId), eq(stores.orgId, orgId)))
    .limit(1);
  return row ?? null;
}
