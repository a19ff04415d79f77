/**
 * The server side of bench/realtime-fanout.ts, in its own process so its memory is its own:
 * the real gateway (Fastify + @fastify/websocket + hub + memory bus) on 127.0.0.1:0.
 * Driven over IPC: `mem` → memory after GC; `fire` → one round in `gateway` or `loop` mode,
 * answered with the CPU time (user + system) this process spent sending it.
 */
import Fastify from 'fastify';
import type { CtxDeps } from '../server/http/context.js';
import { MemoryBus, Realtime, registerRealtimeGateway, type ServerFrame } from '../server/realtime/index.js';

const TOPIC = 'bench:room';
const rt = new Realtime(new MemoryBus());
rt.allowPublic('bench');
const app = Fastify({ logger: false });
// the bench topic is public: identity (cookies → sessions) is never resolved, no database needed
await registerRealtimeGateway(app, rt, { ctx: {} as CtxDeps, heartbeatMs: 600_000 }); // raw bench clients do not answer pings
await app.listen({ port: 0, host: '127.0.0.1' });

// ~200 bytes on the wire, like a chat line with its envelope
const line = (nonce: string, i: number) => ({
  messageId: `m-${nonce}-${i}`,
  author: '张*',
  text: `${nonce} 阳光玫瑰还有吗？要两盒，楼下自提`,
  at: '2026-11-25T02:00:00.000Z',
});

let loopId = 1;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

process.on('message', async (m: { cmd: string; mode?: 'gateway' | 'loop'; nonce?: string; burst?: number }) => {
  if (m.cmd === 'mem') {
    gc();
    gc();
    const u = process.memoryUsage();
    return process.send!({ cmd: 'mem', rss: u.rss, heap: u.heapUsed, external: u.external, ...rt.stats() });
  }
  if (m.cmd === 'fire') {
    const cpu0 = process.cpuUsage();
    const n = m.burst ?? 1;
    if (m.mode === 'gateway') {
      for (let i = 0; i < n; i++) await rt.publish(TOPIC, 'chat', line(m.nonce!, i));
    } else {
      // the baseline: the same frames, written with a plain loop of ws.send(string) per socket
      for (let i = 0; i < n; i++) {
        const frame: ServerFrame = { type: 'events', topic: TOPIC, events: [{ id: loopId++, type: 'chat', payload: line(m.nonce!, i) }] };
        const s = JSON.stringify(frame);
        for (const ws of app.websocketServer.clients) ws.send(s);
      }
    }
    // the hub flushes on the next setImmediate; the one after it runs once that flush is done
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    const cpu = process.cpuUsage(cpu0);
    return process.send!({ cmd: 'fired', cpuMs: (cpu.user + cpu.system) / 1000 });
  }
  if (m.cmd === 'stop') {
    await app.close();
    process.exit(0);
  }
});

const addr = app.server.address();
process.send!({ cmd: 'ready', port: typeof addr === 'object' && addr ? addr.port : 0, frameBytes: Buffer.byteLength(JSON.stringify({ type: 'events', topic: TOPIC, events: [{ id: 1795567965138001, type: 'chat', payload: line('n0001x', 0) }] })) });
