import { z } from 'zod';

/** Live video: stream keys, shows and playback. Browser-safe (web/ imports these). */

const isoTime = z.string().describe('ISO 8601, UTC');

export const StreamKeyView = z.object({
  id: z.uuid(),
  label: z.string(),
  host: z.object({ staffId: z.uuid(), name: z.string() }),
  /** the key's last characters: the key itself is shown only when created or rotated */
  keyHint: z.string(),
  status: z.enum(['active', 'revoked']),
  createdAt: isoTime,
  rotatedAt: isoTime.nullable(),
  revokedAt: isoTime.nullable(),
  lastPublishedAt: isoTime.nullable(),
});
export type StreamKeyView = z.infer<typeof StreamKeyView>;

/** Shown once: what OBS (Server + Stream Key) or a phone app (one URL) needs. */
export const StreamKeySecret = StreamKeyView.extend({
  streamKey: z.string(),
  /** OBS → Settings → Stream → Server */
  server: z.string(),
  /** phone apps (Larix Broadcaster…): server and key in one URL */
  url: z.string(),
});
export type StreamKeySecret = z.infer<typeof StreamKeySecret>;

export const CreateStreamKeyBody = z.object({
  /** the staff member who will stream with the key; the caller when omitted */
  hostStaffId: z.uuid().optional(),
  label: z.string().trim().max(40).default(''),
});

export const ShowStatus = z.enum(['scheduled', 'live', 'ended']);

/** public: anyone; members: neighbours signed in with the store's organisation; invite: the share link's token */
export const ShowAccess = z.enum(['public', 'members', 'invite']);
export type ShowAccess = z.infer<typeof ShowAccess>;

export const ShowView = z.object({
  id: z.uuid(),
  title: z.string(),
  /** null for a show started ad hoc by a push */
  scheduledAt: isoTime.nullable(),
  status: ShowStatus,
  startedAt: isoTime.nullable(),
  endedAt: isoTime.nullable(),
  hostStaffId: z.uuid().nullable(),
  streamKeyId: z.uuid().nullable(),
});
export type ShowView = z.infer<typeof ShowView>;

export const ScheduleShowBody = z.object({
  title: z.string().trim().min(1).max(60),
  scheduledAt: z.iso.datetime({ offset: true }),
  hostStaffId: z.uuid().optional(),
  /** room settings (see ShowRoomSettingsBody): cover, featured SKUs, who may enter */
  coverImageUrl: z.string().trim().max(500).nullable().optional(),
  skuIds: z.array(z.uuid()).max(30).optional(),
  access: z.enum(['public', 'members', 'invite']).optional(),
});

export const ListShowsQuery = z.object({ status: ShowStatus.optional() });

export const StreamStatus = z.object({
  streamKeyId: z.uuid(),
  label: z.string(),
  hostName: z.string(),
  state: z.enum(['idle', 'starting', 'publishing', 'reconnecting']),
  showId: z.uuid().nullable(),
  since: isoTime.nullable(),
  video: z.object({ codec: z.string(), width: z.number(), height: z.number(), fps: z.number() }).nullable(),
  audio: z.object({ codec: z.string(), sampleRate: z.number(), channels: z.number() }).nullable(),
  bitrateKbps: z.number(),
  flvViewers: z.number(),
  recording: z.boolean(),
  hls: z.boolean(),
});

export const LiveStatus = z.object({
  /** where hosts push: null while the RTMP listener is not running in this process */
  rtmpServer: z.string().nullable(),
  /** HLS and recording need ffmpeg */
  ffmpeg: z.boolean(),
  streams: z.array(StreamStatus),
});
export type LiveStatus = z.infer<typeof LiveStatus>;

export const Playback = z.object({
  /** HTTP-FLV (mpegts.js on MSE browsers): ~1 s behind */
  flvUrl: z.string(),
  /** HLS for players without MSE (iOS Safari): several seconds behind; null until ready */
  hlsUrl: z.string().nullable(),
});

/**
 * What the visitor may know of a show: all of it when they may enter; of a members-only show only
 * that there is one (`locked`, no title or playback: the page asks to sign in); an invite-only
 * show they hold no invite for is not named at all.
 */
const ShowGlimpse = { id: z.uuid(), title: z.string().nullable(), access: ShowAccess, locked: z.boolean() };

export const CurrentShow = z.object({
  /** the live show; with playback null while its host is reconnecting (and when `locked`) */
  show: z.object({ ...ShowGlimpse, startedAt: isoTime }).nullable(),
  playback: Playback.nullable(),
  /** the next scheduled show, for "tonight at 8" */
  next: z.object({ ...ShowGlimpse, scheduledAt: isoTime }).nullable(),
});
export type CurrentShow = z.infer<typeof CurrentShow>;

// ── commerce in the room (server/modules/live/commerce): flash sales, vouchers, presale, sales ──

/** POST /api/console/live/shows/:id/flash-sales (stock reserved from the ledger at open) */
export const OpenFlashSaleBody = z.object({
  skuId: z.uuid(),
  priceFen: z.number().int().min(0).max(100_000_000),
  qty: z.number().int().min(1).max(100_000),
  perPersonLimit: z.number().int().min(1).max(99),
  durationSec: z.number().int().min(10).max(86_400),
  /** shown in the room; the product name and spec when omitted */
  title: z.string().trim().min(1).max(80).optional(),
});
export type OpenFlashSaleBody = z.infer<typeof OpenFlashSaleBody>;

export const FlashSaleView = z.object({
  id: z.uuid(),
  showId: z.uuid(),
  skuId: z.uuid(),
  title: z.string(),
  priceFen: z.number().int(),
  originalPriceFen: z.number().int(),
  total: z.number().int(),
  remaining: z.number().int(),
  perPersonLimit: z.number().int(),
  status: z.enum(['open', 'sold_out', 'ended']),
  openedAt: isoTime,
  endsAt: isoTime,
  endedAt: isoTime.nullable(),
});
export type FlashSaleView = z.infer<typeof FlashSaleView>;

/** POST /api/shop/:slug/live/flash-sales/:id/orders (Idempotency-Key) → the order (OrderView) */
export const FlashOrderBody = z.object({
  qty: z.number().int().min(1).max(99),
  paymentMethod: z.enum(['pay_at_pickup', 'sandbox']),
});
export type FlashOrderBody = z.infer<typeof FlashOrderBody>;

/** POST /api/console/live/shows/:id/voucher-drops: 明天到店有惊喜 */
export const VoucherDropBody = z.object({
  title: z.string().trim().min(1).max(60),
  count: z.number().int().min(1).max(10_000),
  validDays: z.number().int().min(1).max(90),
  /** claims are taken this long (default 10 minutes) */
  claimSec: z.number().int().min(10).max(3_600).optional(),
});
export type VoucherDropBody = z.infer<typeof VoucherDropBody>;

export const VoucherDropView = z.object({
  id: z.uuid(),
  showId: z.uuid(),
  title: z.string(),
  total: z.number().int(),
  remaining: z.number().int(),
  validDays: z.number().int(),
  createdAt: isoTime,
  endsAt: isoTime,
});
export type VoucherDropView = z.infer<typeof VoucherDropView>;

export const VoucherView = z.object({
  id: z.uuid(),
  dropId: z.uuid(),
  showId: z.uuid(),
  title: z.string(),
  /** shown at the counter; redeemed there only */
  code: z.string(),
  status: z.enum(['claimed', 'redeemed', 'expired']),
  claimedAt: isoTime,
  expiresAt: isoTime,
  redeemedAt: isoTime.nullable(),
});
export type VoucherView = z.infer<typeof VoucherView>;

/** POST /api/counter/vouchers/redeem (staff session); a retry with the same requestId answers the same */
export const RedeemVoucherBody = z.object({ code: z.string().trim().toUpperCase().min(6).max(16), requestId: z.uuid() });
export type RedeemVoucherBody = z.infer<typeof RedeemVoucherBody>;

export const RedeemedVoucher = z.object({
  voucher: VoucherView,
  show: z.object({ id: z.uuid(), title: z.string() }),
  /** masked (张*), for the counter to greet */
  customer: z.string(),
});
export type RedeemedVoucher = z.infer<typeof RedeemedVoucher>;

/** A presale (接龙) campaign shown in the room (through the presale port) */
export const RoomCampaign = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.string(),
  lowestPriceFen: z.number().int(),
  cutoffAt: isoTime,
  joined: z.number().int(),
  goal: z.number().int(),
  minKind: z.enum(['buyers', 'qty']),
  sharePath: z.string(),
  imageUrl: z.string().nullable(),
});
export type RoomCampaign = z.infer<typeof RoomCampaign>;

/** POST /api/shop/:slug/live/shows/:id/presale/:campaignId/orders (Idempotency-Key) */
export const RoomPresaleJoinBody = z.object({
  items: z.array(z.object({ itemId: z.uuid(), qty: z.number().int().min(1).max(999) })).min(1).max(50),
  slotId: z.uuid().nullable().default(null),
  paymentMethod: z.enum(['sandbox', 'pay_at_pickup']),
  note: z.string().trim().max(200).optional(),
});
export type RoomPresaleJoinBody = z.infer<typeof RoomPresaleJoinBody>;

export const TickerLine = z.object({ who: z.string(), what: z.string(), qty: z.number().int(), at: isoTime });

/** GET /api/shop/:slug/live/shows/:id/commerce */
export const ShowCommerce = z.object({
  flashSales: z.array(FlashSaleView),
  campaigns: z.array(RoomCampaign),
  voucherDrops: z.array(VoucherDropView),
  tickerTail: z.array(TickerLine),
  myVouchers: z.array(VoucherView),
});
export type ShowCommerce = z.infer<typeof ShowCommerce>;

/** GET /api/console/live/shows/:id/sales — also inside the after-show stats */
export const ShowSalesStats = z.object({
  orders: z.number().int(),
  units: z.number().int(),
  gmvFen: z.number().int(),
  flashSaleOrders: z.number().int(),
  presaleOrders: z.number().int(),
  products: z.array(z.object({ skuId: z.uuid(), title: z.string(), qty: z.number().int(), gmvFen: z.number().int() })),
  vouchers: z.object({ dropped: z.number().int(), claimed: z.number().int(), redeemed: z.number().int() }),
});
export type ShowSalesStats = z.infer<typeof ShowSalesStats>;

// ── the room (server/modules/live/room, server/modules/live/show): access, reminders, chat moderation, pins, giveaways, stats ──

/** POST /api/console/live/shows/:id/room-settings (also accepted when scheduling) */
export const ShowRoomSettingsBody = z.object({
  /** an image URL (e.g. a product image under /media/…) */
  coverImageUrl: z.string().trim().max(500).nullable().optional(),
  /** SKUs of the store featured in the room */
  skuIds: z.array(z.uuid()).max(30).optional(),
  access: ShowAccess.optional(),
  /** a new invite token: links shared before stop working */
  rotateInvite: z.boolean().optional(),
});

/** The room settings of a show as the console sees them (with the invite link). */
export const ShowRoomSettings = z.object({
  showId: z.uuid(),
  coverImageUrl: z.string().nullable(),
  skuIds: z.array(z.uuid()),
  access: ShowAccess,
  inviteToken: z.string().nullable(),
  /** /live/<slug>/<showId>, with ?invite=<token> for an invite-only room */
  sharePath: z.string(),
});
export type ShowRoomSettings = z.infer<typeof ShowRoomSettings>;

/** What is pinned in a room (讲解中), as the `pin` realtime message carries it. */
export const PinnedView = z.object({
  kind: z.enum(['product', 'campaign', 'flash_sale']),
  refId: z.string(),
  title: z.string(),
  priceFen: z.number().int().nullable().optional(),
  available: z.number().int().nullable().optional(),
  imageUrl: z.string().nullable().optional(),
});
export type PinnedView = z.infer<typeof PinnedView>;

/** POST /api/console/live/shows/:id/pin: a SKU, a presale campaign, or nothing */
export const PinBody = z.union([
  z.object({ kind: z.literal('product'), refId: z.uuid() }),
  z.object({ kind: z.literal('campaign'), refId: z.uuid() }),
  z.object({ kind: z.null() }),
]);
export type PinBody = z.infer<typeof PinBody>;

/** POST /api/console/live/shows/:id/mute: minutes 0 lifts a mute */
export const MuteBody = z.object({ customerId: z.uuid(), minutes: z.number().int().min(0).max(7 * 24 * 60) });
/** POST /api/console/live/shows/:id/block: store-wide; blocked false lifts it */
export const BlockBody = z.object({ customerId: z.uuid(), blocked: z.boolean().default(true) });

/** GET / PUT /api/console/live/settings: the keyword filter of every room of the store */
export const LiveRoomSettings = z.object({
  blockedWords: z.array(z.string().trim().min(1).max(20)).max(200),
});
export type LiveRoomSettings = z.infer<typeof LiveRoomSettings>;

export const OpenGiveawayBody = z.object({
  prize: z.string().trim().min(1).max(60),
  durationSec: z.number().int().min(10).max(3_600),
});

export const GiveawayView = z.object({
  id: z.uuid(),
  showId: z.uuid(),
  prize: z.string(),
  status: z.enum(['open', 'drawn', 'cancelled']),
  endsAt: isoTime,
  entrants: z.number().int(),
  /** masked (张*); null until drawn */
  winner: z.string().nullable(),
  /** entrants present when drawn: the pool the winner came from */
  eligible: z.number().int().nullable(),
  drawnAt: isoTime.nullable(),
  /** the neighbour's own entry (shop) */
  entered: z.boolean().optional(),
});
export type GiveawayView = z.infer<typeof GiveawayView>;

export const ConsoleGiveaway = GiveawayView.extend({ winnerCustomerId: z.uuid().nullable() });

/**
 * A show in the shop's list: upcoming, live and recent replays (invite-only rooms are not listed).
 * A members-only show is `locked` to a visitor not signed in with the store's organisation: no
 * title or cover (the room asks to sign in).
 */
export const ShopShowCard = z.object({
  id: z.uuid(),
  title: z.string().nullable(),
  locked: z.boolean(),
  status: ShowStatus,
  coverImageUrl: z.string().nullable(),
  scheduledAt: isoTime.nullable(),
  startedAt: isoTime.nullable(),
  endedAt: isoTime.nullable(),
  access: ShowAccess,
  /** the signed-in neighbour reserved a reminder */
  reminded: z.boolean(),
});

export const RoomProduct = z.object({
  skuId: z.uuid(),
  title: z.string(),
  priceFen: z.number().int(),
  available: z.number().int(),
  imageUrl: z.string().nullable(),
});

/** GET /api/shop/:slug/live/shows/:id(?invite=…): everything the room page needs to start */
export const RoomState = z.object({
  show: ShopShowCard.omit({ reminded: true, locked: true }).extend({ title: z.string() }),
  /** null when not on air (or while the host reconnects) */
  playback: Playback.nullable(),
  /** the recording, once the show ended (ffmpeg present) */
  replayUrl: z.string().nullable(),
  /** subscribe to this topic on /ws; send `heartbeat` at once and every 20 s */
  topic: z.string(),
  sharePath: z.string(),
  products: z.array(RoomProduct),
  pinned: PinnedView.nullable(),
  likes: z.number().int(),
  viewers: z.number().int(),
  giveaway: GiveawayView.nullable(),
  me: z.object({
    signedIn: z.boolean(),
    reminded: z.boolean(),
    muted: z.boolean(),
    mutedUntil: isoTime.nullable(),
    blocked: z.boolean(),
  }),
});
export type RoomState = z.infer<typeof RoomState>;

export const ChatLineForHost = z.object({
  messageId: z.uuid(),
  customerId: z.uuid(),
  author: z.string(),
  text: z.string(),
  at: isoTime,
  removed: z.boolean(),
});

/** GET /api/console/live/shows/:id/room: live figures and the chat for moderation */
export const ConsoleRoom = z.object({
  showId: z.uuid(),
  status: ShowStatus,
  viewersNow: z.number().int(),
  peakViewers: z.number().int(),
  uniqueViewers: z.number().int(),
  likes: z.number().int(),
  reminders: z.number().int(),
  pinned: PinnedView.nullable(),
  settings: ShowRoomSettings,
  chat: z.array(ChatLineForHost),
  muted: z.array(z.object({ customerId: z.uuid(), until: isoTime })),
  blocked: z.array(z.uuid()),
  giveaways: z.array(ConsoleGiveaway),
});
export type ConsoleRoom = z.infer<typeof ConsoleRoom>;

/** GET /api/console/live/shows/:id/stats: after the show */
export const ShowStats = z.object({
  showId: z.uuid(),
  title: z.string(),
  status: ShowStatus,
  startedAt: isoTime.nullable(),
  endedAt: isoTime.nullable(),
  durationMinutes: z.number(),
  uniqueViewers: z.number().int(),
  signedInViewers: z.number().int(),
  peakViewers: z.number().int(),
  peakAt: isoTime.nullable(),
  watchMinutes: z.number(),
  avgWatchMinutes: z.number(),
  likes: z.number().int(),
  chatMessages: z.number().int(),
  reminders: z.number().int(),
  giveaways: z.number().int(),
  /** orders, GMV per product, vouchers (commerce) */
  sales: ShowSalesStats,
});
export type ShowStats = z.infer<typeof ShowStats>;
