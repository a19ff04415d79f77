import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { Ctx } from '../kernel/ctx.js';
import { ERROR_CODES, isAppError, type ErrorCode, type Lang } from '../kernel/errors.js';
import {
  CLOSE,
  clientFrame,
  clientMessages,
  topicPrefix,
  type ClientMessages,
  type ClientMessageType,
  type ServerFrame,
} from './contract.js';
import type { Hub, Subscriber } from './hub.js';
import { TokenBucket, type RateSpec } from './token-bucket.js';
import { writeFrame } from './wire.js';

/** Who is behind a socket, resolved lazily from the upgrade request's cookies. */
export interface SubscriberIdentity {
  /** the upgrade request (cookies, headers, ip) */
  req: FastifyRequest;
  /** the signed-in staff member (linli_staff cookie), or null */
  staff(): Promise<Ctx | null>;
  /** the neighbour of the store `slug` (linli_shop cookie); customerId null when anonymous */
  shop(slug: string): Promise<(Ctx & { customerId: string | null }) | null>;
}

export type TopicAuthorizer = (topic: string, who: SubscriberIdentity) => boolean | Promise<boolean>;

export interface ClientMessageHandler<K extends ClientMessageType = ClientMessageType> {
  /** topics of this prefix accept the message (room, campaign …) */
  prefix: string;
  /** per socket, on top of the general frame limit */
  rate?: RateSpec;
  /** checks `who` itself when it matters (e.g. only signed-in neighbours may chat); throw an AppError to refuse */
  handle(m: { topic: string; payload: ClientMessages[K]; who: SubscriberIdentity; connectionId: number }): Promise<void> | void;
}

export interface ConnectionLimits {
  maxFrameBytes: number;
  maxSubscriptions: number;
  /** client→server frames of any kind */
  frames: RateSpec;
  /** violations (rate, malformed, forbidden …) tolerated before the socket is closed with 1008 */
  patience: RateSpec;
  /** bytes queued on a socket before volatile frames are skipped / the socket is closed (1013) */
  softQueueBytes: number;
  hardQueueBytes: number;
}

export interface ConnectionEnv {
  hub: Hub;
  limits: ConnectionLimits;
  authorizerFor(prefix: string): TopicAuthorizer | undefined;
  handlerFor(name: string, prefix: string): ClientMessageHandler | undefined;
  log(msg: string, err?: unknown): void;
}

let nextId = 1;

/** One WebSocket: parses and limits what the client sends, and receives its topics' frames. */
export class Connection implements Subscriber {
  readonly id = nextId++;
  readonly topics = new Set<string>();
  alive = true;
  private readonly frames: TokenBucket;
  private readonly patience: TokenBucket;
  private readonly sendBuckets = new Map<string, TokenBucket>();
  private closed = false;

  constructor(
    readonly socket: WebSocket,
    readonly who: SubscriberIdentity,
    private readonly lang: Lang,
    private readonly env: ConnectionEnv,
  ) {
    this.frames = new TokenBucket(env.limits.frames.burst, env.limits.frames.perSecond);
    this.patience = new TokenBucket(env.limits.patience.burst, env.limits.patience.perSecond);
    socket.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    socket.on('pong', () => (this.alive = true));
    socket.on('close', () => this.dispose());
  }

  sendShared(frame: Buffer, volatileOnly: boolean): void {
    const ws = this.socket;
    if (ws.readyState !== ws.OPEN) return;
    const queued = ws.bufferedAmount;
    if (volatileOnly && queued > this.env.limits.softQueueBytes) return;
    // too slow to keep up: it reconnects and resumes from its lastEventId
    if (queued > this.env.limits.hardQueueBytes) return ws.close(CLOSE.tryAgain, 'too slow');
    writeFrame(ws, frame);
  }

  send(frame: ServerFrame): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.topics) this.env.hub.unsubscribe(this, t);
    this.topics.clear();
  }

  private error(code: ErrorCode, extra: { topic?: string; ref?: string } = {}, weight = 1): void {
    const spec = ERROR_CODES[code];
    this.send({ type: 'error', code, message: this.lang === 'en' ? spec.en : spec.zh, ...extra });
    if (weight > 0 && !this.patience.take(weight)) this.socket.close(CLOSE.policy, 'too many bad frames');
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    if (!this.frames.take()) return this.error('RATE_LIMITED');
    if (data.length > this.env.limits.maxFrameBytes) return this.error('REALTIME_TOO_LARGE', {}, 2);
    let frame;
    try {
      if (isBinary) throw new Error('binary');
      frame = clientFrame.parse(JSON.parse(data.toString('utf8')));
    } catch {
      return this.error('REALTIME_MALFORMED', {}, 2);
    }
    switch (frame.type) {
      case 'ping':
        return this.send({ type: 'pong' });
      case 'subscribe':
        return void this.subscribe(frame.topic, { lastEventId: frame.lastEventId, tail: frame.tail });
      case 'unsubscribe':
        this.topics.delete(frame.topic);
        this.env.hub.unsubscribe(this, frame.topic);
        return this.send({ type: 'unsubscribed', topic: frame.topic });
      case 'send':
        return void this.receive(frame.topic, frame.name, frame.payload, frame.ref);
    }
  }

  private async subscribe(topic: string, o: { lastEventId?: number; tail?: number }): Promise<void> {
    if (this.topics.has(topic)) return;
    if (this.topics.size >= this.env.limits.maxSubscriptions) return this.error('REALTIME_TOO_MANY_SUBSCRIPTIONS', { topic });
    this.topics.add(topic); // counts toward the limit while authorizing
    let ok = false;
    try {
      const auth = this.env.authorizerFor(topicPrefix(topic)!);
      ok = auth ? await auth(topic, this.who) : false;
    } catch (err) {
      this.env.log(`realtime: authorizer of ${topic} failed`, err);
    }
    if (!ok) {
      this.topics.delete(topic);
      return this.error('REALTIME_TOPIC_FORBIDDEN', { topic });
    }
    if (this.closed || !this.topics.has(topic)) return;
    try {
      await this.env.hub.subscribe(this, topic, o);
    } catch (err) {
      this.topics.delete(topic);
      this.env.log(`realtime: subscribe to ${topic} failed`, err);
      return this.error('INTERNAL', { topic }, 0);
    }
    if (this.closed || !this.topics.has(topic)) this.env.hub.unsubscribe(this, topic);
  }

  private async receive(topic: string, name: string, payload: unknown, ref?: string): Promise<void> {
    if (!this.topics.has(topic)) return this.error('REALTIME_NOT_SUBSCRIBED', { topic, ref });
    const handler = this.env.handlerFor(name, topicPrefix(topic)!);
    if (!handler) return this.error('REALTIME_UNKNOWN_MESSAGE', { topic, ref });
    const parsed = clientMessages[name as ClientMessageType].safeParse(payload);
    if (!parsed.success) return this.error('VALIDATION_FAILED', { topic, ref }, 2);
    if (handler.rate) {
      let b = this.sendBuckets.get(name);
      if (!b) this.sendBuckets.set(name, (b = new TokenBucket(handler.rate.burst, handler.rate.perSecond)));
      if (!b.take()) return this.error('RATE_LIMITED', { topic, ref });
    }
    try {
      await handler.handle({ topic, payload: parsed.data, who: this.who, connectionId: this.id });
      if (ref) this.send({ type: 'ack', ref });
    } catch (err) {
      if (!isAppError(err)) this.env.log(`realtime: ${name} on ${topic} failed`, err);
      this.error(isAppError(err) ? err.code : 'INTERNAL', { topic, ref }, 0);
    }
  }
}

