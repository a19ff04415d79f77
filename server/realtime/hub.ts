import type { BusEvent, RealtimeBus } from './bus.js';
import type { ServerFrame } from './contract.js';
import { textFrame } from './wire.js';

/** One socket as the hub sees it (a Connection of the gateway, or a fake in tests). */
export interface Subscriber {
  /** a complete WebSocket frame (wire.ts), the same bytes for every subscriber of the topic */
  sendShared(frame: Buffer, volatileOnly: boolean): void;
  send(frame: ServerFrame): void;
}

export interface HubOptions {
  /** a topic sends at most one frame per this many ms; a lone message goes out at once */
  coalesceMs?: number;
  maxEventsPerFrame?: number;
  now?: () => number;
  log?: (msg: string, err?: unknown) => void;
}

interface TopicState {
  topic: string;
  subs: Set<Subscriber>;
  /** subscribers whose replay is being fetched, with the live events seen meanwhile */
  joining: Map<Subscriber, BusEvent[]>;
  /** subscribers that got a replay up to this id: older live events are skipped for them */
  floors: Map<Subscriber, number>;
  queue: BusEvent[];
  timer: { cancel(): void } | null;
  lastFlush: number;
  /** newest durable id that reached this node live (0 = none yet) */
  lastId: number;
  /** live events held back while a gap is filled from the bus history */
  filling: BusEvent[] | null;
  watching: Promise<void>;
  head: string;
  closed: boolean;
}

export interface SubscribeOptions {
  lastEventId?: number;
  tail?: number;
}

/**
 * Topic fan-out of one node: each flush builds a topic's frame once (JSON, then the whole
 * WebSocket frame) and hands the same bytes to every socket; messages of a busy topic are coalesced into one frame per
 * `coalesceMs`; a joining socket gets the replay it asked for, then the live stream, with no
 * message lost or repeated in between.
 */
export class Hub {
  private topics = new Map<string, TopicState>();
  private readonly coalesceMs: number;
  private readonly maxEvents: number;
  private readonly now: () => number;
  private readonly log: (msg: string, err?: unknown) => void;
  readonly counters = { framesBuilt: 0, framesSent: 0, eventsIn: 0 };

  constructor(private readonly bus: RealtimeBus, opts: HubOptions = {}) {
    this.coalesceMs = opts.coalesceMs ?? 50;
    this.maxEvents = opts.maxEventsPerFrame ?? 256;
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? (() => {});
    bus.setListener((topic, ev) => {
      const t = this.topics.get(topic);
      if (t) this.ingest(t, ev);
    });
    bus.setReconnectListener(() => {
      for (const t of this.topics.values()) if (t.lastId > 0 && !t.filling) this.fill(t, []);
    });
  }

  stats() {
    let subscribers = 0;
    for (const t of this.topics.values()) subscribers += t.subs.size + t.joining.size;
    return { topics: this.topics.size, subscribers, ...this.counters };
  }

  async subscribe(sub: Subscriber, topic: string, o: SubscribeOptions = {}): Promise<void> {
    let t = this.topics.get(topic);
    if (!t) {
      t = {
        topic, subs: new Set(), joining: new Map(), floors: new Map(), queue: [], timer: null, lastFlush: 0, lastId: 0,
        filling: null, watching: this.bus.watch(topic), head: `{"type":"events","topic":${JSON.stringify(topic)},"events":[`,
        closed: false,
      };
      this.topics.set(topic, t);
    }
    if (t.subs.has(sub) || t.joining.has(sub)) return;
    t.joining.set(sub, []);
    try {
      await t.watching;
      const h = await this.bus.history(topic, o.lastEventId ?? 0);
      const buffered = t.joining.get(sub);
      if (!buffered || t.closed) return; // left while joining
      t.joining.delete(sub);
      let after = o.lastEventId ?? h.head;
      let resync = false;
      if (o.lastEventId !== undefined) {
        const tooOld = h.head > o.lastEventId && (h.oldest === 0 || h.oldest > o.lastEventId + 1);
        resync = o.lastEventId > h.head || tooOld;
        if (resync) after = h.head;
      } else if (o.tail) {
        after = h.events.length > o.tail ? h.events[h.events.length - o.tail - 1]!.id! : 0;
      }
      const byId = new Map<number, BusEvent>();
      for (const e of [...h.events, ...buffered]) if (e.id !== undefined && e.id > after) byId.set(e.id, e);
      const replay = [...byId.values()].sort((a, b) => a.id! - b.id!);
      const floor = replay.length ? replay[replay.length - 1]!.id! : after;
      // resync first (the page refetches), then the replay, then `subscribed`: caught up, live from here
      if (resync) sub.send({ type: 'resync', topic, head: h.head });
      for (let i = 0; i < replay.length; i += this.maxEvents) sub.sendShared(this.frame(t, replay.slice(i, i + this.maxEvents)), false);
      sub.send({ type: 'subscribed', topic, head: Math.max(h.head, floor) });
      t.floors.set(sub, floor);
      t.subs.add(sub);
    } catch (err) {
      t.joining.delete(sub);
      this.dropIfIdle(t);
      throw err;
    }
  }

  unsubscribe(sub: Subscriber, topic: string): void {
    const t = this.topics.get(topic);
    if (!t) return;
    t.subs.delete(sub);
    t.joining.delete(sub);
    t.floors.delete(sub);
    this.dropIfIdle(t);
  }

  /** forgets every topic and drops what is queued (sockets are closed by the gateway) */
  close(): void {
    for (const t of this.topics.values()) {
      t.timer?.cancel();
      t.closed = true;
    }
    this.topics.clear();
  }

  private dropIfIdle(t: TopicState): void {
    if (t.subs.size || t.joining.size || t.closed) return;
    t.closed = true;
    t.timer?.cancel();
    this.topics.delete(t.topic);
    this.bus.unwatch(t.topic);
  }

  private ingest(t: TopicState, ev: BusEvent): void {
    if (t.filling) {
      t.filling.push(ev);
      return;
    }
    if (ev.id !== undefined) {
      if (t.lastId && ev.id <= t.lastId) return; // already delivered
      if (t.lastId && ev.id > t.lastId + 1) return this.fill(t, [ev]);
      t.lastId = ev.id;
    }
    this.accept(t, ev);
  }

  /** A live message is missing (bus reconnect, dropped pub/sub message): fetch it from history. */
  private fill(t: TopicState, backlog: BusEvent[]): void {
    t.filling = backlog;
    const from = t.lastId;
    this.bus
      .history(t.topic, from)
      .then((h) => {
        if (h.events.length && h.oldest <= from + 1) {
          for (const e of h.events) this.accept(t, e);
          t.lastId = Math.max(t.lastId, h.events[h.events.length - 1]!.id!);
        } else if (h.head > from) this.resyncAll(t, h.head);
      })
      .catch((err) => {
        this.log(`realtime: could not fill a gap in ${t.topic}`, err);
        this.resyncAll(t, 0);
      })
      .finally(() => {
        const held = t.filling ?? [];
        t.filling = null;
        for (const e of held) this.ingest(t, e);
      });
  }

  private resyncAll(t: TopicState, head: number): void {
    this.flush(t);
    for (const s of t.subs) s.send({ type: 'resync', topic: t.topic, head });
    t.lastId = 0;
  }

  private accept(t: TopicState, ev: BusEvent): void {
    this.counters.eventsIn++;
    for (const buf of t.joining.values()) buf.push(ev);
    if (ev.id === undefined) {
      // volatile: the latest value of a type replaces an older one still queued
      const i = t.queue.findIndex((q) => q.id === undefined && q.type === ev.type);
      if (i >= 0) t.queue.splice(i, 1);
    }
    t.queue.push(ev);
    this.schedule(t);
  }

  private schedule(t: TopicState): void {
    if (t.timer || t.closed) return;
    const wait = t.lastFlush + this.coalesceMs - this.now();
    const run = () => {
      t.timer = null;
      this.flush(t);
    };
    if (wait <= 0) {
      const h = setImmediate(run);
      t.timer = { cancel: () => clearImmediate(h) };
    } else {
      const h = setTimeout(run, wait);
      t.timer = { cancel: () => clearTimeout(h) };
    }
  }

  private frame(t: TopicState, events: BusEvent[]): Buffer {
    this.counters.framesBuilt++;
    let s = t.head;
    for (let i = 0; i < events.length; i++) s += (i ? ',' : '') + events[i]!.json;
    return textFrame(Buffer.from(s + ']}'));
  }

  private flush(t: TopicState): void {
    t.timer?.cancel();
    t.timer = null;
    if (!t.queue.length) return;
    t.lastFlush = this.now();
    const batch = t.queue.splice(0, this.maxEvents);
    if (t.queue.length) this.schedule(t);
    const shared = this.frame(t, batch);
    const volatileOnly = batch.every((e) => e.id === undefined);
    const newest = volatileOnly ? 0 : Math.max(...batch.map((e) => e.id ?? 0));
    for (const s of t.subs) {
      const floor = t.floors.get(s);
      if (floor === undefined) {
        s.sendShared(shared, volatileOnly);
        this.counters.framesSent++;
        continue;
      }
      // just joined: skip what its replay already carried (rare path, built per socket)
      const mine = batch.filter((e) => e.id === undefined || e.id > floor);
      if (mine.length) s.sendShared(mine.length === batch.length ? shared : this.frame(t, mine), volatileOnly);
      if (newest >= floor) t.floors.delete(s);
    }
  }
}
