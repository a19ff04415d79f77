#!/usr/bin/env node
/**
 * `npm start` runs this before the server: builds the web app (web/ → web/dist, Vite) only when
 * web/dist is missing or older than one of its inputs — any file under web/ (src, index.html,
 * vite.config.ts …), the server's contract.ts files that web/ imports, package-lock.json,
 * tsconfig.json. When the build is fresh this only stats files (a few ms).
 *
 * LINLI_SKIP_WEB_BUILD=1 skips the check (the server then serves whatever web/dist holds).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const started = performance.now();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
const dist = join(web, 'dist');
const STAMP = join(dist, '.linli-build');
const SKIP_DIRS = new Set(['dist', 'node_modules', '.vite', 'coverage']);

if (process.env.LINLI_SKIP_WEB_BUILD === '1') {
  console.log('web: LINLI_SKIP_WEB_BUILD=1, not checking web/dist');
  process.exit(0);
}
if (!existsSync(join(web, 'index.html'))) {
  console.log('web: no web/index.html, nothing to build (the server starts without the web app)');
  process.exit(0);
}

const builtAt = mtime(STAMP) ?? mtime(join(dist, 'index.html'));
const newest = { path: '', t: 0 };
const consider = (file) => {
  const t = mtime(file);
  if (t !== undefined && t > newest.t) {
    newest.t = t;
    newest.path = file;
  }
};
walk(web, consider, (dir) => !SKIP_DIRS.has(basename(dir)));
walk(join(root, 'server'), (f) => basename(f) === 'contract.ts' && consider(f), (dir) => basename(dir) !== 'node_modules');
consider(join(root, 'package-lock.json'));
consider(join(root, 'tsconfig.json'));

if (builtAt !== undefined && builtAt >= newest.t) {
  console.log(`web: web/dist is up to date (built ${ago(builtAt)}; checked in ${Math.round(performance.now() - started)} ms)`);
  process.exit(0);
}

const why = builtAt === undefined ? 'web/dist is missing' : `${relative(root, newest.path)} changed after the last build (${ago(builtAt)})`;
console.log(`web: building the web app with Vite because ${why}…`);
const t0 = Date.now();
const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(web, 'vite.config.ts')], {
  cwd: root,
  stdio: 'inherit',
  // a production bundle whoever calls (vitest sets NODE_ENV=test, which would make React's dev build)
  env: { ...process.env, NODE_ENV: 'production' },
});
if (r.status !== 0) {
  console.error(`web: the Vite build failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`}); fix it or run with LINLI_SKIP_WEB_BUILD=1`);
  process.exit(r.status || 1);
}
// the stamp records when the inputs were read; files edited during the build make the next start rebuild
writeFileSync(STAMP, `${new Date(t0).toISOString()}\n`);
utimesSync(STAMP, new Date(t0), new Date(t0));
console.log(`web: built web/dist in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function walk(dir, onFile, enter) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (enter(p)) walk(p, onFile, enter);
    } else if (e.isFile()) onFile(p);
  }
}

function ago(t) {
  const s = Math.max(0, Math.round((Date.now() - t) / 1000));
  if (s < 90) return `${s} s ago`;
  if (s < 5400) return `${Math.round(s / 60)} min ago`;
  if (s < 129600) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} days ago`;
}
