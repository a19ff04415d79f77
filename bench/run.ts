/**
 * `npm run bench` (all) or `npm run bench -- <name>…` (some; a name also picks the benches it
 * prefixes: `groupbuy` runs groupbuy-joins and groupbuy-close). To add a benchmark: create
 * bench/<name>.ts that calls registerBench(…) from ./harness.js, and append one import below.
 */
import { benches } from './harness.js';
import './realtime-fanout.js';
import './groupbuy-joins.js';
import './groupbuy-close.js';
import './live-flash-sale.js';
import './video-lag.js';

const wanted = process.argv.slice(2);
const chosen = benches.filter((b) => wanted.length === 0 || wanted.some((w) => b.name === w || b.name.startsWith(`${w}-`)));
if (chosen.length === 0) {
  console.error(`no benchmark named ${wanted.join(', ')}; known: ${benches.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
for (const b of chosen) {
  console.log(`\n== ${b.name}: ${b.title}\n`);
  const started = Date.now();
  await b.run();
  console.log(`\n(${b.name} took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
process.exit(0);
