import { api, get, post } from './client.js';
import type {
  CampaignInput,
  CampaignView,
  GroupbuySettings,
  NoShowStep,
  NoShowView,
  PoListQuery,
  PublicCampaignView,
  PurchaseOrderSummary,
  PurchaseOrderView,
  ReceiptInput,
  ReceiptView,
  SkuAvailabilityView,
} from './types.js';

const enc = encodeURIComponent;

/** The console's side of group buying (团购): campaigns, 采购单 and receiving. */
export const groupbuyApi = {
  campaigns: (signal?: AbortSignal) => get<CampaignView[]>('/api/console/campaigns', undefined, signal),
  campaign: (id: string, signal?: AbortSignal) => get<CampaignView>(`/api/console/campaigns/${enc(id)}`, undefined, signal),
  create: (b: CampaignInput) => post<CampaignView>('/api/console/campaigns', b),
  update: (id: string, b: CampaignInput) => api<CampaignView>(`/api/console/campaigns/${enc(id)}`, { method: 'PUT', body: b }),
  close: (id: string) => post<CampaignView>(`/api/console/campaigns/${enc(id)}/close`),
  cancel: (id: string) => post<CampaignView>(`/api/console/campaigns/${enc(id)}/cancel`),
  /** the 接龙 list as the shop shows it (names masked); the console has no other entry list */
  publicView: (slug: string, id: string, signal?: AbortSignal) => get<PublicCampaignView>(`/api/shop/${enc(slug)}/campaigns/${enc(id)}`, undefined, signal),
  posterUrl: (id: string) => `/api/console/campaigns/${enc(id)}/poster.png`,
  /** 现货 + 在途 of SKUs (owner/manager): what a total cap may count on */
  availability: (skuIds: string[], signal?: AbortSignal) =>
    get<SkuAvailabilityView[]>('/api/console/campaigns/availability', { skuIds: skuIds.join(',') }, signal),

  purchaseOrders: (q: PoListQuery, signal?: AbortSignal) => get<PurchaseOrderSummary[]>('/api/console/purchase-orders', q, signal),
  purchaseOrder: (id: string, signal?: AbortSignal) => get<PurchaseOrderView>(`/api/console/purchase-orders/${enc(id)}`, undefined, signal),
  poXlsxUrl: (id: string) => `/api/console/purchase-orders/${enc(id)}.xlsx`,
  campaignXlsxUrl: (campaignId: string) => `/api/console/purchase-orders.xlsx?campaignId=${enc(campaignId)}`,
  poPrintUrl: (id: string) => `/api/console/purchase-orders/${enc(id)}/print`,
  sendPo: (id: string) => post<PurchaseOrderView>(`/api/console/purchase-orders/${enc(id)}/send`),
  closePo: (id: string) => post<PurchaseOrderView>(`/api/console/purchase-orders/${enc(id)}/close`),
  receive: (id: string, b: ReceiptInput, key: string) => post<ReceiptView>(`/api/console/purchase-orders/${enc(id)}/receipts`, b, key),

  noShows: (q: { step?: NoShowStep }, signal?: AbortSignal) => get<NoShowView[]>('/api/console/no-shows', q, signal),
  settings: () => get<GroupbuySettings>('/api/console/groupbuy/settings'),
  saveSettings: (b: GroupbuySettings) => api<GroupbuySettings>('/api/console/groupbuy/settings', { method: 'PUT', body: b }),
};

/** the slug is the second segment of a campaign's sharePath: /shop/<slug>/c/<id> */
export function slugOfSharePath(sharePath: string): string {
  return sharePath.split('/')[2] ?? '';
}

/** what a neighbour forwards: the absolute link */
export function shareUrl(sharePath: string): string {
  return `${window.location.origin}${sharePath}`;
}
