import { ManualClock } from '../kernel/clock.js';
import { buildApp, type Linli } from '../app.js';
import { parseConfig } from '../config.js';
import { CSRF_HEADER } from '../http/csrf.js';
import { createTestDatabase } from './test-db.js';
import { afterAll } from 'vitest';
import type { Database } from '../db/open.js';

export interface TestApp extends Linli {
  database: Database;
  clock: ManualClock;
  /** logs in as staff; returns the cookie header to send */
  loginStaff(login: string, password: string): Promise<string>;
}

let loginCount = 1;

/** The whole app on a fresh database, driven with app.inject (no port opened). */
export async function createTestApp(opts: { database?: Database } = {}): Promise<TestApp> {
  const database = opts.database ?? (await createTestDatabase());
  const clock = new ManualClock(new Date());
  const linli = await buildApp({ config: parseConfig({ NODE_ENV: 'test', SEED_DEMO: '0' }), database, clock });
  afterAll(() => linli.close());
  return {
    ...linli,
    database,
    clock,
    async loginStaff(login, password) {
      const res = await linli.app.inject({
        method: 'POST',
        url: '/api/auth/staff/login',
        // a fresh address per login: the per-IP login limit is for people, not for test files
        remoteAddress: `10.${loginCount >> 16 & 255}.${loginCount >> 8 & 255}.${loginCount++ & 255}`,
        headers: { [CSRF_HEADER]: '1' },
        payload: { login, password },
      });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
      const c = res.cookies.find((k) => k.name === 'linli_staff');
      return `linli_staff=${c!.value}`;
    },
  };
}
