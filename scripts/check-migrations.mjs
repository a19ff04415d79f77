#!/usr/bin/env node
/**
 * Migration drift check (`npm run db:check`, run by CI).
 *
 * Fails when the committed migrations/ are not what drizzle-kit would produce from
 * server/**\/tables.ts:
 *   1. the history is consistent: every journal entry has its .sql and snapshot, and no stray .sql;
 *   2. `drizzle-kit generate` run against a temp copy of migrations/ produces nothing new
 *      (otherwise a tables.ts changed without `npm run db:generate`); the tables that differ
 *      between the committed snapshot and the new one are named;
 *   3. while the history is the single 0000_init.sql (see scripts/db-generate.sh), its SQL equals
 *      a fresh generation, so a hand edit that the next regeneration would wipe is caught too.
 *
 * drizzle-kit runs with stdin closed: when it would ask whether a column was renamed, that is
 * drift as well (it means a tables.ts changed), and the question is shown.
 *
 * Usage: node scripts/check-migrations.mjs [--migrations <dir>]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argIdx = process.argv.indexOf('--migrations');
const migrationsDir = resolve(root, argIdx > 0 ? process.argv[argIdx + 1] : 'migrations');
const SCHEMA = './server/**/tables.ts';
const LOCK = '/tmp/linli-drizzle.lock'; // the lock scripts/db-generate.sh holds while it rewrites migrations/

const problems = [];
class Fatal extends Error {}
const tmp = mkdtempSync(join(tmpdir(), 'linli-db-check-'));
try {
  main();
} catch (e) {
  if (!(e instanceof Fatal)) throw e;
  console.error(`✗ ${e.message}`);
  process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function main() {
  const started = Date.now();
  if (!existsSync(join(migrationsDir, 'meta', '_journal.json'))) {
    fail(`${rel(migrationsDir)}/meta/_journal.json is missing: run \`npm run db:generate\` and commit migrations/.`);
  }
  // copy under the generator's lock so a parallel `npm run db:generate` is never seen half-written
  const committed = join(tmp, 'committed');
  const copy = spawnSync('flock', ['-s', LOCK, 'cp', '-r', migrationsDir, committed], { stdio: 'inherit' });
  if (copy.error || copy.status !== 0) cpSync(migrationsDir, committed, { recursive: true });

  const journal = JSON.parse(readFileSync(join(committed, 'meta', '_journal.json'), 'utf8'));
  const tags = journal.entries.map((e) => e.tag);
  checkHistory(committed, tags);

  // 2. incremental generation against the committed snapshot
  const work = join(tmp, 'work');
  cpSync(committed, work, { recursive: true });
  const had = new Set(readdirSync(work));
  const gen = generate(work, []);
  const newSql = readdirSync(work).filter((f) => f.endsWith('.sql') && !had.has(f));
  if (gen.prompted) {
    problems.push(
      'drizzle-kit wants to ask whether a column or table was renamed: server/**/tables.ts differ from migrations/.\n' +
        '  Run `npm run db:generate` in a terminal and answer its question.\n' +
        indent(gen.output.split('\n').filter((l) => l.trim() && !/^\s+at /.test(l)).slice(-8).join('\n'), 4),
    );
  } else if (gen.status !== 0) {
    fail(`drizzle-kit generate failed (exit ${gen.status}):\n${indent(gen.output)}`);
  } else if (newSql.length > 0) {
    const lastTag = tags[tags.length - 1];
    const before = lastTag ? readSnapshot(committed, lastTag) : { tables: {}, enums: {} };
    const afterTag = newSql[0].replace(/\.sql$/, '');
    const after = readSnapshot(work, afterTag);
    const drift = diffSnapshots(before, after);
    problems.push(
      `server/**/tables.ts differ from migrations/ (drizzle-kit generate would write ${newSql.join(', ')}).\n` +
        `  drifting: ${drift.length ? drift.join('; ') : '(no table-level difference; see SQL)'}\n` +
        `  SQL it would add:\n${indent(readFileSync(join(work, newSql[0]), 'utf8').trim(), 4)}`,
    );
  }

  // 3. the single-file history equals a fresh generation
  if (problems.length === 0 && tags.length === 1 && tags[0] === '0000_init') {
    const fresh = join(tmp, 'fresh');
    const g = generate(fresh, ['--name', 'init']);
    if (g.status !== 0 || g.prompted) fail(`drizzle-kit generate (fresh) failed:\n${indent(g.output)}`);
    const want = normalise(readFileSync(join(fresh, '0000_init.sql'), 'utf8'));
    const have = normalise(readFileSync(join(committed, '0000_init.sql'), 'utf8'));
    if (want !== have) {
      problems.push(
        'migrations/0000_init.sql is not what `npm run db:generate` writes (edited by hand, or generated from other tables.ts):\n' +
          indent(firstDifference(have, want), 4),
      );
    }
  }

  if (problems.length) {
    console.error(`\n✗ migration drift (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n`);
    for (const p of problems) console.error(`- ${p}\n`);
    console.error('Fix: run `npm run db:generate` and commit migrations/.');
    process.exitCode = 1;
    return;
  }
  console.log(`✓ migrations/ match server/**/tables.ts (${tags.length} migration${tags.length > 1 ? 's' : ''}, ${Date.now() - started} ms)`);
}

function checkHistory(dir, tags) {
  for (const t of tags) {
    if (!existsSync(join(dir, `${t}.sql`))) problems.push(`journal lists ${t} but ${t}.sql is missing`);
    const idx = t.split('_')[0];
    if (!existsSync(join(dir, 'meta', `${idx}_snapshot.json`))) problems.push(`meta/${idx}_snapshot.json (of ${t}) is missing`);
  }
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
    if (!tags.includes(f.replace(/\.sql$/, ''))) problems.push(`${f} is not in meta/_journal.json (drizzle's migrator would skip it)`);
  }
}

/** Runs drizzle-kit generate into `outDir`, stdin closed; `prompted` when it tried to ask. */
function generate(outDir, extra) {
  // drizzle-kit joins './' + out when it reads snapshots back, so pass a path relative to the root
  const out = relative(root, outDir);
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'drizzle-kit', 'bin.cjs'), 'generate', '--dialect', 'postgresql', '--schema', SCHEMA, '--out', out, ...extra],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000, env: { ...process.env, FORCE_COLOR: '0' } },
  );
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const prompted = /\?.*(create|rename)|created or renamed|Is .* (created|renamed)/i.test(output) || /ERR_USE_AFTER_CLOSE|setRawMode|isTTY/.test(output);
  return { status: r.error ? -1 : r.status, output: r.error ? `${r.error.message}\n${output}` : output, prompted };
}

function readSnapshot(dir, tag) {
  const idx = tag.split('_')[0];
  return JSON.parse(readFileSync(join(dir, 'meta', `${idx}_snapshot.json`), 'utf8'));
}

/** Names what differs per table (columns, indexes, keys) and per enum. */
function diffSnapshots(a, b) {
  const out = [];
  const keys = (o) => Object.keys(o ?? {});
  for (const kind of ['tables', 'enums', 'sequences', 'views']) {
    const A = a[kind] ?? {};
    const B = b[kind] ?? {};
    for (const k of new Set([...keys(A), ...keys(B)])) {
      const name = k.replace(/^public\./, '');
      if (!(k in A)) out.push(`${name}: new ${kind.slice(0, -1)}`);
      else if (!(k in B)) out.push(`${name}: ${kind.slice(0, -1)} removed`);
      else if (JSON.stringify(A[k]) !== JSON.stringify(B[k])) {
        if (kind !== 'tables') {
          out.push(`${name}: ${kind.slice(0, -1)} changed`);
          continue;
        }
        const parts = [];
        for (const part of ['columns', 'indexes', 'foreignKeys', 'compositePrimaryKeys', 'uniqueConstraints', 'checkConstraints', 'policies']) {
          const pa = A[k][part] ?? {};
          const pb = B[k][part] ?? {};
          const changed = [...new Set([...keys(pa), ...keys(pb)])].filter((x) => JSON.stringify(pa[x]) !== JSON.stringify(pb[x]));
          if (changed.length) parts.push(`${part} ${changed.map((c) => (!(c in pa) ? `+${c}` : !(c in pb) ? `-${c}` : `~${c}`)).join(' ')}`);
        }
        out.push(`${name} (${parts.join(', ') || 'changed'})`);
      }
    }
  }
  return out;
}

function normalise(sql) {
  return sql.replace(/\r\n/g, '\n').trim();
}

function firstDifference(have, want) {
  const a = have.split('\n');
  const b = want.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n  committed: ${a[i] ?? '(end of file)'}\n  generated: ${b[i] ?? '(end of file)'}`;
  }
  return '(whitespace only)';
}

function indent(s, n = 2) {
  return s.replace(/^/gm, ' '.repeat(n));
}

function rel(p) {
  return relative(root, p) || '.';
}

function fail(msg) {
  throw new Fatal(msg);
}
