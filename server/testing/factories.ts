import { randomBytes } from 'node:crypto';
import type { Clock } from '../kernel/clock.js';
import { systemClock } from '../kernel/clock.js';
import type { Actor, Ctx, Db, StaffRole } from '../kernel/ctx.js';
import { newId } from '../kernel/ids.js';
import { createOrganisation } from '../modules/tenancy/index.js';
import { staffAccounts, staffMemberships } from '../modules/tenancy/tables.js';

export const TEST_PASSWORD = 'test-password-1';

export interface Tenant {
  orgId: string;
  storeId: string;
  slug: string;
  ownerId: string;
  ownerLogin: string;
  /** a context acting as the owner (or as `actor`) in this store */
  ctx(actor?: Actor): Ctx;
  /** adds a staff account with a role; returns its id and login */
  addStaff(role: StaffRole): Promise<{ id: string; login: string }>;
}

/** Each test builds its own organisation and store: no shared fixtures between tests. */
export async function makeTenant(db: Db, opts: { clock?: Clock; outboxWake?: () => void } = {}): Promise<Tenant> {
  const tag = randomBytes(4).toString('hex');
  const ownerLogin = `owner_${tag}`;
  const slug = `store-${tag}`;
  const ids = await createOrganisation(db, {
    name: `Org ${tag}`,
    store: { slug, name: `测试门店 ${tag}` },
    owner: { login: ownerLogin, name: '店主', password: TEST_PASSWORD },
  });
  const clock = opts.clock ?? systemClock;
  const ownerActor: Actor = { kind: 'staff', staffId: ids.ownerId, role: 'owner', name: '店主' };
  return {
    ...ids,
    slug,
    ownerLogin,
    ctx: (actor = ownerActor) => ({
      orgId: ids.orgId,
      storeId: ids.storeId,
      actor,
      db,
      inTx: false,
      clock,
      lang: 'zh-CN',
      afterCommit: (fn) => fn(),
      outboxWake: opts.outboxWake ?? (() => {}),
    }),
    async addStaff(role) {
      const id = newId();
      const login = `${role}_${randomBytes(4).toString('hex')}`;
      const { hashPassword } = await import('../modules/tenancy/password.js');
      await db.insert(staffAccounts).values({ id, orgId: ids.orgId, login, name: role, passwordHash: await hashPassword(TEST_PASSWORD) });
      await db.insert(staffMemberships).values({ staffId: id, storeId: ids.storeId, role });
      return { id, login };
    },
  };
}
