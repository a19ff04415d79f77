/**
 * Fan-out of one ~200-byte chat message to 1k / 5k / 10k WebSocket viewers on loopback: time
 * until every viewer has it (p50 / p99 over rounds), through the gateway (frame built once per
 * topic, coalesced per tick) beside a plain `ws.send(string)` loop over the same sockets in the
 * same run; a 50-message burst both ways; server memory per viewer (RSS and heap delta / viewers).
 *
 * The server (bench/realtime-fanout.server.ts) runs in its own process, one fresh process per
 * size. Viewers live in this process as raw TCP sockets that speak just enough WebSocket
 * (handshake, one masked subscribe frame, then look for a marker in what arrives), so the client
 * side stays cheap. Needs 10k+ file descriptors per process: the server raises its soft limit to
 * the hard limit itself; if this process's `ulimit -n` is too low, larger sizes are skipped
 * (run `ulimit -n 32768` in the shell before `npm run bench`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
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

const HANDSHAKE =
  'GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';
/** a client frame must be masked; a zero mask key leaves the payload as is */
function maskedText(s: string): Buffer {
  const p = Buffer.from(s);
  return Buffer.concat([Buffer.from([0x81, 0x80 | p.length, 0, 0, 0, 0]), p]);
}
const SUBSCRIBE = maskedText(JSON.stringify({ type: 'subscribe', topic: 'bench:room' }));

interface Round {
  marker: Buffer;
  left: number;
  done(): void;
  id: number;
}
let round: Round | null = null;

function viewer(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    let phase: 'handshake' | 'subscribing' | 'live' = 'handshake';
    let seen = -1;
    let tail: Buffer<ArrayBufferLike> = Buffer.alloc(0);
    s.on('connect', () => s.write(HANDSHAKE));
    s.on('error', reject);
    s.on('data', (chunk: Buffer) => {
      if (phase === 'handshake') {
        if (!chunk.toString('latin1', 0, 12).includes('101')) return reject(new Error('handshake refused'));
        phase = 'subscribing';
        s.write(SUBSCRIBE);
      }
      if (phase === 'subscribing') {
        if (chunk.includes('"subscribed"')) {
          phase = 'live';
          resolve(s);
        }
        return;
      }
      const r = round;
      if (!r || seen === r.id) return;
      const hay = tail.length ? Buffer.concat([tail, chunk]) : chunk; // a marker split across reads
      tail = chunk.subarray(-40);
      if (hay.includes(r.marker)) {
        seen = r.id;
        if (--r.left === 0) r.done();
      }
    });
  });
}

async function connectAll(port: number, n: number): Promise<net.Socket[]> {
  const out: net.Socket[] = [];
  for (let i = 0; i < n; i += 250) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(250, n - i) }, () => viewer(port)))));
  }
  return out;
}

function startServer(): Promise<{ child: ChildProcess; port: number; frameBytes: number }> {
  const file = fileURLToPath(new URL('./realtime-fanout.server.ts', import.meta.url));
  // raise the server's own fd limit to the hard limit, then become node
  const child = spawn('bash', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', process.execPath, '--import', 'tsx', '--expose-gc', file], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
    child.once('message', (m: { port: number; frameBytes: number }) => resolve({ child, ...m }));
  });
}

const ask = <T>(child: ChildProcess, msg: object): Promise<T> =>
  new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(msg);
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let nextRound = 0;
/**
 * One round: wall ms from asking the server to send until the last of `n` viewers has the marked
 * message, and the server's CPU ms for it (steadier than wall time on a shared machine).
 */
async function fire(child: ChildProcess, n: number, mode: 'gateway' | 'loop', burst = 1): Promise<{ wall: number; cpu: number }> {
  const nonce = `n${String(++nextRound).padStart(4, '0')}x`;
  const cpu = new Promise<number>((resolve) => child.once('message', (m: { cpuMs: number }) => resolve(m.cpuMs)));
  const t0 = performance.now();
  const wall = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`round ${nonce} (${mode}): ${round?.left} of ${n} viewers got nothing in 180 s`)), 180_000);
    round = { id: nextRound, marker: Buffer.from(`m-${nonce}-${burst - 1}"`), left: n, done: () => (clearTimeout(timer), resolve(performance.now() - t0)) };
    child.send({ cmd: 'fire', mode, nonce, burst });
  });
  round = null;
  const took = { wall, cpu: await cpu };
  await sleep(GAP_MS);
  return took;
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
  for (const n of SIZES) {
    if (n + 100 > limit) {
      console.log(`skipping ${n} viewers: ulimit -n is ${limit} here (run \`ulimit -n ${n * 2}\` first)`);
      continue;
    }
    const server = await startServer();
    frameBytes = server.frameBytes;
    const before = await ask<{ rss: number; heap: number }>(server.child, { cmd: 'mem' });
    const sockets = await connectAll(server.port, n);
    const after = await ask<{ rss: number; heap: number; subscribers: number }>(server.child, { cmd: 'mem' });
    if (after.subscribers !== n) throw new Error(`expected ${n} subscribers, server has ${after.subscribers}`);
    const wall: Record<string, number[]> = { loop: [], gateway: [], loopBurst: [], gatewayBurst: [] };
    const cpu: Record<string, number[]> = { loop: [], gateway: [], loopBurst: [], gatewayBurst: [] };
    const record = (k: string, r: { wall: number; cpu: number }) => (wall[k]!.push(r.wall), cpu[k]!.push(r.cpu));
    for (let i = 0; i < 3; i++) for (const m of ['loop', 'gateway'] as const) await fire(server.child, n, m); // warm-up
    for (let i = 0; i < ROUNDS[n]!; i++) {
      // alternate which goes first, so neither always runs on a just-warmed cache
      for (const m of i % 2 ? (['gateway', 'loop'] as const) : (['loop', 'gateway'] as const)) record(m, await fire(server.child, n, m));
    }
    for (let i = 0; i < BURST_ROUNDS[n]!; i++) {
      record('loopBurst', await fire(server.child, n, 'loop', BURST));
      record('gatewayBurst', await fire(server.child, n, 'gateway', BURST));
    }
    const f = (x: number) => x.toFixed(1);
    const p = (xs: number[], q: number) => f(percentile(xs, q));
    rows.push([
      n,
      ROUNDS[n]!,
      `${p(wall.loop!, 50)} / ${p(wall.loop!, 99)}`,
      `${p(wall.gateway!, 50)} / ${p(wall.gateway!, 99)}`,
      (percentile(wall.loop!, 99) / percentile(wall.gateway!, 99)).toFixed(2),
      `${p(cpu.loop!, 50)} / ${p(cpu.gateway!, 50)}`,
      `${p(wall.loopBurst!, 50)} / ${p(wall.gatewayBurst!, 50)}`,
      `${p(cpu.loopBurst!, 50)} / ${p(cpu.gatewayBurst!, 50)}`,
      ((after.rss - before.rss) / n / 1024).toFixed(1),
      ((after.heap - before.heap) / n / 1024).toFixed(1),
    ]);
    console.log(`${n} viewers: ${rows.at(-1)!.slice(2).join(' | ')}`);
    for (const s of sockets) s.destroy();
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.send({ cmd: 'stop' });
    await Promise.race([exited, sleep(5000)]);
    server.child.kill();
  }
  console.log(
    `\none chat message (${frameBytes} bytes) to every viewer: wall ms until the LAST viewer has it; ` +
      `server CPU ms (p50) per fan-out; burst = ${BURST} messages in one tick (p50); load average ${loadavg()[0]!.toFixed(1)}\n`,
  );
  printTable(
    [
      'viewers',
      'rounds',
      'loop p50 / p99',
      'gateway p50 / p99',
      'p99 loop/gw',
      'CPU loop / gw',
      `burst ${BURST}: loop / gw`,
      `burst CPU loop / gw`,
      'RSS KB/viewer',
      'heap KB/viewer',
    ],
    rows,
  );
}

registerBench({ name: 'realtime-fanout', title: 'WebSocket fan-out: gateway vs a plain ws.send loop (loopback)', run });
