import { mkdirSync, existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../kernel/ctx.js';

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  close(): Promise<void>;
  /** PGlite only: the whole data dir as a tarball (test templates, backups) */
  dumpDataDir?(): Promise<Blob>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; `memory://` or undefined for an in-memory database */
  dataDir?: string;
  /** a PGlite data dir dump to start from (test templates) */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // an idle client's connection dropping (server restart, failover) must not crash the process;
  // the pool replaces the client and the next query reconnects
  pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
  // fail at start-up, with the server's own message, rather than on the first request
  await pool.query('select 1');
  const db = drizzlePg(pool) as unknown as Db;
  return { kind: 'postgres', db, close: () => pool.end() };
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  let release = () => {};
  let dir: string | undefined;
  if (opts.dataDir && !opts.dataDir.startsWith('memory://')) {
    mkdirSync(opts.dataDir, { recursive: true });
    release = lockDataDir(opts.dataDir);
    dir = join(opts.dataDir, 'pglite');
  }
  const client = await PGlite.create({ dataDir: dir, loadDataDir: opts.loadDataDir });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    dumpDataDir: async () => (await client.dumpDataDir('none')) as Blob,
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * PGlite is one process's database: a second Linli on the same data dir would corrupt it.
 * A pid file refuses the second process and says why.
 */
function lockDataDir(dataDir: string): () => void {
  const lock = join(dataDir, 'linli.pid');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is already used by Linli process ${pid}. ` +
          'PGlite serves one process only: stop that process, or set DATABASE_URL to use PostgreSQL for several.',
      );
    }
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
