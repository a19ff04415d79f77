import { systemCtx } from '../db/system-ctx.js';
import type { Db } from '../kernel/ctx.js';
import { newId } from '../kernel/ids.js';
import { createOrganisation, hashPassword, tenancyTables } from '../modules/tenancy/index.js';
import { seedDemoCatalog } from './demo-catalog.js';
import { seedDemoNeighbours } from './demo-neighbours.js';
import { seedDemoOrders } from './demo-orders.js';

export const DEMO = {
  slug: 'xiangkou',
  password: 'linli-demo-2026',
} as const;

/**
 * The demo store 巷口优选, seeded once into an empty database: owner 老赵, two staff, a dozen
 * neighbours, ~30 grocery products with stock and suppliers. A database that already has a store
 * is left alone, so a second start keeps everything.
 */
export async function seedDemoIfEmpty(db: Db): Promise<{ slug: string; seeded: boolean }> {
  const existing = await db.select({ slug: tenancyTables.stores.slug }).from(tenancyTables.stores).limit(1);
  if (existing.length > 0) return { slug: existing[0]!.slug, seeded: false };

  const ids = await createOrganisation(db, {
    name: '巷口优选',
    store: { slug: DEMO.slug, name: '巷口优选 · 幸福里店', address: '幸福里 12 号楼底商', phone: '021-5555-0101' },
    owner: { login: 'laozhao', name: '老赵', password: DEMO.password },
  });
  const hash = await hashPassword(DEMO.password);
  for (const s of [
    { login: 'xiaomei', name: '小美', role: 'staff' as const },
    { login: 'dagang', name: '大刚', role: 'manager' as const },
  ]) {
    const id = newId();
    await db.insert(tenancyTables.staffAccounts).values({ id, orgId: ids.orgId, login: s.login, name: s.name, passwordHash: hash });
    await db.insert(tenancyTables.staffMemberships).values({ staffId: id, storeId: ids.storeId, role: s.role });
  }
  const ctx = systemCtx(db, ids, 'seed');
  void ctx; // each module's demo data is added below, in dependency order
  // seed: catalog + stock
  await seedDemoCatalog(ctx);
  // seed: neighbours
  await seedDemoNeighbours(ctx);
  // seed: orders
  await seedDemoOrders(ctx);
  return { slug: DEMO.slug, seeded: true };
}
