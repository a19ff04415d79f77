import { describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../testing/api.js';
import { makeTenant, TEST_PASSWORD } from '../../testing/factories.js';
import { loginNeighbour, requestCode, staffLogin } from '../customers/testing.js';
import { notify } from './index.js';

describe('console outbox page', async () => {
  const t = await createTestApp();
  const db = t.database.db;

  it("shows the store's own messages newest first, delivered by the development adapter", async () => {
    const mine = await makeTenant(db, { clock: t.clock });
    const other = await makeTenant(db, { clock: t.clock });
    const owner = await staffLogin(t, mine.ownerLogin, TEST_PASSWORD);
    const outbox = async () => (await t.app.inject({ method: 'GET', url: '/api/console/outbox', headers: { cookie: owner } })).json();
    await requestCode(t, mine.slug, '13800000001');
    // the commit wakes the delivery (through the message's outbox event): no poll needed
    await vi.waitFor(async () => expect((await outbox()).items[0].status).toBe('sent'), { timeout: 5000 });
    t.clock.advance(1000);
    await notify(mine.ctx(), { to: { phone: '13800000002' }, template: 'generic', params: { text: '草莓到货' } });
    await notify(other.ctx(), { to: { phone: '13800000003' }, template: 'generic', params: { text: '别家的消息' } });
    await t.scheduler.runNow('notifications.deliver');
    const page = await outbox();
    expect(page.total).toBe(2);
    expect(page.items.map((m: { body: string }) => m.body)).toEqual([
      expect.stringContaining('草莓到货'),
      expect.stringMatching(/^【Org \w+】验证码 \d{6}，5分钟内有效$/),
    ]);
    expect(page.items.every((m: { status: string }) => m.status === 'sent')).toBe(true);
  });

  it('is for the owner and managers: a clerk and a neighbour are refused', async () => {
    const tenant = await makeTenant(db, { clock: t.clock });
    const owner = await staffLogin(t, tenant.ownerLogin, TEST_PASSWORD);
    const clerk = await tenant.addStaff('staff');
    const asClerk = await t.app.inject({ method: 'GET', url: '/api/console/outbox', headers: { cookie: await staffLogin(t, clerk.login, TEST_PASSWORD) } });
    expect(asClerk.statusCode).toBe(403);
    const neighbour = await loginNeighbour(t, tenant.slug, owner, '13800000009');
    const asNeighbour = await t.app.inject({ method: 'GET', url: '/api/console/outbox', headers: { cookie: neighbour.cookie } });
    expect(asNeighbour.statusCode).toBe(401);
  });
});
