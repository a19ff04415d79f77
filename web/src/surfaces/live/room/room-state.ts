import type { RealtimeEvent, ServerMessages } from '../../../../../server/realtime/contract.js';
import { dropFromView, flashFromView, giveawayFromView, type FlashSale, type Giveaway, type MyVoucher, type Pinned, type RoomState, type ShowCommerce, type TickerLine, type VoucherDrop } from '../../../api/live.js';

export type ChatLine = ServerMessages['chat'];
export const MAX_CHAT = 120;
const MAX_TICKER = 5;

/** Everything a room screen shows: the HTTP snapshot, then kept current by realtime events. */
export interface RoomView {
  room: RoomState | undefined;
  chat: ChatLine[];
  pinned: Pinned | null;
  flash: Record<string, FlashSale>;
  drops: Record<string, VoucherDrop>;
  giveaways: Record<string, Giveaway>;
  ticker: TickerLine[];
  campaigns: ShowCommerce['campaigns'];
  myVouchers: MyVoucher[];
  viewers: number;
  likes: number;
  /** bumped on show_status: the page refetches the snapshot (playback appears / replay) */
  statusSeq: number;
}

export const emptyRoom: RoomView = {
  room: undefined, chat: [], pinned: null, flash: {}, drops: {}, giveaways: {}, ticker: [], campaigns: [], myVouchers: [],
  viewers: 0, likes: 0, statusSeq: 0,
};

export type RoomAction =
  | { type: 'room'; room: RoomState }
  | { type: 'commerce'; commerce: ShowCommerce }
  | { type: 'event'; event: RealtimeEvent }
  | { type: 'liked'; n: number }
  | { type: 'voucher'; voucher: MyVoucher };

const byId = <T,>(list: T[], id: (x: T) => string): Record<string, T> => Object.fromEntries(list.map((x) => [id(x), x]));

export function roomReducer(s: RoomView, a: RoomAction): RoomView {
  switch (a.type) {
    case 'room':
      return {
        ...s,
        room: a.room,
        pinned: a.room.pinned ?? null,
        viewers: a.room.viewers,
        likes: Math.max(s.likes, a.room.likes),
        giveaways: a.room.giveaway ? { ...s.giveaways, [a.room.giveaway.id]: giveawayFromView(a.room.giveaway) } : s.giveaways,
      };
    case 'commerce': {
      const c = a.commerce;
      return {
        ...s,
        flash: { ...s.flash, ...byId(c.flashSales.map(flashFromView), (f) => f.flashSaleId) },
        drops: { ...s.drops, ...byId(c.voucherDrops.map(dropFromView), (d) => d.dropId) },
        ticker: s.ticker.length ? s.ticker : c.tickerTail.slice(-MAX_TICKER),
        campaigns: c.campaigns,
        myVouchers: c.myVouchers,
      };
    }
    case 'liked':
      return { ...s, likes: s.likes + a.n };
    case 'voucher':
      return { ...s, myVouchers: [...s.myVouchers.filter((v) => v.code !== a.voucher.code), a.voucher] };
    case 'event':
      return applyEvent(s, a.event);
  }
}

function applyEvent(s: RoomView, e: RealtimeEvent): RoomView {
  switch (e.type) {
    case 'chat':
      if (s.chat.some((c) => c.messageId === e.payload.messageId)) return s;
      return { ...s, chat: [...s.chat, e.payload].slice(-MAX_CHAT) };
    case 'chat_removed':
      return { ...s, chat: s.chat.filter((c) => c.messageId !== e.payload.messageId) };
    case 'pin':
      return { ...s, pinned: e.payload.pinned };
    case 'flash_sale':
      return { ...s, flash: { ...s.flash, [e.payload.flashSaleId]: e.payload } };
    case 'voucher_drop':
      return { ...s, drops: { ...s.drops, [e.payload.dropId]: e.payload } };
    case 'giveaway':
      return { ...s, giveaways: { ...s.giveaways, [e.payload.giveawayId]: e.payload } };
    case 'giveaway_entrants': {
      // counts only grow: a late coalesced count never lowers what the room already shows
      const g = s.giveaways[e.payload.giveawayId];
      if (!g || g.entrants >= e.payload.entrants) return s;
      return { ...s, giveaways: { ...s.giveaways, [g.giveawayId]: { ...g, entrants: e.payload.entrants } } };
    }
    case 'stock': {
      const p = s.pinned;
      if (p?.kind !== 'product' || p.refId !== e.payload.skuId) return s;
      return { ...s, pinned: { ...p, available: e.payload.available } };
    }
    case 'order_ticker':
      return { ...s, ticker: [...s.ticker, e.payload].slice(-MAX_TICKER) };
    case 'viewers':
      return { ...s, viewers: e.payload.count };
    case 'likes':
      return { ...s, likes: Math.max(e.payload.total, s.likes) };
    case 'show_status':
      return { ...s, statusSeq: s.statusSeq + 1, room: s.room && { ...s.room, show: { ...s.room.show, status: e.payload.status } } };
    default:
      return s;
  }
}

/** the open flash sale of a SKU (the pinned product's 马上抢 buys through it) */
export function openFlashFor(s: RoomView, skuId: string): FlashSale | undefined {
  return Object.values(s.flash).find((f) => f.skuId === skuId && f.status === 'open');
}
