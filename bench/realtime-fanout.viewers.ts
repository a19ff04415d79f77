/**
 * A share of the viewers of bench/realtime-fanout.ts, in a process of its own (the bench starts
 * FANOUT_VIEWER_PROCS of them), so reading 10k sockets is spread over processes and the bench
 * process itself stays idle while it times a round.
 *
 * Viewers are raw TCP sockets that speak just enough WebSocket: the handshake, one masked
 * subscribe frame, then look for a round's marker in what arrives. Driven over IPC:
 * `connect` {port, count} → `connected`; `arm` {id, marker} → `armed`, then `done` {id, at, cpuMs}
 * once every viewer of this process has the marker (`at`: performance.timeOrigin + now, comparable
 * across processes; `cpuMs`: this process's user + system CPU from arm to done); `stop`.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';

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
  id: number;
  marker: Buffer;
  left: number;
  cpu0: NodeJS.CpuUsage;
}
let round: Round | null = null;
const sockets: net.Socket[] = [];

function finish(r: Round): void {
  const at = performance.timeOrigin + performance.now();
  const cpu = process.cpuUsage(r.cpu0);
  round = null;
  process.send!({ cmd: 'done', id: r.id, at, cpuMs: (cpu.user + cpu.system) / 1000 });
}

/** one read buffer for every socket: reads are handled one at a time, so nothing is allocated per read */
const READ = Buffer.allocUnsafe(64 * 1024);
const TAIL = 40;

function viewer(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    let phase: 'handshake' | 'subscribing' | 'live' = 'handshake';
    let seen = -1;
    let tail: Buffer | null = null; // the end of the previous read, only while a round is looking for its marker
    const onRead = (n: number, buf: Buffer): void => {
      if (phase !== 'live') {
        const chunk = buf.subarray(0, n);
        if (phase === 'handshake') {
          if (!chunk.toString('latin1', 0, 12).includes('101')) return reject(new Error('handshake refused'));
          phase = 'subscribing';
          s.write(SUBSCRIBE);
        }
        if (chunk.includes('"subscribed"')) {
          phase = 'live';
          resolve(s);
        }
        return;
      }
      const r = round;
      if (!r || seen === r.id) return;
      // a marker split across two reads is found in the tail + the head of this read
      let found = buf.subarray(0, n).includes(r.marker);
      if (!found && tail) found = Buffer.concat([tail, buf.subarray(0, Math.min(n, TAIL))]).includes(r.marker);
      if (found) {
        seen = r.id;
        tail = null;
        if (--r.left === 0) finish(r);
      } else tail = Buffer.from(buf.subarray(Math.max(0, n - TAIL), n));
    };
    const s = net.connect({ port, host: '127.0.0.1', onread: { buffer: READ, callback: (n: number) => (onRead(n, READ), true) } });
    s.on('connect', () => s.write(HANDSHAKE));
    s.on('error', reject);
  });
}

process.on('message', async (m: { cmd: string; port?: number; count?: number; id?: number; marker?: string }) => {
  if (m.cmd === 'connect') {
    for (let i = 0; i < m.count!; i += 250) {
      sockets.push(...(await Promise.all(Array.from({ length: Math.min(250, m.count! - i) }, () => viewer(m.port!)))));
    }
    return process.send!({ cmd: 'connected', count: sockets.length });
  }
  if (m.cmd === 'arm') {
    round = { id: m.id!, marker: Buffer.from(m.marker!), left: sockets.length, cpu0: process.cpuUsage() };
    return process.send!({ cmd: 'armed', id: m.id });
  }
  if (m.cmd === 'stop') {
    for (const s of sockets) s.destroy();
    process.exit(0);
  }
});
process.send!({ cmd: 'ready' });
