import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-db.js';
import { makeTenant } from '../testing/factories.js';
import { customerTables } from '../modules/customers/index.js';
import { DEMO_NEIGHBOURS, seedDemoNeighbours } from './demo-neighbours.js';

describe('demo neighbours', async () => {
  const database = await createTestDatabase();

  it('seeds a dozen named neighbours with distinct phones, and seeding again adds none', async () => {
    const tenant = await makeTenant(database.db);
    await seedDemoNeighbours(tenant.ctx());
    await seedDemoNeighbours(tenant.ctx());
    const rows = await database.db.select().from(customerTables.customers).where(eq(customerTables.customers.orgId, tenant.orgId));
    expect(rows).toHaveLength(DEMO_NEIGHBOURS.length);
    expect(DEMO_NEIGHBOURS.length).toBe(12);
    expect(rows.find((r) => r.phone === '13800000001')?.name).toBe('张阿姨');
  });
});
