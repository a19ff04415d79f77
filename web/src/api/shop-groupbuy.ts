// types only: a value import would pull zod (~25 kB gzip) into the campaign page, the shared link's landing page
import type { JoinBody, PublicCampaignView, ShopCampaignList } from '../../../server/modules/groupbuy/contract.js';
import { get, post } from './client.js';
import type { OrderView } from './types.js';

export type { EntryView, JoinBody, PublicCampaignView, ShopCampaignCard, ShopCampaignList } from '../../../server/modules/groupbuy/contract.js';
export type PublicItemView = PublicCampaignView['items'][number];
export type PublicSlotView = PublicCampaignView['slots'][number];

/** The neighbour's side of group buying (接龙): the public campaign page, join and withdraw. */
export function shopGroupbuyApi(slug: string) {
  const base = `/api/shop/${encodeURIComponent(slug)}/campaigns`;
  return {
    /** the shop home's 接龙 cards: campaigns taking joins now, the soonest cut-off first */
    list: (signal?: AbortSignal) => get<ShopCampaignList>(base, undefined, signal),
    campaign: (id: string, signal?: AbortSignal) => get<PublicCampaignView>(`${base}/${id}`, undefined, signal),
    join: (id: string, body: JoinBody, key: string) => post<OrderView>(`${base}/${id}/orders`, body, key),
    withdraw: (id: string, orderId: string, key: string) => post<OrderView>(`${base}/${id}/orders/${orderId}/cancel`, {}, key),
    /** PNG with the campaign, price, cut-off and a QR of the share link (posterPath.shop in the contract) */
    posterUrl: (id: string) => `${base}/${id}/poster.png`,
  };
}
export type ShopGroupbuyApi = ReturnType<typeof shopGroupbuyApi>;
