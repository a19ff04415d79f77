/**
 * Flash-sale (秒杀) orders per second on one hot SKU through the HTTP API: the real Fastify app on
 * loopback in its own process (bench/live-flash-sale.server.ts), 2,000 neighbours with shop
 * sessions, CONCURRENCY keep-alive connections each with one request in flight, every order with
 * its own Idempotency-Key (1 in 50 sent again with the same key: it must answer the same order).
 * The real path (POST /api/shop/:slug/live/flash-sales/:id/orders: the batching engine, one
 * transaction per batch, each buyer answered after their batch committed) beside the naive
 * row-lock path in the same run (the same rules, one transaction per request behind SELECT … FOR
 * UPDATE on the flash sale row), on PGlite and on PostgreSQL. Each round is a fresh sale of UNITS
 * with 限购 PER_PERSON and 10% more attempts than units; afterwards the sale is ended and recounted
 * from the rows: sold = units of the orders ≤ UNITS, nobody above the cap, ledger levels = the
 * movement sums = what is held, no orphan reservation.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DB_KINDS, type DbKind } from './groupbuy-db.js';
import { percentile, printTable, registerBench } from './harness.js';
import { ask, startServerProcess } from './server-process.js';

const NEIGHBOURS = 2000;
const UNITS = Number(process.env.FLASH_UNITS ?? 2000);
const PER_PERSON = 5;
const CONCURRENCY = Number(process.env.FLASH_CONCURRENCY ?? 256);
const ROUNDS = Number(process.env.FLASH_ROUNDS ?? 3);
const kinds = (process.env.FLASH_DB ?? DB_KINDS.join(',')).split(',') as DbKind[];

interface World { port: number; slug: string; cookies: string[] }

function startServer(kind: DbKind) {
  return startServerProcess<World>(fileURLToPath(new URL('./live-flash-sale.server.ts', import.meta.url)), [kind, String(NEIGHBOURS)]);
}

function post(agent: http.Agent, port: number, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: { id?: string; code?: string } }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Outcome { accepted: number; refused: Record<string, number>; replays: number; wallMs: number; lat: number[]; cpuMs: number }

async function round(w: World, saleId: string, path: 'batched' | 'naive'): Promise<Outcome> {
  const url = `${path === 'batched' ? '/api' : '/bench'}/shop/${w.slug}/live/flash-sales/${saleId}/orders`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const attempts = Math.ceil(UNITS * 1.1);
  const body = JSON.stringify({ qty: 1, paymentMethod: 'pay_at_pickup' });
  const out: Outcome = { accepted: 0, refused: {}, replays: 0, wallMs: 0, lat: [], cpuMs: 0 };
  let next = 0;
  const t0 = performance.now();
  let lastOk = t0;
  const worker = async () => {
    for (let n = next++; n < attempts; n = next++) {
      const who = (n * 7919) % NEIGHBOURS;
      const headers = { cookie: w.cookies[who]!, 'x-linli-csrf': '1', 'idempotency-key': randomUUID() };
      const t = performance.now();
      const r = await post(agent, w.port, url, headers, body);
      out.lat.push(performance.now() - t);
      if (r.status === 200) {
        out.accepted++;
        lastOk = performance.now();
      } else out.refused[r.body.code ?? String(r.status)] = (out.refused[r.body.code ?? String(r.status)] ?? 0) + 1;
      if (n % 50 === 0 && r.status === 200) {
        const again = await post(agent, w.port, url, headers, body);
        if (again.status !== 200 || again.body.id !== r.body.id) throw new Error(`replay: ${again.status} ${JSON.stringify(again.body)} vs ${r.body.id}`);
        out.replays++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  // orders/s: accepted orders over the time until the last one was answered (the sold-out tail excluded)
  out.wallMs = lastOk - t0;
  agent.destroy();
  return out;
}

async function salesOn(kind: DbKind): Promise<Array<Array<string | number>>> {
  const server = await startServer(kind);
  if (!server) return [];
  const { child, world } = server;
  const rows: Array<Array<string | number>> = [];
  const rates: Record<string, number[]> = { batched: [], naive: [] };
  try {
    for (let r = 0; r < ROUNDS; r++) {
      for (const path of r % 2 ? (['naive', 'batched'] as const) : (['batched', 'naive'] as const)) {
        const { id } = await ask<{ id: string }>(child, { cmd: 'sale', qty: UNITS, perPersonLimit: PER_PERSON });
        const cpu0 = (await ask<{ cpuMs: number }>(child, { cmd: 'cpu' })).cpuMs;
        const o = await round(world, id, path);
        o.cpuMs = (await ask<{ cpuMs: number }>(child, { cmd: 'cpu' })).cpuMs - cpu0;
        const c = await ask<{ sold: number; total: number; orders: number; units: number; maxPerPerson: number; ledgerOk: boolean; orphans: number }>(child, { cmd: 'check', id });
        const ok = c.sold === o.accepted && c.units === c.sold && c.orders === c.sold && c.sold <= c.total && c.maxPerPerson <= PER_PERSON && c.ledgerOk && c.orphans === 0;
        if (!ok) throw new Error(`${kind} ${path}: oversold, lost or inconsistent: accepted ${o.accepted}, ${JSON.stringify(c)}`);
        const rate = (o.accepted / o.wallMs) * 1000;
        rates[path]!.push(rate);
        const refused = Object.entries(o.refused).map(([k, v]) => `${k} ${v}`).join(', ');
        rows.push([kind, path, r + 1, (o.wallMs / 1000).toFixed(2), rate.toFixed(0), percentile(o.lat, 50).toFixed(0), percentile(o.lat, 99).toFixed(0), (o.cpuMs / o.accepted).toFixed(2), refused, `sold ${c.sold}/${c.total}, max ${c.maxPerPerson}/person, ledger ok, 0 orphans, ${o.replays} replays same`]);
        console.log(rows.at(-1)!.join(' | '));
      }
    }
  } finally {
    const exited = new Promise((res) => child.once('exit', res));
    child.send({ cmd: 'stop' });
    await Promise.race([exited, new Promise((res) => setTimeout(res, 10_000))]);
    child.kill();
  }
  const med = (xs: number[]) => percentile(xs, 50);
  const ratio = med(rates.batched!) / med(rates.naive!);
  const target = 20_000;
  console.log(
    `${kind}: median batched ${med(rates.batched!).toFixed(0)} orders/s, naive row lock ${med(rates.naive!).toFixed(0)} orders/s: ${ratio.toFixed(1)}× ` +
      `(target ≥ ${target}/s and ≥ 20×: ${med(rates.batched!) >= target ? 'met' : `${((target / med(rates.batched!))).toFixed(1)}× short`} / ${ratio >= 20 ? 'met' : `${(20 / ratio).toFixed(1)}× short`})`,
  );
  rows.push([kind, 'batched ÷ naive', 'median', '', `${ratio.toFixed(1)}×`, '', '', '', '', '']);
  return rows;
}

async function run(): Promise<void> {
  const rows: Array<Array<string | number>> = [];
  for (const kind of kinds) rows.push(...(await salesOn(kind)));
  console.log(`\nflash-sale orders on one hot SKU over HTTP (${NEIGHBOURS} neighbours, ${CONCURRENCY} connections, ${UNITS} units, 限购 ${PER_PERSON}); load average ${loadavg()[0]!.toFixed(1)}\n`);
  printTable(['database', 'path', 'round', 'wall s', 'orders/s', 'p50 ms', 'p99 ms', 'server CPU ms/order', 'refused', 'checked after the sale ended'], rows);
}

registerBench({ name: 'live-flash-sale', title: 'flash-sale orders/s on one hot SKU over HTTP: batched engine vs per-request SELECT … FOR UPDATE, PGlite and PostgreSQL', run });
