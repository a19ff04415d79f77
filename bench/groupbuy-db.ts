/**
 * Fresh, migrated databases for the group-buy benches: an in-memory PGlite, or a PostgreSQL
 * database of its own (created on TEST_DATABASE_URL's server, default 127.0.0.1:5432, and dropped
 * afterwards). A PostgreSQL server that cannot be reached is reported and skipped.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../server/db/migrate.js';
import { openDatabase, type Database } from '../server/db/open.js';

export type DbKind = 'pglite' | 'postgres';
export const DB_KINDS: DbKind[] = ['pglite', 'postgres'];

const adminUrl = () => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export interface BenchDatabase {
  database: Database;
  /** the connection string (PostgreSQL) for a child process to open the same database */
  url?: string;
  drop(): Promise<void>;
}

/** null when PostgreSQL is asked for and cannot be reached (the reason is printed). */
export async function freshDatabase(kind: DbKind, poolSize = 20): Promise<BenchDatabase | null> {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    await migrate(database);
    return { database, drop: () => database.close() };
  }
  const name = `linli_bench_${randomBytes(5).toString('hex')}`;
  try {
    await admin(`create database ${name}`);
  } catch (e) {
    console.log(`PostgreSQL skipped (${adminUrl()}): ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
  const url = withDatabase(adminUrl(), name);
  const database = await openDatabase({ databaseUrl: url, poolSize });
  await migrate(database);
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
