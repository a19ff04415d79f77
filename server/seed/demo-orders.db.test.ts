import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-db.js';
import { makeTenant } from '../testing/factories.js';
import { listOrders } from '../modules/orders/index.js';
import { seedDemoCatalog } from './demo-catalog.js';
import { seedDemoNeighbours } from './demo-neighbours.js';
import { seedDemoOrders } from './demo-orders.js';

describe('demo orders', async () => {
  const database = await createTestDatabase();

  it('seeds orders in the states the console and counter show, with the money consistent', async () => {
    const tenant = await makeTenant(database.db);
    const ctx = tenant.ctx();
    await seedDemoCatalog(ctx);
    await seedDemoNeighbours(ctx);
    await seedDemoOrders(ctx);
    const all = await listOrders(ctx);
    expect(all.map((o) => o.status).sort()).toEqual(['cancelled', 'pending_payment', 'picked_up', 'ready_for_pickup', 'ready_for_pickup', 'ready_for_pickup']);
    expect(all.filter((o) => o.refundState === 'partial')).toHaveLength(1);
    for (const o of all) expect(o.refundedFen).toBeLessThanOrEqual(o.paidFen);
    expect(all.find((o) => o.paymentMethod === 'pay_at_pickup' && o.status === 'ready_for_pickup')?.paidFen).toBe(0);
  });
});
