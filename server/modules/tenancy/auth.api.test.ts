import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/api.js';
import { makeTenant, TEST_PASSWORD } from '../../testing/factories.js';

describe('staff auth', async () => {
  const t = await createTestApp();
  const tenant = await makeTenant(t.database.db);

  it('logs in with argon2id, sets an httpOnly cookie, and knows who you are', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/staff/login',
      headers: { 'x-linli-csrf': '1' },
      payload: { login: tenant.ownerLogin, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const set = String(res.headers['set-cookie']);
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    const cookie = await t.loginStaff(tenant.ownerLogin, TEST_PASSWORD);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/staff/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ role: 'owner', store: { id: tenant.storeId } });
  });

  it('refuses a wrong password with a stable code in Chinese by default and English on request', async () => {
    const zh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/staff/login',
      headers: { 'x-linli-csrf': '1' },
      payload: { login: tenant.ownerLogin, password: 'wrong' },
    });
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: '账号或密码错误', details: {} });
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/staff/login',
      headers: { 'x-linli-csrf': '1', 'accept-language': 'en-US' },
      payload: { login: 'nobody', password: 'wrong' },
    });
    expect(en.json().message).toBe('Wrong account or password');
  });

  it('refuses a state-changing call without the CSRF header and changes nothing', async () => {
    const cookie = await t.loginStaff(tenant.ownerLogin, TEST_PASSWORD);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/console/staff',
      headers: { cookie },
      payload: { login: 'sneaky', name: 'x', password: 'password123', role: 'manager' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_HEADER_MISSING');
    const list = await t.app.inject({ method: 'GET', url: '/api/console/staff', headers: { cookie } });
    expect(list.json().map((s: { login: string }) => s.login)).not.toContain('sneaky');
  });

  it('lets only owners and managers manage staff', async () => {
    const clerk = await tenant.addStaff('staff');
    const cookie = await t.loginStaff(clerk.login, TEST_PASSWORD);
    const res = await t.app.inject({ method: 'GET', url: '/api/console/staff', headers: { cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('serves health and the OpenAPI document', async () => {
    expect((await t.app.inject('/api/health')).json()).toMatchObject({ ok: true });
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/auth/staff/login');
  });
});
