/**
 * Joins per second on one hot campaign through the HTTP API: the real Fastify app listening on
 * loopback (bench/groupbuy-joins.server.ts, its own process), 300 neighbours with shop sessions,
 * CONCURRENCY requests in flight, each join with its own Idempotency-Key (1 in 20 sent again with
 * the same key: it must answer the same order), paying in the sandbox or at pickup. The real
 * path (POST /api/shop/:slug/campaigns/:id/orders: the campaign read FOR SHARE, each cap one
 * conditional UPDATE) beside a naive row-lock path in the same run (the same join behind
 * SELECT … FOR UPDATE on the campaign row, caps checked in code), on PGlite and on PostgreSQL.
 * Every round: 660 attempts on a 400-unit cap with 限购 2 (a fresh campaign), then the counters are recomputed
 * from the rows: no oversell, no one above 2, every accepted join is exactly one order and entry.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DB_KINDS, type DbKind } from './groupbuy-db.js';
import { percentile, printTable, registerBench } from './harness.js';
import { ask, startServerProcess } from './server-process.js';

const NEIGHBOURS = 300;
const CAP = 400;
const THIRD = 60;
const PER_PERSON = 2;
const CONCURRENCY = Number(process.env.GB_JOIN_CONCURRENCY ?? 32);
/** rounds per path, alternated real/naive, naive/real, … so the machine's load drifts over both alike */
const ROUNDS = Number(process.env.GB_JOIN_ROUNDS ?? 3);
const kinds = (process.env.GB_JOIN_DB ?? DB_KINDS.join(',')).split(',') as DbKind[];

interface World { port: number; slug: string; cookies: string[] }
interface Hot { id: string; itemId: string; slotId: string }

function startServer(kind: DbKind) {
  return startServerProcess<World>(fileURLToPath(new URL('./groupbuy-joins.server.ts', import.meta.url)), [kind, String(NEIGHBOURS)]);
}

/** a fixed pseudo-random order, the same every run */
function shuffled<T>(xs: T[], seed = 7): T[] {
  const a = [...xs];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

interface Outcome { accepted: number; refused: Record<string, number>; replays: number; wallMs: number; lat: number[]; cpuMs: number }

async function round(w: World, hot: Hot, path: 'real' | 'naive'): Promise<Outcome> {
  const base = `http://127.0.0.1:${w.port}${path === 'real' ? '/api' : '/bench'}/shop/${w.slug}/campaigns/${hot.id}/orders`;
  // each neighbour joins twice (1 unit); the first THIRD try a third time (限购 2 refuses it)
  const attempts = shuffled([...Array.from({ length: NEIGHBOURS * 2 }, (_, i) => i % NEIGHBOURS), ...Array.from({ length: THIRD }, (_, i) => i)]);
  const out: Outcome = { accepted: 0, refused: {}, replays: 0, wallMs: 0, lat: [], cpuMs: 0 };
  const send = async (who: number, key: string, n: number) => {
    const res = await fetch(base, {
      method: 'POST',
      headers: { cookie: w.cookies[who]!, 'x-linli-csrf': '1', 'idempotency-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ itemId: hot.itemId, qty: 1 }], slotId: hot.slotId, paymentMethod: n % 2 ? 'sandbox' : 'pay_at_pickup' }),
    });
    return { status: res.status, body: (await res.json()) as { id?: string; code?: string } };
  };
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    for (let n = next++; n < attempts.length; n = next++) {
      const key = randomUUID();
      const t = performance.now();
      const r = await send(attempts[n]!, key, n);
      out.lat.push(performance.now() - t);
      if (r.status === 200) out.accepted++;
      else out.refused[r.body.code ?? String(r.status)] = (out.refused[r.body.code ?? String(r.status)] ?? 0) + 1;
      if (n % 20 === 0) {
        // a retry of the same request (the phone lost the answer): the same order, or the same refusal
        const again = await send(attempts[n]!, key, n);
        if (again.status !== r.status || again.body.id !== r.body.id) throw new Error(`replay of ${key}: ${again.status} ${JSON.stringify(again.body)} vs ${r.status} ${JSON.stringify(r.body)}`);
        out.replays++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  out.wallMs = performance.now() - t0;
  return out;
}

async function joinsOn(kind: DbKind): Promise<Array<Array<string | number>>> {
  const server = await startServer(kind);
  if (!server) return [];
  const { child, world } = server;
  const rows: Array<Array<string | number>> = [];
  const rates: Record<string, number[]> = { real: [], naive: [] };
  const cpus: Record<string, number[]> = { real: [], naive: [] };
  try {
    for (let r = 0; r < ROUNDS; r++) {
      for (const path of r % 2 ? (['naive', 'real'] as const) : (['real', 'naive'] as const)) {
        const hot = await ask<Hot>(child, { cmd: 'campaign', totalCap: CAP, perPersonCap: PER_PERSON });
        const cpu0 = (await ask<{ cpuMs: number }>(child, { cmd: 'cpu' })).cpuMs;
        const o = await round(world, hot, path);
        o.cpuMs = (await ask<{ cpuMs: number }>(child, { cmd: 'cpu' })).cpuMs - cpu0;
        const c = await ask<Record<string, number>>(child, { cmd: 'check', id: hot.id });
        const ok =
          c.sold === CAP && c.sold <= c.totalCap! && o.accepted === CAP && c.entries === CAP && c.orders === CAP && c.entryUnits === CAP &&
          c.orderUnits === CAP && c.counterUnits === CAP && c.maxPerPerson! <= PER_PERSON && c.counterMax! <= PER_PERSON && c.slotBooked === CAP;
        if (!ok) throw new Error(`${kind} ${path}: a cap broken or a join lost: accepted ${o.accepted}, ${JSON.stringify(c)}`);
        const rate = (o.accepted / o.wallMs) * 1000;
        rates[path]!.push(rate);
        const refused = Object.entries(o.refused).map(([k, v]) => `${k} ${v}`).join(', ');
        cpus[path]!.push(o.cpuMs / o.accepted);
        rows.push([kind, path, r + 1, o.accepted + Object.values(o.refused).reduce((a, b) => a + b, 0), (o.wallMs / 1000).toFixed(2), rate.toFixed(0), percentile(o.lat, 50).toFixed(0), percentile(o.lat, 99).toFixed(0), (o.cpuMs / o.accepted).toFixed(1), refused, `sold ${c.sold}/${CAP}, max ${c.maxPerPerson}/person, ${o.replays} replays same`]);
        console.log(rows.at(-1)!.join(' | '));
      }
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.send({ cmd: 'stop' });
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    child.kill();
  }
  const med = (xs: number[]) => percentile(xs, 50);
  const ratio = med(rates.real!) / med(rates.naive!);
  console.log(`${kind}: median real ${med(rates.real!).toFixed(0)} joins/s, naive row lock ${med(rates.naive!).toFixed(0)} joins/s: ${ratio.toFixed(2)}×`);
  rows.push([kind, 'real ÷ naive', 'median', '', '', `${ratio.toFixed(2)}×`, '', '', `${(med(cpus.real!) / med(cpus.naive!)).toFixed(2)}×`, '', '']);
  return rows;
}

async function run(): Promise<void> {
  const rows: Array<Array<string | number>> = [];
  for (const kind of kinds) rows.push(...(await joinsOn(kind)));
  console.log(`\njoins on one hot campaign over HTTP (${NEIGHBOURS} neighbours, ${CONCURRENCY} in flight, cap ${CAP}, 限购 ${PER_PERSON}); load average ${loadavg()[0]!.toFixed(1)}\n`);
  printTable(['database', 'path', 'round', 'requests', 'wall s', 'joins/s', 'p50 ms', 'p99 ms', 'app CPU ms/join', 'refused', 'checked after the run'], rows);
}

registerBench({ name: 'groupbuy-joins', title: 'joins/s on one hot campaign over HTTP: the real join vs SELECT … FOR UPDATE on the campaign, PGlite and PostgreSQL', run });
