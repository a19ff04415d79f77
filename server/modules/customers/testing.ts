import { randomInt } from 'node:crypto';
import { CSRF_HEADER } from '../../http/csrf.js';
import type { TestApp } from '../../testing/api.js';

/** A fresh client address, so the per-IP limits of one test do not reach into another. */
export const someIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/**
 * Staff login from a fresh address (t.loginStaff always comes from 127.0.0.1, which the login
 * route allows 10 times a minute); `storeId` picks the store to act in.
 */
export async function staffLogin(t: TestApp, login: string, password: string, storeId?: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/staff/login',
    headers: { [CSRF_HEADER]: '1' },
    remoteAddress: someIp(),
    payload: { login, password, storeId },
  });
  if (res.statusCode !== 200) throw new Error(`staff login: ${res.statusCode} ${res.body}`);
  return `linli_staff=${res.cookies.find((c) => c.name === 'linli_staff')!.value}`;
}

export async function requestCode(t: TestApp, slug: string, phone: string, ip = someIp()) {
  return t.app.inject({
    method: 'POST',
    url: `/api/shop/${slug}/auth/otp`,
    headers: { [CSRF_HEADER]: '1' },
    remoteAddress: ip,
    payload: { phone },
  });
}

export async function submitCode(t: TestApp, slug: string, phone: string, code: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/shop/${slug}/auth/login`,
    headers: { [CSRF_HEADER]: '1' },
    remoteAddress: someIp(),
    payload: { phone, code },
  });
}

/** The newest login code for a phone, read off the console outbox page as the owner reads it. */
export async function codeFromOutbox(t: TestApp, ownerCookie: string, phone: string): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: '/api/console/outbox', headers: { cookie: ownerCookie } });
  if (res.statusCode !== 200) throw new Error(`outbox: ${res.statusCode} ${res.body}`);
  const msg = (res.json().items as Array<{ phone: string; template: string; body: string }>).find(
    (m) => m.phone === phone && m.template === 'otp',
  );
  const code = msg?.body.match(/验证码 (\d{6})/)?.[1];
  if (!code) throw new Error(`no login code for ${phone} in the outbox`);
  return code;
}

/**
 * Logs a neighbour in through the shop the way a person does (code from the outbox page);
 * returns the cookie header to send and their customer id.
 */
export async function loginNeighbour(t: TestApp, slug: string, ownerCookie: string, phone: string) {
  const sent = await requestCode(t, slug, phone);
  if (sent.statusCode !== 200) throw new Error(`otp: ${sent.statusCode} ${sent.body}`);
  const res = await submitCode(t, slug, phone, await codeFromOutbox(t, ownerCookie, phone));
  if (res.statusCode !== 200) throw new Error(`login: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((k) => k.name === 'linli_shop')!;
  return { cookie: `linli_shop=${c.value}`, customerId: res.json().customerId as string };
}
