import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { epochStart, type BusEvent, type BusListener, type History, type RealtimeBus } from './bus.js';

/**
 * Redis pub/sub bus: N API nodes, each fanning out to its own sockets.
 *
 * A durable publish is one Lua script: bump the topic's counter, append to its capped history
 * list, PUBLISH. Redis runs scripts one at a time, so the channel carries a topic's messages in
 * id order whichever node published them. Ids are read back with GET (Lua numbers are doubles
 * and would print 1.7e+15). A node subscribes to a topic's channel only while it has sockets on it.
 */
const PUBLISH_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SET', KEYS[1], ARGV[4]) else redis.call('INCR', KEYS[1]) end
local id = redis.call('GET', KEYS[1])
local entry = '{"id":' .. id .. ',' .. ARGV[2]
redis.call('RPUSH', KEYS[2], entry)
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[3]), -1)
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
redis.call('PUBLISH', ARGV[1], entry)
return id`;

const HEAD_RE = /^\{(?:"id":(\d+),)?"type":"([^"]+)"/;

function decode(json: string): BusEvent | null {
  const m = HEAD_RE.exec(json);
  if (!m) return null;
  return m[1] === undefined ? { type: m[2]!, json } : { id: Number(m[1]), type: m[2]!, json };
}

export interface RedisBusOptions {
  url: string;
  /** key and channel prefix (tests and several deployments on one Redis) */
  prefix?: string;
  /** durable messages kept per topic */
  keep?: number;
  /** history and counters expire after this long without a publish */
  ttlMs?: number;
  now?: () => number;
  log?: (msg: string, err?: unknown) => void;
}

export class RedisBus implements RealtimeBus {
  readonly kind = 'redis';
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly prefix: string;
  private listener: BusListener = () => {};
  private onReconnect: () => void = () => {};
  private watched = new Set<string>();
  private readyOnce = false;
  /** CLIENT SETNAME of the subscriber connection (operators and tests find it in CLIENT LIST) */
  readonly subscriberName = `linli-rt-sub-${process.pid}-${randomBytes(3).toString('hex')}`;

  constructor(private readonly opts: RedisBusOptions) {
    this.prefix = opts.prefix ?? 'linli:rt:';
    const log = opts.log ?? (() => {});
    this.pub = new Redis(opts.url, { lazyConnect: false });
    this.sub = new Redis(opts.url, { lazyConnect: false, connectionName: this.subscriberName });
    this.pub.on('error', (e) => log('realtime redis (publish) error', e));
    this.sub.on('error', (e) => log('realtime redis (subscribe) error', e));
    this.pub.defineCommand('linliPublish', { numberOfKeys: 2, lua: PUBLISH_LUA });
    const channelPrefix = `${this.prefix}ch:`;
    this.sub.on('message', (channel: string, message: string) => {
      if (!channel.startsWith(channelPrefix)) return;
      const ev = decode(message);
      if (ev) this.listener(channel.slice(channelPrefix.length), ev);
    });
    this.sub.on('ready', () => {
      if (!this.readyOnce) {
        this.readyOnce = true;
        return;
      }
      // ioredis re-subscribes right after 'ready'; a PING on the same connection answers after
      // that, and only then can the hub look for what it missed while disconnected
      this.sub.ping().then(() => this.onReconnect(), (e) => log('realtime redis resubscribe check failed', e));
    });
  }

  private keys(topic: string) {
    return { seq: `${this.prefix}seq:${topic}`, log: `${this.prefix}log:${topic}`, channel: `${this.prefix}ch:${topic}` };
  }

  async publish(topic: string, type: string, payload: unknown): Promise<number> {
    const k = this.keys(topic);
    const body = JSON.stringify({ type, payload }).slice(1); // '"type":…,"payload":…}'
    const first = String(epochStart((this.opts.now ?? Date.now)()) + 1);
    const id = await (this.pub as unknown as {
      linliPublish(...args: string[]): Promise<string>;
    }).linliPublish(k.seq, k.log, k.channel, body, String(this.opts.keep ?? 256), first, String(this.opts.ttlMs ?? 7 * 86_400_000));
    return Number(id);
  }

  async signal(topic: string, type: string, payload: unknown): Promise<void> {
    await this.pub.publish(this.keys(topic).channel, JSON.stringify({ type, payload }));
  }

  async history(topic: string, afterId: number): Promise<History> {
    const k = this.keys(topic);
    const [[, head], [, list]] = (await this.pub.multi().get(k.seq).lrange(k.log, 0, -1).exec()) as [
      [unknown, string | null],
      [unknown, string[]],
    ];
    const kept = list.map(decode).filter((e): e is BusEvent => e !== null && e.id !== undefined);
    return { events: kept.filter((e) => e.id! > afterId), head: head ? Number(head) : 0, oldest: kept[0]?.id ?? 0 };
  }

  async watch(topic: string): Promise<void> {
    if (this.watched.has(topic)) return;
    this.watched.add(topic);
    await this.sub.subscribe(this.keys(topic).channel);
  }

  unwatch(topic: string): void {
    if (!this.watched.delete(topic)) return;
    this.sub.unsubscribe(this.keys(topic).channel).catch(() => {});
  }

  setListener(listener: BusListener): void {
    this.listener = listener;
  }

  setReconnectListener(fn: () => void): void {
    this.onReconnect = fn;
  }

  async close(): Promise<void> {
    this.watched.clear();
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
  }
}
