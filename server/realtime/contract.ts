import { z } from 'zod';

/**
 * The realtime wire contract, shared by the server and the web app (browser-safe: zod only).
 *
 * A message is durable (stored per topic with a monotonically increasing event id, replayed on
 * reconnect from `lastEventId`) or volatile (latest value wins, may be dropped: counters).
 * Adding a message type = one entry in `serverMessages` (and `clientMessages` for what a
 * browser may send). Topics: `room:<showId>`, `campaign:<campaignId>`, `store:<storeId>:stock`.
 */
const durable = <S extends z.ZodType>(schema: S) => ({ durable: true as const, schema });
const volatile = <S extends z.ZodType>(schema: S) => ({ durable: false as const, schema });
const at = z.string(); // ISO-8601 UTC

export const serverMessages = {
  /** a neighbour's chat line in a live room (author already masked: 张*) */
  chat: durable(z.object({ messageId: z.string(), author: z.string().max(40), text: z.string().max(200), at })),
  /** what the host pinned in the room; null = unpinned */
  pin: durable(
    z.object({
      pinned: z.object({ kind: z.enum(['product', 'campaign', 'flash_sale']), refId: z.string(), title: z.string() }).nullable(),
      at,
    }),
  ),
  /** available-to-promise of one SKU changed (store:<storeId>:stock) */
  stock: durable(z.object({ skuId: z.string(), available: z.number().int(), at })),
  /** "138****1234 just bought 2 × 阳光玫瑰" */
  order_ticker: durable(z.object({ who: z.string().max(40), what: z.string().max(80), qty: z.number().int().positive(), at })),
  /** one line of a 接龙 list (campaign:<id>) */
  campaign_entry: durable(
    z.object({ seq: z.number().int().positive(), who: z.string().max(40), summary: z.string().max(120), at }),
  ),
  /** progress of a campaign (joined / goal); latest wins */
  campaign_progress: volatile(z.object({ joined: z.number().int().nonnegative(), goal: z.number().int().nullable() })),
  /** viewers in a live room right now; latest wins */
  viewers: volatile(z.object({ count: z.number().int().nonnegative() })),
  /** likes of a live room so far; latest wins */
  likes: volatile(z.object({ total: z.number().int().nonnegative() })),
} as const;

export type ServerMessageType = keyof typeof serverMessages;
export type ServerMessages = { [K in ServerMessageType]: z.infer<(typeof serverMessages)[K]['schema']> };
export type DurableMessageType = { [K in ServerMessageType]: (typeof serverMessages)[K]['durable'] extends true ? K : never }[ServerMessageType];
export type VolatileMessageType = Exclude<ServerMessageType, DurableMessageType>;

export function isDurable(type: ServerMessageType): boolean {
  return serverMessages[type].durable;
}

/** What a browser may send into a topic it is subscribed to (handled by the owning module). */
export const clientMessages = {
  chat: z.object({ text: z.string().trim().min(1).max(200) }),
  like: z.object({ n: z.number().int().min(1).max(50).default(1) }),
} as const;
export type ClientMessageType = keyof typeof clientMessages;
export type ClientMessages = { [K in ClientMessageType]: z.infer<(typeof clientMessages)[K]> };

/** `prefix:rest`, e.g. room:8f0c…, store:<uuid>:stock */
export const TOPIC_RE = /^([a-z][a-z_]{0,23}):[A-Za-z0-9_:-]{1,120}$/;
export const topicPrefix = (topic: string): string | null => TOPIC_RE.exec(topic)?.[1] ?? null;
export const topics = {
  room: (showId: string) => `room:${showId}`,
  campaign: (campaignId: string) => `campaign:${campaignId}`,
  stock: (storeId: string) => `store:${storeId}:stock`,
};

/** One message in an `events` frame. `id` only on durable messages. */
export type RealtimeEvent<K extends ServerMessageType = ServerMessageType> = K extends ServerMessageType
  ? { id?: number; type: K; payload: ServerMessages[K] }
  : never;

// ---- frames: client → server ----
const topic = z.string().regex(TOPIC_RE);
export const clientFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('subscribe'),
    topic,
    /** resume: replay durable messages after this id (or `resync` when too old) */
    lastEventId: z.number().int().nonnegative().optional(),
    /** first join: replay the last `tail` durable messages kept (chat history) */
    tail: z.number().int().min(1).max(200).optional(),
  }),
  z.object({ type: z.literal('unsubscribe'), topic }),
  z.object({
    type: z.literal('send'),
    topic,
    name: z.string().max(40),
    payload: z.unknown(),
    /** echoed in the `ack` or `error` frame */
    ref: z.string().max(64).optional(),
  }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientFrame = z.input<typeof clientFrame>;

// ---- frames: server → client ----
export type RealtimeErrorCode =
  | 'REALTIME_MALFORMED'
  | 'REALTIME_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'REALTIME_TOPIC_FORBIDDEN'
  | 'REALTIME_TOO_MANY_SUBSCRIPTIONS'
  | 'REALTIME_NOT_SUBSCRIBED'
  | 'REALTIME_UNKNOWN_MESSAGE'
  | (string & {}); // a module's AppError code from a `send` handler

export type ServerFrame =
  /** after the replay (if any): caught up; `head` = newest durable id of the topic (0 = none yet) */
  | { type: 'subscribed'; topic: string; head: number }
  | { type: 'unsubscribed'; topic: string }
  /** messages of one topic, in order; replays arrive in the same shape */
  | { type: 'events'; topic: string; events: RealtimeEvent[] }
  /** the gap since your lastEventId is no longer kept: refetch the state over HTTP, then continue */
  | { type: 'resync'; topic: string; head: number }
  | { type: 'ack'; ref: string }
  | { type: 'error'; code: RealtimeErrorCode; message: string; topic?: string; ref?: string }
  | { type: 'pong' };

/** Close codes: 1008 = policy (abuse), 1013 = too slow / try again (resume from lastEventId). */
export const CLOSE = { policy: 1008, tryAgain: 1013, goingAway: 1001 } as const;

/** Limits a client should respect (the server enforces them). */
export const REALTIME_LIMITS = { maxFrameBytes: 4096, maxSubscriptions: 20 } as const;

export const WS_PATH = '/ws';
