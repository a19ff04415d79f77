import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../kernel/ctx.js';
import { makeTenant, type Tenant } from '../../testing/factories.js';
import { createSession } from '../tenancy/index.js';
import type { Linli } from '../../app.js';

/** Test helpers of the live module (not a test file). */

export interface Http {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: object, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export function http(linli: Pick<Linli, 'app'>, cookie: string): Http {
  return {
    get: (url) => linli.app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, payload, headers = {}) =>
      linli.app.inject({ method: 'POST', url, headers: { cookie, 'x-linli-csrf': '1', ...headers }, ...(payload ? { payload } : {}) }),
  };
}

/** A session cookie made directly (login has its own tests and a rate limit). */
export async function staffCookie(db: Db, tenant: Tenant, staffId: string, now = new Date()): Promise<string> {
  const s = await createSession(db, { kind: 'staff', orgId: tenant.orgId, storeId: tenant.storeId, subjectId: staffId, now });
  return `linli_staff=${s.token}`;
}

/** A store with its owner signed in. */
export async function liveStore(linli: Pick<Linli, 'app'>, db: Db, now = new Date()) {
  const tenant = await makeTenant(db);
  const owner = http(linli, await staffCookie(db, tenant, tenant.ownerId, now));
  return { tenant, owner };
}
