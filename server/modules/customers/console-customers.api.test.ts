import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/api.js';
import { makeTenant, TEST_PASSWORD } from '../../testing/factories.js';
import { findOrCreateCustomerByPhone } from './index.js';
import { loginNeighbour, staffLogin } from './testing.js';

describe('console: neighbours of the store', async () => {
  const t = await createTestApp();
  const db = t.database.db;

  it("lists the store's own neighbours with full phones, searchable by phone ending or name, page by page", async () => {
    const mine = await makeTenant(db, { clock: t.clock });
    const other = await makeTenant(db, { clock: t.clock });
    for (const [i, name] of ['张阿姨', '李大爷', '王姐'].entries()) {
      await findOrCreateCustomerByPhone(mine.ctx(), `1380000000${i + 1}`, { name });
      t.clock.advance(1000);
    }
    await findOrCreateCustomerByPhone(other.ctx(), '13900000009', { name: '别家客人' });
    const clerk = await mine.addStaff('staff');
    const cookie = await staffLogin(t, clerk.login, TEST_PASSWORD);
    const list = async (qs: string) => (await t.app.inject({ method: 'GET', url: `/api/console/customers${qs}`, headers: { cookie } })).json();

    const all = await list('');
    expect(all.total).toBe(3);
    expect(all.items.map((c: { name: string }) => c.name)).toEqual(['王姐', '李大爷', '张阿姨']);
    expect(all.items[0].phone).toBe('13800000003');
    expect((await list('?q=0002')).items.map((c: { name: string }) => c.name)).toEqual(['李大爷']);
    expect((await list('?q=阿姨')).items.map((c: { name: string }) => c.name)).toEqual(['张阿姨']);
    expect((await list('?q=%25')).total).toBe(0);
    const page2 = await list('?page=2&pageSize=2');
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((c: { name: string }) => c.name)).toEqual(['张阿姨']);
  });

  it('is for staff only: a neighbour session or no session is refused', async () => {
    const tenant = await makeTenant(db, { clock: t.clock });
    const owner = await staffLogin(t, tenant.ownerLogin, TEST_PASSWORD);
    const neighbour = await loginNeighbour(t, tenant.slug, owner, '13600000001');
    const asNeighbour = await t.app.inject({ method: 'GET', url: '/api/console/customers', headers: { cookie: neighbour.cookie } });
    expect(asNeighbour.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/console/customers' })).statusCode).toBe(401);
    const asOwner = await t.app.inject({ method: 'GET', url: '/api/console/customers', headers: { cookie: owner } });
    expect(asOwner.json().items.map((c: { id: string }) => c.id)).toEqual([neighbour.customerId]);
  });
});
