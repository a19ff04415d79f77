#!/usr/bin/env node
// Prints the JS (and CSS) a first visit to each surface downloads, gzipped, from web/dist's
// Vite manifest: the entry's static imports plus the surface chunk's static imports.
// Usage: node web/scripts/first-load.mjs [--max-shop-kb=150]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const SURFACES = {
  shop: 'src/surfaces/shop/ShopApp.tsx',
  live: 'src/surfaces/live/LiveApp.tsx',
  console: 'src/surfaces/console/ConsoleApp.tsx',
  counter: 'src/surfaces/counter/CounterApp.tsx',
};

function collect(key, seen) {
  if (seen.has(key)) return;
  seen.add(key);
  for (const k of manifest[key]?.imports ?? []) collect(k, seen);
}

const gz = (file) => gzipSync(readFileSync(join(dist, file))).length;
const budgetArg = process.argv.find((a) => a.startsWith('--max-shop-kb='));
const budget = budgetArg ? Number(budgetArg.split('=')[1]) : null;
let failed = false;
for (const [name, src] of Object.entries(SURFACES)) {
  const keys = new Set();
  collect('index.html', keys);
  collect(src, keys);
  let js = 0;
  let css = 0;
  for (const k of keys) {
    const m = manifest[k];
    if (!m) continue;
    js += gz(m.file);
    for (const c of m.css ?? []) css += gz(c);
  }
  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`/${name.padEnd(8)} first load: JS ${kb(js).padStart(6)} kB gzip (${keys.size} chunks), CSS ${kb(css)} kB gzip`);
  if (budget && (name === 'shop' || name === 'live') && js / 1024 > budget) failed = true;
}
if (failed) {
  console.error(`shop/live first-load JS is over ${budget} kB gzip`);
  process.exit(1);
}
