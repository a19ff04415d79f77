import type { OpenTicketBody, TicketView } from '../../../server/modules/aftersales/contract.js';
import type { CreditView } from '../../../server/modules/customers/contract.js';
import { api, get, post } from './client.js';

export type { AfterSalesReason, AfterSalesStatus, OpenTicketBody, TicketView } from '../../../server/modules/aftersales/contract.js';
export type { CreditView } from '../../../server/modules/customers/contract.js';

/** The neighbour's 售后 tickets and store credit (店铺余额), under /api/shop/:slug. */
export function shopAfterSalesApi(slug: string) {
  const base = `/api/shop/${encodeURIComponent(slug)}`;
  return {
    open: (orderId: string, body: OpenTicketBody, key: string) => post<TicketView>(`${base}/orders/${orderId}/after-sales`, body, key),
    /** one image field "file" (JPG/PNG/WebP ≤ 5 MB) */
    photo: (ticketId: string, file: Blob, name: string) => {
      const form = new FormData();
      form.append('file', file, name);
      return api<TicketView>(`${base}/after-sales/${ticketId}/photo`, { method: 'POST', body: form });
    },
    mine: (signal?: AbortSignal) => get<TicketView[]>(`${base}/after-sales`, undefined, signal),
    credit: (signal?: AbortSignal) => get<CreditView>(`${base}/me/credit`, undefined, signal),
  };
}
