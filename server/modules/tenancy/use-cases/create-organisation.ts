import type { Db } from '../../../kernel/ctx.js';
import { newId } from '../../../kernel/ids.js';
import { hashPassword } from '../password.js';
import { organisations, staffAccounts, staffMemberships, stores } from '../tables.js';

export interface NewOrganisation {
  name: string;
  store: { slug: string; name: string; address?: string; phone?: string };
  owner: { login: string; name: string; password: string };
}

export interface CreatedOrganisation {
  orgId: string;
  storeId: string;
  ownerId: string;
}

/** Sign-up of a new business: its organisation, first store and owner, in one transaction. */
export async function createOrganisation(db: Db, input: NewOrganisation): Promise<CreatedOrganisation> {
  const ids = { orgId: newId(), storeId: newId(), ownerId: newId() };
  const passwordHash = await hashPassword(input.owner.password);
  await db.transaction(async (tx) => {
    await tx.insert(organisations).values({ id: ids.orgId, name: input.name });
    await tx.insert(stores).values({
      id: ids.storeId,
      orgId: ids.orgId,
      slug: input.store.slug,
      name: input.store.name,
      address: input.store.address ?? '',
      phone: input.store.phone ?? '',
    });
    await tx.insert(staffAccounts).values({
      id: ids.ownerId,
      orgId: ids.orgId,
      login: input.owner.login,
      name: input.owner.name,
      passwordHash,
    });
    await tx.insert(staffMemberships).values({ staffId: ids.ownerId, storeId: ids.storeId, role: 'owner' });
  });
  return ids;
}
