/**
 * Fan-out of one ~200-byte chat message to 1k / 5k / 10k WebSocket viewers on loopback: time
 * until every viewer has it (p50 / p99 over rounds), through the gateway (frame built once per
 * topic, coalesced per tick) beside a plain `ws.send(string)` loop over the same sockets in the
 * same run; a 50-message burst both ways; server memory per viewer (RSS and heap delta / viewers).
 *
 * The server (bench/realtime-fanout.server.ts) runs in its own process, one fresh process per
 * size (FANOUT_WORKERS=N: a cluster of N gateway workers on the Redis bus). Viewers are raw TCP
 * sockets that speak just enough WebSocket (handshake, one masked subscribe frame, then look for
 * a marker in what arrives), split over FANOUT_VIEWER_PROCS processes (default 2,
 * bench/realtime-fanout.viewers.ts), so no single process reads 10k sockets and this process is
 * idle while it times a round; each reports when its last viewer had the message (one clock for
 * all processes: performance.timeOrigin + now) and the CPU it spent. FANOUT_SIZES=10000 runs
 * one size; FANOUT_DEBUG=1 prints every round. Needs a viewer process's share of file
 * descriptors (and 10k+ for the server, which raises its soft limit to the hard limit itself);
 * if `ulimit -n` is too low, a size is skipped.
 */
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { percentile, printTable, registerBench } from './harness.js';

const SIZES = [1000, 5000, 10000];
const ROUNDS: Record<number, number> = { 1000: 40, 5000: 30, 10000: 20 };
const BURST = 50;
/** the send loop needs BURST × viewers writes per burst: tens of seconds at 10k on 2 busy cores */
const BURST_ROUNDS: Record<number, number> = { 1000: 8, 5000: 5, 10000: 3 };
const GAP_MS = 70; // > the hub's 50 ms coalescing window: every gateway round is a lone message
const VIEWER_PROCS = Math.max(1, Number(process.env.FANOUT_VIEWER_PROCS ?? 2));
const WORKERS = Math.max(1, Number(process.env.FANOUT_WORKERS ?? 1));
const ONLY = process.env.FANOUT_SIZES ? process.env.FANOUT_SIZES.split(',').map(Number) : SIZES;

/** the next IPC message `cmd` from `child` (for which `match` holds) */
const next = <T>(child: ChildProcess, cmd: string, match: (m: T) => boolean = () => true): Promise<T> =>
  new Promise((resolve) => {
    const on = (m: { cmd: string }) => {
      if (m.cmd !== cmd || !match(m as T)) return;
      child.off('message', on);
      resolve(m as T);
    };
    child.on('message', on);
  });
const ask = <T>(child: ChildProcess, msg: { cmd: string }, reply: string): Promise<T> => {
  const answer = next<T>(child, reply);
  child.send(msg);
  return answer;
};

function startServer(): Promise<{ child: ChildProcess; port: number; frameBytes: number }> {
  const file = fileURLToPath(new URL('./realtime-fanout.server.ts', import.meta.url));
  // raise the server's own fd limit to the hard limit, then become node
  const child = spawn('bash', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', process.execPath, '--import', 'tsx', '--expose-gc', file], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, FANOUT_WORKERS: String(WORKERS) },
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
    next<{ port: number; frameBytes: number }>(child, 'ready').then((m) => resolve({ child, port: m.port, frameBytes: m.frameBytes }));
  });
}

/** FANOUT_VIEWER_PROCS processes, each holding its share of the n viewer sockets */
async function startViewers(port: number, n: number): Promise<ChildProcess[]> {
  const file = fileURLToPath(new URL('./realtime-fanout.viewers.ts', import.meta.url));
  const procs = Array.from({ length: VIEWER_PROCS }, () => fork(file, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  await Promise.all(procs.map((p) => next(p, 'ready')));
  // one share at a time: the server's accept loop is not the thing measured
  for (const [i, p] of procs.entries()) {
    const count = Math.floor(n / VIEWER_PROCS) + (i < n % VIEWER_PROCS ? 1 : 0);
    await ask(p, { cmd: 'connect', port, count } as { cmd: string }, 'connected');
  }
  return procs;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let nextRound = 0;
interface Took {
  wall: number;
  cpu: number;
  sys: number;
  viewerCpu: number;
}
/**
 * One round: wall ms from asking the server to send until the last of the viewers (in any of
 * the viewer processes) has the marked message; the server's CPU ms for it (all its processes,
 * steadier than wall time on a shared machine) and the viewer processes' CPU ms.
 */
async function fire(server: ChildProcess, viewers: ChildProcess[], mode: 'gateway' | 'loop', burst = 1): Promise<Took> {
  const id = ++nextRound;
  const nonce = `n${String(id).padStart(4, '0')}x`;
  const marker = `m-${nonce}-${burst - 1}"`;
  await Promise.all(viewers.map((v) => ask(v, { cmd: 'arm', id, marker } as { cmd: string }, 'armed')));
  await ask(server, { cmd: 'arm' }, 'armed');
  const done = viewers.map((v) => next<{ at: number; cpuMs: number }>(v, 'done', (m) => (m as unknown as { id: number }).id === id));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`round ${nonce} (${mode}): not every viewer got it in 180 s`)), 180_000);
  });
  const t0 = performance.timeOrigin + performance.now();
  server.send({ cmd: 'fire', mode, nonce, burst });
  const got = await Promise.race([Promise.all(done), timeout]);
  if (process.env.FANOUT_DEBUG) console.log(`round ${id} ${mode} ×${burst}: ${(performance.timeOrigin + performance.now() - t0).toFixed(1)} ms`);
  clearTimeout(timer);
  const cpu = await ask<{ cpuMs: number; sysMs: number }>(server, { cmd: 'cpu' }, 'cpu');
  await sleep(GAP_MS);
  return {
    wall: Math.max(...got.map((g) => g.at)) - t0,
    cpu: cpu.cpuMs,
    sys: cpu.sysMs,
    viewerCpu: got.reduce((a, g) => a + g.cpuMs, 0),
  };
}

function softFdLimit(): number {
  try {
    return Number(execFileSync('bash', ['-c', 'ulimit -n']).toString().trim()) || 1024;
  } catch {
    return 1024;
  }
}

async function run(): Promise<void> {
  const limit = softFdLimit();
  const rows: Array<Array<string | number>> = [];
  let frameBytes = 0;
  for (const n of ONLY) {
    if (Math.ceil(n / VIEWER_PROCS) + 100 > limit) {
      console.log(`skipping ${n} viewers: ulimit -n is ${limit} here (run \`ulimit -n ${n * 2}\` first)`);
      continue;
    }
    const server = await startServer();
    frameBytes = server.frameBytes;
    const before = await ask<{ rss: number; heap: number }>(server.child, { cmd: 'mem' }, 'mem');
    const viewers = await startViewers(server.port, n);
    const after = await ask<{ rss: number; heap: number; subscribers: number }>(server.child, { cmd: 'mem' }, 'mem');
    if (after.subscribers !== n) throw new Error(`expected ${n} subscribers, server has ${after.subscribers}`);
    const took: Record<string, Took[]> = { loop: [], gateway: [], loopBurst: [], gatewayBurst: [] };
    for (let i = 0; i < 3; i++) for (const m of ['loop', 'gateway'] as const) await fire(server.child, viewers, m); // warm-up
    for (let i = 0; i < (ROUNDS[n] ?? 20); i++) {
      // alternate which goes first, so neither always runs on a just-warmed cache
      for (const m of i % 2 ? (['gateway', 'loop'] as const) : (['loop', 'gateway'] as const)) took[m]!.push(await fire(server.child, viewers, m));
    }
    for (let i = 0; i < (BURST_ROUNDS[n] ?? 3); i++) {
      took.loopBurst!.push(await fire(server.child, viewers, 'loop', BURST));
      took.gatewayBurst!.push(await fire(server.child, viewers, 'gateway', BURST));
    }
    const f = (x: number) => x.toFixed(1);
    const p = (k: string, field: keyof Took, q: number) => f(percentile(took[k]!.map((t) => t[field]), q));
    rows.push([
      n,
      (ROUNDS[n] ?? 20),
      `${p('loop', 'wall', 50)} / ${p('loop', 'wall', 99)}`,
      `${p('gateway', 'wall', 50)} / ${p('gateway', 'wall', 99)}`,
      (percentile(took.loop!.map((t) => t.wall), 99) / percentile(took.gateway!.map((t) => t.wall), 99)).toFixed(2),
      `${p('loop', 'cpu', 50)} / ${p('gateway', 'cpu', 50)}`,
      p('gateway', 'sys', 50),
      p('gateway', 'viewerCpu', 50),
      `${p('loopBurst', 'wall', 50)} / ${p('gatewayBurst', 'wall', 50)}`,
      `${p('loopBurst', 'cpu', 50)} / ${p('gatewayBurst', 'cpu', 50)}`,
      ((after.rss - before.rss) / n / 1024).toFixed(1),
      ((after.heap - before.heap) / n / 1024).toFixed(1),
    ]);
    console.log(`${n} viewers: ${rows.at(-1)!.slice(2).join(' | ')}`);
    for (const v of viewers) v.send({ cmd: 'stop' });
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.send({ cmd: 'stop' });
    await Promise.race([exited, sleep(5000)]);
    server.child.kill();
  }
  console.log(
    `\none chat message (${frameBytes} bytes) to every viewer: wall ms until the LAST viewer has it; ` +
      `server CPU ms (p50, user + system, of which system) per fan-out; viewers' CPU ms (p50, gateway rounds); ` +
      `burst = ${BURST} messages in one tick (p50)\n` +
      `gateway: ${WORKERS === 1 ? '1 process' : `${WORKERS} worker processes on the Redis bus`}; viewers in ${VIEWER_PROCS} process(es); ` +
      `load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`,
  );
  printTable(
    [
      'viewers',
      'rounds',
      'loop p50 / p99',
      'gateway p50 / p99',
      'p99 loop/gw',
      'CPU loop / gw',
      'gw sys',
      'viewers CPU',
      `burst ${BURST}: loop / gw`,
      `burst CPU loop / gw`,
      'RSS KB/viewer',
      'heap KB/viewer',
    ],
    rows,
  );
}

registerBench({ name: 'realtime-fanout', title: 'WebSocket fan-out: gateway vs a plain ws.send loop (loopback)', run });
