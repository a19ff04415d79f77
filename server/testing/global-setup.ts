import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { testDbKind, testPostgresUrl, withDatabase } from './test-db-env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a migrated data-dir dump. PostgreSQL: name of a migrated template database. */
    dbTemplate: string;
  }
}

/** Migrates once per run; each test file then starts from a copy of that template. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (testDbKind() === 'pglite') {
    const database = await openDatabase({});
    await migrate(database);
    const dump = await database.dumpDataDir!();
    const dir = mkdtempSync(join(tmpdir(), 'linli-test-'));
    const file = join(dir, 'template.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('dbTemplate', file);
    return async () => {};
  }
  const name = `linli_tmpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabase(testPostgresUrl(), name), poolSize: 1 });
  await migrate(database);
  await database.close();
  project.provide('dbTemplate', name);
  return async () => {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  };
}
