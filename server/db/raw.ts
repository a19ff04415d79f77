import type { SQL } from 'drizzle-orm';
import type { Db } from '../kernel/ctx.js';

/**
 * Rows of a raw SQL statement. PGlite and node-postgres both answer `{ rows }`; the shared
 * driver type cannot say so, hence the one cast here rather than at every call.
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
