import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryBus, type BusListener, type History } from './bus.js';
import type { RealtimeEvent, ServerFrame } from './contract.js';
import type { Subscriber } from './hub.js';
import { Realtime } from './realtime.js';
import { TokenBucket } from './token-bucket.js';
import { framePayload } from './wire.js';

const T = 'room:show-1';
const chat = (n: number) => ({ messageId: `m${n}`, author: '张*', text: `第${n}条`, at: '2026-11-25T02:00:00.000Z' });

function sub() {
  const frames: ServerFrame[] = [];
  const buffers: Buffer[] = [];
  const s: Subscriber & { frames: ServerFrame[]; buffers: Buffer[]; events(): RealtimeEvent[] } = {
    frames,
    buffers,
    sendShared(b) {
      buffers.push(b);
      frames.push(JSON.parse(framePayload(b).toString()) as ServerFrame);
    },
    send(f) {
      frames.push(f);
    },
    events: () => frames.flatMap((f) => (f.type === 'events' ? f.events : [])),
  };
  return s;
}
const tick = () => new Promise((r) => setImmediate(r));
const texts = (evs: RealtimeEvent[]) => evs.map((e) => (e.type === 'chat' ? e.payload.text : e.type));

function setup(o: { keep?: number; coalesceMs?: number } = {}) {
  const bus = new MemoryBus({ keep: o.keep });
  const rt = new Realtime(bus, { coalesceMs: o.coalesceMs ?? 0 });
  return { bus, rt, hub: rt.hub };
}

afterEach(() => void vi.useRealTimers());

describe('realtime hub', () => {
  it('builds a frame once per topic and hands the same bytes to every socket', async () => {
    const { rt, hub } = setup();
    const subs = Array.from({ length: 100 }, sub);
    for (const s of subs) await hub.subscribe(s, T);
    await rt.publish(T, 'chat', chat(1));
    await tick();
    expect(hub.counters.framesBuilt).toBe(1);
    expect(new Set(subs.map((s) => s.buffers[0])).size).toBe(1);
    expect(texts(subs[99]!.events())).toEqual(['第1条']);
  });

  it('coalesces a burst into one frame and holds a busy topic to one frame per coalesceMs', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'Date'] });
    const { rt, hub } = setup({ coalesceMs: 50 });
    const s = sub();
    await hub.subscribe(s, T);
    for (let i = 1; i <= 10; i++) await rt.publish(T, 'chat', chat(i));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.buffers).toHaveLength(1);
    expect(s.events()).toHaveLength(10);
    await rt.publish(T, 'chat', chat(11));
    await vi.advanceTimersByTimeAsync(49);
    expect(s.buffers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.buffers).toHaveLength(2);
  });

  it('keeps only the latest value of a volatile message within a frame', async () => {
    const { rt, hub } = setup();
    const s = sub();
    await hub.subscribe(s, T);
    await rt.signal(T, 'viewers', { count: 1 });
    await rt.publish(T, 'chat', chat(1));
    await rt.signal(T, 'viewers', { count: 3 });
    await tick();
    expect(s.events().map((e) => e.payload)).toEqual([chat(1), { count: 3 }]);
  });

  it('resumes from lastEventId with exactly the missed durable messages and no volatile ones', async () => {
    const { rt, hub } = setup();
    const watcher = sub(); // keeps the topic live meanwhile
    await hub.subscribe(watcher, T);
    const first = await rt.publish(T, 'chat', chat(1));
    await rt.publish(T, 'chat', chat(2));
    await rt.signal(T, 'likes', { total: 9 });
    const third = await rt.publish(T, 'chat', chat(3));
    await tick();
    const back = sub();
    await hub.subscribe(back, T, { lastEventId: first });
    expect(texts(back.events())).toEqual(['第2条', '第3条']);
    expect(back.frames.at(-1)).toEqual({ type: 'subscribed', topic: T, head: third });
    await rt.publish(T, 'chat', chat(4));
    await tick();
    expect(texts(back.events())).toEqual(['第2条', '第3条', '第4条']);
    expect(back.events().map((e) => e.id)).toEqual([first + 1, first + 2, first + 3]);
  });

  it('tells a client to resync when its gap is older than what is kept, or from before a restart', async () => {
    const { rt, hub } = setup({ keep: 5 });
    const first = await rt.publish(T, 'chat', chat(1));
    let last = first;
    for (let i = 2; i <= 10; i++) last = await rt.publish(T, 'chat', chat(i));
    const old = sub();
    await hub.subscribe(old, T, { lastEventId: first });
    expect(old.frames[0]).toEqual({ type: 'resync', topic: T, head: last });
    expect(old.events()).toEqual([]);
    // a fresh process: ids start above anything handed out before, an old id cannot replay wrongly
    const fresh = setup();
    const stale = sub();
    await fresh.hub.subscribe(stale, T, { lastEventId: last });
    expect(stale.frames[0]).toMatchObject({ type: 'resync' });
    const next = await fresh.rt.publish(T, 'chat', chat(11));
    expect(next).toBeGreaterThan(last);
  });

  it('replays the last `tail` kept messages on a first join', async () => {
    const { rt, hub } = setup();
    for (let i = 1; i <= 10; i++) await rt.publish(T, 'chat', chat(i));
    const s = sub();
    await hub.subscribe(s, T, { tail: 3 });
    expect(texts(s.events())).toEqual(['第8条', '第9条', '第10条']);
  });

  it('loses and repeats nothing for a socket that joins while messages flow', async () => {
    const bus = new MemoryBus();
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const slow = Object.assign(Object.create(bus) as MemoryBus, {
      history: async (topic: string, after: number): Promise<History> => (await gate, bus.history(topic, after)),
    });
    const rt = new Realtime(slow, { coalesceMs: 0 });
    const early = sub();
    await bus.watch(T); // watched before the gate, so the early socket's join below is quick
    const first = await rt.publish(T, 'chat', chat(1));
    const joining = rt.hub.subscribe(early, T, { lastEventId: first });
    await rt.publish(T, 'chat', chat(2)); // while the replay is being read
    open();
    await joining;
    await rt.publish(T, 'chat', chat(3));
    await tick();
    await tick();
    expect(texts(early.events())).toEqual(['第2条', '第3条']);
  });

  it('fills a gap in the live stream from the history (a pub/sub message went missing)', async () => {
    const bus = new MemoryBus();
    let drop = false;
    const realSet = bus.setListener.bind(bus);
    bus.setListener = (l: BusListener) => realSet((topic, ev) => (drop ? undefined : l(topic, ev)));
    const rt = new Realtime(bus, { coalesceMs: 0 });
    const s = sub();
    await rt.hub.subscribe(s, T);
    await rt.publish(T, 'chat', chat(1));
    drop = true;
    await rt.publish(T, 'chat', chat(2));
    drop = false;
    await rt.publish(T, 'chat', chat(3));
    await tick();
    await tick();
    expect(texts(s.events())).toEqual(['第1条', '第2条', '第3条']);
  });

  it('publishes only declared fields, and only through the call that matches the message kind', async () => {
    const { rt, hub } = setup();
    const s = sub();
    await hub.subscribe(s, T);
    await rt.publish(T, 'chat', { ...chat(1), phone: '13812341234' } as ReturnType<typeof chat>);
    await tick();
    expect(s.events()[0]!.payload).not.toHaveProperty('phone');
    await expect(rt.publish(T, 'viewers' as 'chat', { count: 1 } as never)).rejects.toThrow(/volatile/);
    await expect(rt.publish('no spaces allowed', 'chat', chat(1))).rejects.toThrow(/bad topic/);
  });
});

describe('token bucket', () => {
  it('allows a burst, then refills at its rate', () => {
    let now = 0;
    const b = new TokenBucket(3, 2, () => now);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
    now = 499;
    expect(b.take()).toBe(false);
    now = 500;
    expect(b.take()).toBe(true);
  });
});
