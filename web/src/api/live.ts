import type {
  ConsoleGiveaway,
  ConsoleRoom,
  CurrentShow,
  FlashSaleView,
  GiveawayView,
  LiveRoomSettings,
  LiveStatus,
  OpenFlashSaleBody,
  PinBody,
  RedeemedVoucher,
  RoomState,
  ShopShowCard,
  ShowCommerce,
  ShowRoomSettings,
  ShowRoomSettingsBody,
  ShowSalesStats,
  ShowStats,
  ShowView,
  ScheduleShowBody,
  StreamKeySecret,
  StreamKeyView,
  VoucherDropBody,
  VoucherDropView,
  VoucherView,
} from '../../../server/modules/live/contract.js';
import type { ServerMessages } from '../../../server/realtime/contract.js';
import type { z } from 'zod';
import { api, get, post } from './client.js';
import type { OrderView } from './types.js';

export type { ConsoleRoom, CurrentShow, RedeemedVoucher, FlashSaleView, GiveawayView, LiveStatus, RoomState, ShowCommerce, ShowSalesStats, ShowStats, ShowView, StreamKeySecret, StreamKeyView, VoucherView };
export type ShowCard = z.infer<typeof ShopShowCard>;
export type ConsoleGiveawayView = z.infer<typeof ConsoleGiveaway>;
export type RoomSettings = ShowRoomSettings;
export type ChatLineForHost = ConsoleRoom['chat'][number];
export type Pinned = NonNullable<ServerMessages['pin']['pinned']>;
export type FlashSale = ServerMessages['flash_sale'];
export type VoucherDrop = ServerMessages['voucher_drop'];
export type Giveaway = ServerMessages['giveaway'];
export type TickerLine = ServerMessages['order_ticker'];
export type ShowAccess = 'public' | 'members' | 'invite';

export type MyVoucher = VoucherView;

/** flash sales, vouchers and giveaways as the room's realtime messages carry them (HTTP snapshots are mapped to these) */
export const flashFromView = (f: FlashSaleView): FlashSale => ({
  flashSaleId: f.id, skuId: f.skuId, title: f.title, priceFen: f.priceFen, originalPriceFen: f.originalPriceFen,
  total: f.total, remaining: f.remaining, perPersonLimit: f.perPersonLimit, endsAt: f.endsAt, status: f.status,
});
export const dropFromView = (d: VoucherDropView): VoucherDrop => ({ dropId: d.id, title: d.title, total: d.total, remaining: d.remaining, endsAt: d.endsAt });
export const giveawayFromView = (g: GiveawayView): Giveaway => ({
  giveawayId: g.id, prize: g.prize, status: g.status, endsAt: g.endsAt, entrants: g.entrants, winner: g.winner,
});

/** The neighbour's side of the live room. */
export function liveShopApi(slug: string) {
  const base = `/api/shop/${encodeURIComponent(slug)}`;
  const invite = (i?: string | null) => (i ? { invite: i } : undefined);
  return {
    current: () => get<CurrentShow>(`${base}/live/current`),
    shows: () => get<ShowCard[]>(`${base}/live/shows`),
    room: (id: string, inv?: string | null, signal?: AbortSignal) => get<RoomState>(`${base}/live/shows/${id}`, invite(inv), signal),
    commerce: (id: string, inv?: string | null, signal?: AbortSignal) => get<ShowCommerce>(`${base}/live/shows/${id}/commerce`, invite(inv), signal),
    remind: (id: string, key: string) => post<unknown>(`${base}/live/shows/${id}/reminder`, {}, key),
    buyFlash: (flashSaleId: string, qty: number, key: string) =>
      post<OrderView>(`${base}/live/flash-sales/${flashSaleId}/orders`, { qty, paymentMethod: 'pay_at_pickup' }, key),
    joinPresale: (showId: string, campaignId: string, body: unknown, key: string) =>
      post<OrderView>(`${base}/live/shows/${showId}/presale/${campaignId}/orders`, body, key),
    claimVoucher: (dropId: string, key: string) => post<VoucherView>(`${base}/live/voucher-drops/${dropId}/claim`, {}, key),
    enterGiveaway: (giveawayId: string, key: string) => post<GiveawayView>(`${base}/live/giveaways/${giveawayId}/enter`, {}, key),
  };
}
export type LiveShopApi = ReturnType<typeof liveShopApi>;

/** The host console: keys, shows and the control room. */
export const liveConsoleApi = {
  status: () => get<LiveStatus>('/api/console/live/status'),
  keys: () => get<StreamKeyView[]>('/api/console/live/stream-keys'),
  createKey: (label: string) => post<StreamKeySecret>('/api/console/live/stream-keys', { label }),
  rotateKey: (id: string) => post<StreamKeySecret>(`/api/console/live/stream-keys/${id}/rotate`),
  revokeKey: (id: string) => post<StreamKeyView>(`/api/console/live/stream-keys/${id}/revoke`),
  shows: () => get<ShowView[]>('/api/console/live/shows'),
  schedule: (b: z.input<typeof ScheduleShowBody>, key: string) => post<ShowView>('/api/console/live/shows', b, key),
  room: (id: string, signal?: AbortSignal) => get<ConsoleRoom>(`/api/console/live/shows/${id}/room`, undefined, signal),
  sales: (id: string, signal?: AbortSignal) => get<ShowSalesStats>(`/api/console/live/shows/${id}/sales`, undefined, signal),
  stats: (id: string) => get<ShowStats>(`/api/console/live/shows/${id}/stats`),
  pin: (id: string, b: z.input<typeof PinBody>) => post<unknown>(`/api/console/live/shows/${id}/pin`, b),
  removeChat: (id: string, messageId: string) => post<unknown>(`/api/console/live/shows/${id}/chat/${messageId}/remove`),
  mute: (id: string, customerId: string, minutes: number) => post<unknown>(`/api/console/live/shows/${id}/mute`, { customerId, minutes }),
  block: (id: string, customerId: string, blocked = true) => post<unknown>(`/api/console/live/shows/${id}/block`, { customerId, blocked }),
  roomSettings: (id: string, b: z.input<typeof ShowRoomSettingsBody>) => post<ShowRoomSettings>(`/api/console/live/shows/${id}/room-settings`, b),
  settings: () => get<LiveRoomSettings>('/api/console/live/settings'),
  saveSettings: (blockedWords: string[]) => api<LiveRoomSettings>('/api/console/live/settings', { method: 'PUT', body: { blockedWords } }),
  flashSales: (id: string, signal?: AbortSignal) => get<FlashSaleView[]>(`/api/console/live/shows/${id}/flash-sales`, undefined, signal),
  openFlash: (id: string, b: OpenFlashSaleBody, key: string) => post<FlashSaleView>(`/api/console/live/shows/${id}/flash-sales`, b, key),
  endFlash: (flashSaleId: string) => post<FlashSaleView>(`/api/console/live/flash-sales/${flashSaleId}/end`),
  dropVouchers: (id: string, b: VoucherDropBody, key: string) =>
    post<VoucherDropView>(`/api/console/live/shows/${id}/voucher-drops`, b, key),
  openGiveaway: (id: string, b: { prize: string; durationSec: number }, key: string) =>
    post<ConsoleGiveawayView>(`/api/console/live/shows/${id}/giveaways`, b, key),
  draw: (giveawayId: string) => post<ConsoleGiveawayView>(`/api/console/live/giveaways/${giveawayId}/draw`),
};

export const voucherCounterApi = {
  redeem: (code: string, requestId: string) => post<RedeemedVoucher>('/api/counter/vouchers/redeem', { code, requestId }),
};
