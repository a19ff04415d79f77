/**
 * The server side of bench/realtime-fanout.ts, in its own process so its memory is its own:
 * the real gateway (Fastify + @fastify/websocket + hub + bus) on 127.0.0.1:0.
 *
 * FANOUT_WORKERS=N (N > 1): this process is a node:cluster primary that only accepts and hands
 * connections round-robin to N gateway workers sharing the port, each with its own sockets, all
 * on one Redis bus (FANOUT_REDIS_URL, default redis://127.0.0.1:6379); a message published in
 * worker 1 reaches every worker's viewers through Redis. FANOUT_BUS=redis runs one process on
 * the Redis bus (to tell the bus's cost from the second worker's gain).
 *
 * Driven over IPC: `mem` → memory after GC (summed over the processes); `arm` → starts counting
 * CPU; `fire` → one round in `gateway` or `loop` mode; `cpu` → user + system CPU ms every process
 * spent since `arm` (the round's fan-out, whatever process did it).
 */
import cluster from 'node:cluster';
import Fastify from 'fastify';
import type { CtxDeps } from '../server/http/context.js';
import { MemoryBus, Realtime, registerRealtimeGateway, type RealtimeBus, type ServerFrame } from '../server/realtime/index.js';

const TOPIC = 'bench:room';
const WORKERS = Math.max(1, Number(process.env.FANOUT_WORKERS ?? 1));
const REDIS_URL = process.env.FANOUT_REDIS_URL ?? 'redis://127.0.0.1:6379';
const useRedis = WORKERS > 1 || process.env.FANOUT_BUS === 'redis';

type Cmd = { cmd: string; mode?: 'gateway' | 'loop'; nonce?: string; burst?: number };
interface Mem {
  rss: number;
  heap: number;
  subscribers: number;
}
interface Cpu {
  cpuMs: number;
  sysMs: number;
}

// ~200 bytes on the wire, like a chat line with its envelope
const line = (nonce: string, i: number) => ({
  messageId: `m-${nonce}-${i}`,
  author: '张*',
  text: `${nonce} 阳光玫瑰还有吗？要两盒，楼下自提`,
  at: '2026-11-25T02:00:00.000Z',
});
const frameBytes = Buffer.byteLength(
  JSON.stringify({ type: 'events', topic: TOPIC, events: [{ id: 1795567965138001, type: 'chat', payload: line('n0001x', 0) }] }),
);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
let cpu0 = process.cpuUsage();
const cpuSinceArm = (): Cpu => {
  const c = process.cpuUsage(cpu0);
  return { cpuMs: (c.user + c.system) / 1000, sysMs: c.system / 1000 };
};
const memNow = (subscribers: number): Mem => {
  gc();
  gc();
  const u = process.memoryUsage();
  return { rss: u.rss, heap: u.heapUsed, subscribers };
};

/** one gateway process: answers the commands (its parent is the bench, or the cluster primary) */
async function gateway(): Promise<void> {
  let bus: RealtimeBus = new MemoryBus();
  if (useRedis) {
    const { RedisBus } = await import('../server/realtime/redis-bus.js');
    // one prefix per bench run, shared by its workers (the primary's pid); expires by itself
    const run = cluster.isWorker ? process.ppid : process.pid;
    bus = new RedisBus({ url: REDIS_URL, prefix: `linli:bench:${run}:`, ttlMs: 600_000, log: (msg, err) => console.error(msg, err) });
  }
  const rt = new Realtime(bus, { log: (msg, err) => console.error(msg, err) });
  rt.allowPublic('bench');
  const app = Fastify({ logger: false });
  // the bench topic is public: identity (cookies → sessions) is never resolved, no database needed
  await registerRealtimeGateway(app, rt, { ctx: {} as CtxDeps, heartbeatMs: 600_000 }); // raw bench clients do not answer pings
  await app.listen({ port: 0, host: '127.0.0.1' });
  let loopId = 1;

  process.on('message', async (m: Cmd) => {
    if (m.cmd === 'mem') return process.send!({ cmd: 'mem', ...memNow(rt.stats().subscribers) });
    if (m.cmd === 'arm') {
      cpu0 = process.cpuUsage();
      return process.send!({ cmd: 'armed' });
    }
    if (m.cmd === 'cpu') return process.send!({ cmd: 'cpu', ...cpuSinceArm() });
    if (m.cmd === 'fire') {
      const n = m.burst ?? 1;
      if (m.mode === 'gateway') {
        // all at once, like a busy room's many publishers (on the Redis bus, pipelined on one connection, in order)
        await Promise.all(Array.from({ length: n }, (_, i) => rt.publish(TOPIC, 'chat', line(m.nonce!, i))));
      } else {
        // the baseline: the same frames, written with a plain loop of ws.send(string) per socket
        for (let i = 0; i < n; i++) {
          const frame: ServerFrame = { type: 'events', topic: TOPIC, events: [{ id: loopId++, type: 'chat', payload: line(m.nonce!, i) }] };
          const s = JSON.stringify(frame);
          for (const ws of app.websocketServer.clients) ws.send(s);
        }
      }
      return;
    }
    if (m.cmd === 'stop') {
      await app.close();
      process.exit(0);
    }
  });
  const addr = app.server.address();
  process.send!({ cmd: 'ready', port: typeof addr === 'object' && addr ? addr.port : 0, frameBytes });
}

/** the cluster primary: relays the bench's commands to the workers and sums their answers */
async function primary(): Promise<void> {
  cluster.setupPrimary({ execArgv: process.execArgv });
  const workers = Array.from({ length: WORKERS }, () => cluster.fork());
  const next = (w: (typeof workers)[number], cmd: string) =>
    new Promise<Record<string, number>>((resolve) => {
      const on = (m: { cmd: string }) => {
        if (m.cmd !== cmd) return;
        w.off('message', on);
        resolve(m as unknown as Record<string, number>);
      };
      w.on('message', on);
    });
  const all = async (m: Cmd, reply: string) => {
    const answers = workers.map((w) => next(w, reply));
    for (const w of workers) w.send(m);
    return Promise.all(answers);
  };
  const ready = await Promise.all(workers.map((w) => next(w, 'ready')));
  const sum = (xs: Array<Record<string, number>>, k: string) => xs.reduce((a, x) => a + x[k]!, 0);

  process.on('message', async (m: Cmd) => {
    if (m.cmd === 'mem') {
      const xs = [...(await all(m, 'mem')), { ...memNow(0) }] as unknown as Array<Record<string, number>>;
      return process.send!({ cmd: 'mem', rss: sum(xs, 'rss'), heap: sum(xs, 'heap'), subscribers: sum(xs, 'subscribers') });
    }
    if (m.cmd === 'arm') {
      await all(m, 'armed');
      cpu0 = process.cpuUsage();
      return process.send!({ cmd: 'armed' });
    }
    if (m.cmd === 'cpu') {
      const xs = [...(await all(m, 'cpu')), cpuSinceArm()] as unknown as Array<Record<string, number>>;
      return process.send!({ cmd: 'cpu', cpuMs: sum(xs, 'cpuMs'), sysMs: sum(xs, 'sysMs') });
    }
    if (m.cmd === 'fire') {
      // gateway: published once, in worker 1, the bus brings it to every worker; loop: every worker loops over its own sockets
      if (m.mode === 'gateway') workers[0]!.send(m);
      else for (const w of workers) w.send(m);
      return;
    }
    if (m.cmd === 'stop') {
      for (const w of workers) w.send(m);
      await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));
      process.exit(0);
    }
  });
  process.send!({ cmd: 'ready', port: ready[0]!.port, frameBytes });
}

if (WORKERS > 1 && cluster.isPrimary) await primary();
else await gateway();
