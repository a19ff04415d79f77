import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { openDatabase, type Database } from '../db/open.js';
import { testDbKind, testPostgresUrl, withDatabase } from './test-db-env.js';

/**
 * A fresh, migrated database for this test file: PGlite loaded from the run's template dump, or
 * a PostgreSQL database copied from the run's template. Closed (and dropped) after the file.
 */
export async function createTestDatabase(opts: { poolSize?: number } = {}): Promise<Database> {
  const template = inject('dbTemplate');
  if (testDbKind() === 'pglite') {
    const database = await openDatabase({ loadDataDir: new Blob([readFileSync(template)]) });
    afterAll(() => database.close());
    return database;
  }
  const name = `linli_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  // CREATE DATABASE … TEMPLATE needs the template to have no other sessions: retry briefly
  for (let i = 0; ; i++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      break;
    } catch (e) {
      if (i > 50) throw e;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
  await admin.end();
  const database = await openDatabase({ databaseUrl: withDatabase(testPostgresUrl(), name), poolSize: opts.poolSize ?? 20 });
  afterAll(async () => {
    await database.close();
    const a = new pg.Client({ connectionString: testPostgresUrl() });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  });
  return database;
}
