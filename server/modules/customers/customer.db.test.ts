import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outboxEvents } from '../../events/tables.js';
import { newId } from '../../kernel/ids.js';
import { isAppError } from '../../kernel/errors.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { makeTenant } from '../../testing/factories.js';
import { tenancyTables } from '../tenancy/index.js';
import { findOrCreateCustomerByPhone, getCustomers } from './index.js';
import { customerStores } from './tables.js';

describe('customer identity', async () => {
  const database = await createTestDatabase();
  const db = database.db;

  it('is one neighbour per phone in an organisation, however the number is typed, in every store', async () => {
    const tenant = await makeTenant(db);
    const storeB = newId();
    await db.insert(tenancyTables.stores).values({ id: storeB, orgId: tenant.orgId, slug: `${tenant.slug}-b`, name: '二号店' });
    const a = await findOrCreateCustomerByPhone(tenant.ctx(), '138 1234 1234', { name: '张阿姨' });
    const b = await findOrCreateCustomerByPhone({ ...tenant.ctx(), storeId: storeB }, '+8613812341234');
    expect(a.created).toBe(true);
    expect(b).toEqual({ customerId: a.customerId, created: false });
    const links = await db.select().from(customerStores).where(eq(customerStores.customerId, a.customerId));
    expect(links.map((l) => l.storeId).sort()).toEqual([tenant.storeId, storeB].sort());
    const created = await db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.orgId, tenant.orgId), eq(outboxEvents.type, 'customer.created')));
    expect(created.map((e) => e.payload)).toEqual([{ customerId: a.customerId, firstStoreId: tenant.storeId }]);
  });

  it('keeps organisations apart: same phone, two neighbours; ids of another organisation are not found', async () => {
    const a = await makeTenant(db);
    const b = await makeTenant(db);
    const inA = await findOrCreateCustomerByPhone(a.ctx(), '13812345678');
    const inB = await findOrCreateCustomerByPhone(b.ctx(), '13812345678');
    expect(inA.customerId).not.toBe(inB.customerId);
    const seenByB = await getCustomers(b.ctx(), [inA.customerId, inB.customerId]);
    expect([...seenByB.keys()]).toEqual([inB.customerId]);
  });

  it('creates one neighbour when the same phone arrives at once from several places', async () => {
    const tenant = await makeTenant(db);
    const results = await Promise.all(Array.from({ length: 8 }, () => findOrCreateCustomerByPhone(tenant.ctx(), '13700001111')));
    expect(new Set(results.map((r) => r.customerId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it('refuses what is not a mainland mobile number', async () => {
    const tenant = await makeTenant(db);
    for (const bad of ['12812341234', '1381234123', '021-55550101', 'abc']) {
      const err = await findOrCreateCustomerByPhone(tenant.ctx(), bad).catch((e: unknown) => e);
      expect(isAppError(err, 'PHONE_INVALID')).toBe(true);
    }
  });
});
