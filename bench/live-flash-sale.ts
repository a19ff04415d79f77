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
import { readdirSync, readFileSync } from 'node:fs';
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
/** FLASH_PATHS=batched (e.g. for a profile): only those paths */
const only = process.env.FLASH_PATHS?.split(',');

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

/** CPU ticks of every PostgreSQL process on this machine now, by pid (Linux /proc; empty elsewhere) */
function postgresTicks(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (!stat.includes('(postgres)')) continue;
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(pid, Number(f[11]) + Number(f[12]));
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return out;
}

/** CPU ms PostgreSQL spent since `before`: processes that lived through it, and those started since (a lower bound: one that ended is lost) */
function postgresCpuMsSince(before: Map<string, number>): number {
  let ticks = 0;
  for (const [pid, t] of postgresTicks()) ticks += Math.max(0, t - (before.get(pid) ?? 0));
  return (ticks * 1000) / 100;
}

interface Outcome { accepted: number; refused: Record<string, number>; replays: number; wallMs: number; lat: number[]; cpuMs: number; pgCpuMs: number }

type Path = 'batched' | 'naive' | 'ceiling' | 'ceiling-session';
const PREFIX: Record<Path, string> = { batched: '/api', naive: '/bench', ceiling: '/api/bench/ceiling', 'ceiling-session': '/api/bench/ceiling-session' };

async function round(w: World, saleId: string, path: Path): Promise<Outcome> {
  const url = `${PREFIX[path]}/shop/${w.slug}/live/flash-sales/${saleId}/orders`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const attempts = Math.ceil(UNITS * 1.1);
  const body = JSON.stringify({ qty: 1, paymentMethod: 'pay_at_pickup' });
  const out: Outcome = { accepted: 0, refused: {}, replays: 0, wallMs: 0, lat: [], cpuMs: 0, pgCpuMs: 0 };
  const pg0 = postgresTicks();
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
  out.pgCpuMs = postgresCpuMsSince(pg0);
  agent.destroy();
  return out;
}

async function salesOn(kind: DbKind): Promise<Array<Array<string | number>>> {
  const server = await startServer(kind);
  if (!server) return [];
  const { child, world } = server;
  const rows: Array<Array<string | number>> = [];
  const rates: Record<Path, number[]> = { batched: [], naive: [], ceiling: [], 'ceiling-session': [] };
  try {
    // warm-up (JIT, the setup's outbox drained): one unrecorded ceiling round
    await round(world, randomUUID(), 'ceiling');
    for (let r = 0; r < ROUNDS; r++) {
      const order: Path[] = r % 2 ? ['ceiling-session', 'naive', 'batched', 'ceiling'] : ['ceiling', 'batched', 'naive', 'ceiling-session'];
      for (const path of order.filter((x) => !only || only.includes(x))) {
        if (path === 'ceiling' || path === 'ceiling-session') {
          const cpu0 = (await ask<{ cpuMs: number }>(child, { cmd: 'cpu' })).cpuMs;
          const o = await round(world, randomUUID(), path);
          o.cpuMs = (await ask<{ cpuMs: number }>(child, { cmd: 'cpu' })).cpuMs - cpu0;
          if (o.accepted !== Math.ceil(UNITS * 1.1)) throw new Error(`${kind} ${path}: ${JSON.stringify(o.refused)}`);
          const rate = (o.accepted / o.wallMs) * 1000;
          rates[path].push(rate);
          rows.push([kind, path, r + 1, (o.wallMs / 1000).toFixed(2), rate.toFixed(0), percentile(o.lat, 50).toFixed(0), percentile(o.lat, 99).toFixed(0), (o.cpuMs / o.accepted).toFixed(2), kind === 'postgres' ? (o.pgCpuMs / o.accepted).toFixed(2) : '', '', `no database${path === 'ceiling' ? '' : ' but the session read'}: the same answer from memory, ${o.replays} replays`]);
          console.log(rows.at(-1)!.join(' | '));
          continue;
        }
        const { id } = await ask<{ id: string }>(child, { cmd: 'sale', qty: UNITS, perPersonLimit: PER_PERSON });
        const cpu0 = (await ask<{ cpuMs: number }>(child, { cmd: 'cpu' })).cpuMs;
        const o = await round(world, id, path);
        o.cpuMs = (await ask<{ cpuMs: number }>(child, { cmd: 'cpu' })).cpuMs - cpu0;
        const c = await ask<{ sold: number; total: number; orders: number; units: number; maxPerPerson: number; ledgerOk: boolean; orphans: number }>(child, { cmd: 'check', id });
        const ok = c.sold === o.accepted && c.units === c.sold && c.orders === c.sold && c.sold <= c.total && c.maxPerPerson <= PER_PERSON && c.ledgerOk && c.orphans === 0;
        if (!ok) throw new Error(`${kind} ${path}: oversold, lost or inconsistent: accepted ${o.accepted}, ${JSON.stringify(c)}`);
        const rate = (o.accepted / o.wallMs) * 1000;
        rates[path].push(rate);
        const refused = Object.entries(o.refused).map(([k, v]) => `${k} ${v}`).join(', ');
        rows.push([kind, path, r + 1, (o.wallMs / 1000).toFixed(2), rate.toFixed(0), percentile(o.lat, 50).toFixed(0), percentile(o.lat, 99).toFixed(0), (o.cpuMs / o.accepted).toFixed(2), kind === 'postgres' ? (o.pgCpuMs / o.accepted).toFixed(2) : '', refused, `sold ${c.sold}/${c.total}, max ${c.maxPerPerson}/person, ledger ok, 0 orphans, ${o.replays} replays same`]);
        console.log(rows.at(-1)!.join(' | '));
      }
    }
  } finally {
    const exited = new Promise((res) => child.once('exit', res));
    child.send({ cmd: 'stop' });
    await Promise.race([exited, new Promise((res) => setTimeout(res, 10_000))]);
    child.kill();
  }
  const med = (xs: number[]) => (xs.length ? percentile(xs, 50) : NaN);
  const ratio = med(rates.batched) / med(rates.naive);
  const ofCeiling = med(rates.batched) / med(rates.ceiling);
  const ofSession = med(rates.batched) / med(rates['ceiling-session']);
  const target = 20_000;
  console.log(
    `${kind}: median batched ${med(rates.batched).toFixed(0)} orders/s, naive row lock ${med(rates.naive!).toFixed(0)} orders/s: ${ratio.toFixed(1)}× ` +
      `(target ≥ ${target}/s and ≥ 20×: ${med(rates.batched) >= target ? 'met' : `${((target / med(rates.batched))).toFixed(1)}× short`} / ${ratio >= 20 ? 'met' : `${(20 / ratio).toFixed(1)}× short`})`,
  );
  console.log(`${kind}: HTTP ceiling (no database) ${med(rates.ceiling).toFixed(0)}/s, with the session read ${med(rates['ceiling-session']).toFixed(0)}/s: batched is ${(100 * ofCeiling).toFixed(0)}% / ${(100 * ofSession).toFixed(0)}% of them`);
  rows.push([kind, 'batched ÷ naive', 'median', '', `${ratio.toFixed(1)}×`, '', '', '', '', '', '']);
  rows.push([kind, 'batched ÷ ceiling', 'median', '', `${(100 * ofCeiling).toFixed(0)}%`, '', '', '', '', '', `÷ ceiling with the session read: ${(100 * ofSession).toFixed(0)}%`]);
  return rows;
}

async function run(): Promise<void> {
  const rows: Array<Array<string | number>> = [];
  for (const kind of kinds) rows.push(...(await salesOn(kind)));
  console.log(`\nflash-sale orders on one hot SKU over HTTP (${NEIGHBOURS} neighbours, ${CONCURRENCY} connections, ${UNITS} units, 限购 ${PER_PERSON}); load average ${loadavg()[0]!.toFixed(1)}\n`);
  printTable(['database', 'path', 'round', 'wall s', 'orders/s', 'p50 ms', 'p99 ms', 'server CPU ms/order', 'PostgreSQL CPU ms/order', 'refused', 'checked after the sale ended'], rows);
}

registerBench({ name: 'live-flash-sale', title: 'flash-sale orders/s on one hot SKU over HTTP: batched engine vs per-request SELECT … FOR UPDATE, PGlite and PostgreSQL', run });
