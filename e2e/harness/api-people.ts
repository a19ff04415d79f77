import { expect } from 'vitest';
import { until } from '../../server/testing/until.js';
import { ApiClient } from './server.js';

export { until };

/** 老赵, the demo store's owner, signed in over the API. */
export async function ownerApi(baseUrl: string): Promise<ApiClient> {
  const api = new ApiClient(baseUrl);
  expect((await api.post('/api/auth/staff/login', { login: 'laozhao', password: 'linli-demo-2026' })).status).toBe(200);
  return api;
}

/** A neighbour signs in with a login code (the dev SMS adapter: the owner reads it in the outbox). */
export async function neighbourApi(baseUrl: string, slug: string, owner: ApiClient, phone: string): Promise<ApiClient> {
  const api = new ApiClient(baseUrl);
  expect((await api.post(`/api/shop/${slug}/auth/otp`, { phone })).status).toBe(200);
  const code = await until('the login code in the outbox', async () => {
    const page = (await owner.get<{ items: Array<{ phone: string; template: string; body: string }> }>('/api/console/outbox')).body;
    return page.items.find((m) => m.template === 'otp' && m.phone.endsWith(phone.slice(-4)))?.body.match(/\d{6}/)?.[0];
  });
  expect((await api.post(`/api/shop/${slug}/auth/login`, { phone, code })).status).toBe(200);
  return api;
}
