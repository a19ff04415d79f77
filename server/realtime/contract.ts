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
  /** a chat line taken down by the host (every screen removes it) */
  chat_removed: durable(z.object({ messageId: z.string(), at })),
  /** what the host pinned in the room (讲解中); null = unpinned */
  pin: durable(
    z.object({
      pinned: z
        .object({
          kind: z.enum(['product', 'campaign', 'flash_sale']),
          refId: z.string(),
          title: z.string(),
          /** the price a neighbour pays now (fen); null when not one price */
          priceFen: z.number().int().nonnegative().nullable().optional(),
          /** available to promise right now; null when not tracked */
          available: z.number().int().nullable().optional(),
          imageUrl: z.string().nullable().optional(),
        })
        .nullable(),
      at,
    }),
  ),
  /** a flash sale opened, sold, or ended in a room (room:<showId>); the latest state of that sale */
  flash_sale: durable(
    z.object({
      flashSaleId: z.string(),
      skuId: z.string(),
      title: z.string().max(80),
      priceFen: z.number().int().nonnegative(),
      originalPriceFen: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      remaining: z.number().int().nonnegative(),
      perPersonLimit: z.number().int().positive(),
      endsAt: at,
      status: z.enum(['open', 'sold_out', 'ended']),
    }),
  ),
  /** 明天到店有惊喜: store-visit vouchers dropped to the viewers present */
  voucher_drop: durable(
    z.object({ dropId: z.string(), title: z.string().max(60), total: z.number().int().positive(), remaining: z.number().int().nonnegative(), endsAt: at }),
  ),
  /** a giveaway (no purchase needed): opened, then drawn among those present */
  giveaway: durable(
    z.object({ giveawayId: z.string(), prize: z.string().max(60), status: z.enum(['open', 'drawn', 'cancelled']), endsAt: at, entrants: z.number().int().nonnegative(), winner: z.string().max(40).nullable() }),
  ),
  /** the show went live / ended (the page switches between player, waiting and replay) */
  show_status: durable(z.object({ status: z.enum(['scheduled', 'live', 'ended']), at })),
  /** available-to-promise of one SKU changed (store:<storeId>:stock) */
  stock: durable(z.object({ skuId: z.string(), available: z.number().int(), at })),
  /** "138****1234 just bought 2 × 阳光玫瑰" */
  order_ticker: durable(z.object({ who: z.string().max(40), what: z.string().max(80), qty: z.number().int().positive(), at })),
  /** one line of a 接龙 list (campaign:<id>) */
  campaign_entry: durable(
    z.object({ seq: z.number().int().positive(), who: z.string().max(40), summary: z.string().max(120), at }),
  ),
  /** a 接龙 line withdrawn (随时退, refund, cut-off drop): every open list removes entry `seq` */
  campaign_entry_removed: durable(z.object({ seq: z.number().int().positive(), at })),
  /** progress of a campaign (joined / goal); latest wins */
  campaign_progress: volatile(z.object({ joined: z.number().int().nonnegative(), goal: z.number().int().nullable() })),
  /** viewers in a live room right now; latest wins */
  viewers: volatile(z.object({ count: z.number().int().nonnegative() })),
  /** likes of a live room so far; latest wins */
  likes: volatile(z.object({ total: z.number().int().nonnegative() })),
  /** entrants of a room's open giveaway so far; latest wins (coalesced: at most one a second) */
  giveaway_entrants: volatile(z.object({ giveawayId: z.string(), entrants: z.number().int().nonnegative() })),
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
  /** I am still watching (every ~20 s): presence for viewer counts, watch time, vouchers and giveaways */
  heartbeat: z.object({}).strict(),
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
