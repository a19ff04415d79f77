/**
 * The bus port: where a message published on any node meets the sockets of every node.
 * Memory (one process) by default; Redis pub/sub (redis-bus.ts) when REDIS_URL is set.
 *
 * Contract for an implementation:
 * - durable ids are per topic, increasing by one within an epoch; a new epoch (restart, evicted
 *   topic, expired Redis key) starts at creation-ms × 1000, above every id handed out before, so
 *   a client holding an older id sees a gap and is told to resync instead of getting wrong replays;
 * - the listener gets each watched topic's durable messages in id order (it fills gaps itself
 *   from `history`);
 * - `history` returns what is kept (the last `keep` messages) after an id, and the newest id.
 */
export interface BusEvent {
  /** durable messages only */
  id?: number;
  type: string;
  /** the event as it goes on the wire: {"id":…,"type":…,"payload":…} */
  json: string;
}

export interface History {
  /** kept durable messages with id > afterId, oldest first */
  events: BusEvent[];
  /** newest durable id of the topic (0 = none) */
  head: number;
  /** oldest kept id (0 = nothing kept) */
  oldest: number;
}

export type BusListener = (topic: string, ev: BusEvent) => void;

export interface RealtimeBus {
  readonly kind: 'memory' | 'redis';
  /** stores a durable message, assigns its id and fans it out; resolves with the id */
  publish(topic: string, type: string, payload: unknown): Promise<number>;
  /** fans out a volatile message (no id, not stored) */
  signal(topic: string, type: string, payload: unknown): Promise<void>;
  history(topic: string, afterId: number): Promise<History>;
  /** this node wants the live messages of `topic`; resolves once they will arrive */
  watch(topic: string): Promise<void>;
  unwatch(topic: string): void;
  setListener(listener: BusListener): void;
  /** called after the bus lost and regained its connection (messages may have been missed) */
  setReconnectListener(fn: () => void): void;
  close(): Promise<void>;
}

export const encodeEvent = (id: number | undefined, type: string, payload: unknown): string =>
  JSON.stringify(id === undefined ? { type, payload } : { id, type, payload });

export const epochStart = (nowMs: number): number => nowMs * 1000;

/** the highest durable id a memory bus of this process handed out (a new epoch starts above it) */
let highestIssued = 0;

interface TopicLog {
  next: number;
  ring: BusEvent[];
}

/** One process only: ids, history and fan-out live in this process's memory. */
export class MemoryBus implements RealtimeBus {
  readonly kind = 'memory';
  private logs = new Map<string, TopicLog>();
  private watched = new Set<string>();
  private listener: BusListener = () => {};

  constructor(private readonly opts: { keep?: number; maxTopics?: number; now?: () => number } = {}) {}

  private log(topic: string, create: boolean): TopicLog | undefined {
    let log = this.logs.get(topic);
    if (log) {
      // least recently used topics are evicted first
      this.logs.delete(topic);
      this.logs.set(topic, log);
    } else if (create) {
      // above every id this process handed out, even for a topic evicted and re-created in the same millisecond
      log = { next: Math.max(epochStart((this.opts.now ?? Date.now)()), highestIssued) + 1, ring: [] };
      this.logs.set(topic, log);
      if (this.logs.size > (this.opts.maxTopics ?? 10_000)) this.logs.delete(this.logs.keys().next().value!);
    }
    return log;
  }

  async publish(topic: string, type: string, payload: unknown): Promise<number> {
    const log = this.log(topic, true)!;
    const id = log.next++;
    if (id > highestIssued) highestIssued = id;
    const ev: BusEvent = { id, type, json: encodeEvent(id, type, payload) };
    log.ring.push(ev);
    if (log.ring.length > (this.opts.keep ?? 256)) log.ring.shift();
    if (this.watched.has(topic)) this.listener(topic, ev);
    return id;
  }

  async signal(topic: string, type: string, payload: unknown): Promise<void> {
    if (this.watched.has(topic)) this.listener(topic, { type, json: encodeEvent(undefined, type, payload) });
  }

  async history(topic: string, afterId: number): Promise<History> {
    const log = this.log(topic, false);
    if (!log || log.ring.length === 0) return { events: [], head: log ? log.next - 1 : 0, oldest: 0 };
    return { events: log.ring.filter((e) => e.id! > afterId), head: log.next - 1, oldest: log.ring[0]!.id! };
  }

  async watch(topic: string): Promise<void> {
    this.watched.add(topic);
  }

  unwatch(topic: string): void {
    this.watched.delete(topic);
  }

  setListener(listener: BusListener): void {
    this.listener = listener;
  }

  setReconnectListener(): void {}

  async close(): Promise<void> {
    this.watched.clear();
  }
}
