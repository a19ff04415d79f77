#!/usr/bin/env node
// Every literal t('a.b.c') key used under web/src exists in the zh-CN resources (en.ts is held to
// the same keys by its type). Keys built at run time (t(`order.status.${s}`)) are checked by
// their static prefix. Usage: node web/scripts/check-i18n.mjs
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const text = readFileSync(join(src, 'i18n', 'zh-CN.ts'), 'utf8');
// evaluate the object literal of zh-CN.ts (plain data) without a TypeScript toolchain
const body = text.slice(text.indexOf('const zhCN = ') + 'const zhCN = '.length, text.indexOf('export default zhCN'));
const zh = Function(`return (${body.trim().replace(/;$/, '')})`)();

const has = (path) => path.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), zh) !== undefined;
const files = [];
const walk = (d) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : /\.tsx?$/.test(f) && files.push(join(d, f))));
walk(src);
const missing = [];
for (const f of files) {
  for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*(['`])([^'`]+)\1/g)) {
    const key = m[2];
    const prefix = key.includes('${') ? key.slice(0, key.indexOf('${')).replace(/\.$/, '') : key;
    if (!has(prefix)) missing.push(`${f.slice(src.length + 1)}: ${key}`);
  }
}
if (missing.length) {
  console.error(`i18n keys missing from zh-CN.ts:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`i18n: ${files.length} files, every key present`);
