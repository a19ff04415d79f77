import type { RealtimeBus } from './bus.js';
import type { ClientMessageHandler, ConnectionEnv, ConnectionLimits, TopicAuthorizer } from './connection.js';
import {
  REALTIME_LIMITS,
  serverMessages,
  TOPIC_RE,
  type ClientMessageType,
  type DurableMessageType,
  type ServerMessages,
  type ServerMessageType,
  type VolatileMessageType,
} from './contract.js';
import { Hub } from './hub.js';

export interface RealtimeOptions {
  bus: RealtimeBus;
  limits?: Partial<ConnectionLimits>;
  /** a busy topic sends at most one frame per socket per this many ms (default 50) */
  coalesceMs?: number;
  log?: (msg: string, err?: unknown) => void;
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  maxFrameBytes: REALTIME_LIMITS.maxFrameBytes,
  maxSubscriptions: REALTIME_LIMITS.maxSubscriptions,
  frames: { burst: 30, perSecond: 10 },
  patience: { burst: 10, perSecond: 0.2 },
  softQueueBytes: 256 * 1024,
  hardQueueBytes: 4 * 1024 * 1024,
};

/**
 * What modules use: publish durable messages, signal volatile ones, say who may read a topic
 * prefix, and handle what browsers send into a topic. One instance per process (app.ts).
 */
export class Realtime {
  readonly hub: Hub;
  readonly limits: ConnectionLimits;
  readonly log: (msg: string, err?: unknown) => void;
  private readonly authorizers = new Map<string, TopicAuthorizer>();
  private readonly handlers = new Map<string, ClientMessageHandler[]>();

  constructor(readonly bus: RealtimeBus, opts: Omit<RealtimeOptions, 'bus'> = {}) {
    this.log = opts.log ?? (() => {});
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.hub = new Hub(bus, { coalesceMs: opts.coalesceMs, log: this.log });
  }

  /** Stores and fans out a durable message; resolves with its event id (after the bus took it). */
  async publish<K extends DurableMessageType>(topic: string, type: K, payload: ServerMessages[K]): Promise<number> {
    return this.bus.publish(topic, type, this.check(topic, type, payload, true));
  }

  /** Fans out a volatile message (counters): latest wins, a slow socket may skip it. */
  async signal<K extends VolatileMessageType>(topic: string, type: K, payload: ServerMessages[K]): Promise<void> {
    return this.bus.signal(topic, type, this.check(topic, type, payload, false));
  }

  /** Who may subscribe to topics `prefix:*`. Unregistered prefixes are refused. */
  authorize(prefix: string, fn: TopicAuthorizer): void {
    if (this.authorizers.has(prefix)) throw new Error(`realtime: topic prefix '${prefix}' already has an authorizer`);
    this.authorizers.set(prefix, fn);
  }

  /** Anyone, signed in or not, may read `prefix:*` (a live room, a public 接龙 list). */
  allowPublic(prefix: string): void {
    this.authorize(prefix, () => true);
  }

  /** Handles `{type:'send', topic, name, payload}` from a socket subscribed to `handler.prefix:*`. */
  onClientMessage<K extends ClientMessageType>(name: K, handler: ClientMessageHandler<K>): void {
    const list = this.handlers.get(name) ?? [];
    if (list.some((h) => h.prefix === handler.prefix)) throw new Error(`realtime: '${name}' on '${handler.prefix}:*' is handled twice`);
    list.push(handler as unknown as ClientMessageHandler);
    this.handlers.set(name, list);
  }

  stats() {
    return { bus: this.bus.kind, ...this.hub.stats() };
  }

  /** what a Connection needs of this instance */
  connectionEnv(): ConnectionEnv {
    return {
      hub: this.hub,
      limits: this.limits,
      authorizerFor: (prefix) => this.authorizers.get(prefix),
      handlerFor: (name, prefix) => this.handlers.get(name)?.find((h) => h.prefix === prefix),
      log: this.log,
    };
  }

  async close(): Promise<void> {
    this.hub.close();
    await this.bus.close();
  }

  private check(topic: string, type: ServerMessageType, payload: unknown, durable: boolean): unknown {
    if (!TOPIC_RE.test(topic)) throw new Error(`realtime: bad topic '${topic}'`);
    const spec = serverMessages[type];
    if (!spec) throw new Error(`realtime: unknown message type '${type}'`);
    if (spec.durable !== durable) throw new Error(`realtime: '${type}' is ${spec.durable ? 'durable: publish()' : 'volatile: signal()'} it`);
    // parse, not just check: unknown keys (a phone number, a cost price) never reach the wire
    return spec.schema.parse(payload);
  }
}
