import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { normalisePhone } from '../contract.js';
import { customerIdByPhone } from '../customer.repo.js';
import { customerStores, customers } from '../tables.js';
import '../events.js';

/**
 * The organisation's neighbour with this phone, created on first sight (login, counter sale,
 * group-buy sign-up) with the ctx's store as their first store. Also records that they use the
 * ctx's store. Safe under concurrent first sights: the unique (org, phone) index decides.
 */
export async function findOrCreateCustomerByPhone(
  ctx: Ctx,
  phone: string,
  profile: { name?: string; nickname?: string } = {},
): Promise<{ customerId: string; created: boolean }> {
  const normal = normalisePhone(phone);
  if (!normal) throw new AppError('PHONE_INVALID');
  return inTx(ctx, async (tx) => {
    const now = tx.clock.now();
    const [inserted] = await tx.db
      .insert(customers)
      .values({
        id: newId(),
        orgId: tx.orgId,
        phone: normal,
        name: profile.name?.trim() ?? '',
        nickname: profile.nickname?.trim() ?? '',
        firstStoreId: tx.storeId,
        createdAt: now,
      })
      .onConflictDoNothing({ target: [customers.orgId, customers.phone] })
      .returning({ id: customers.id });
    const customerId = inserted?.id ?? (await customerIdByPhone(tx, normal));
    if (!customerId) throw new Error(`customer ${normal} neither inserted nor found`);
    await tx.db
      .insert(customerStores)
      .values({ customerId, storeId: tx.storeId, orgId: tx.orgId, firstSeenAt: now })
      .onConflictDoNothing();
    if (inserted) await emit(tx, 'customer.created', { customerId, firstStoreId: tx.storeId });
    return { customerId, created: Boolean(inserted) };
  });
}
