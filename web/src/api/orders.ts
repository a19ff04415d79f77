import { get, post } from './client.js';
import type { OrderChannel, OrderStatus, OrderView, RefundOrderBody, RefundResult, StaffOrderView } from './types.js';

/** The console's side of orders. */
export const ordersApi = {
  list: (q: { status?: OrderStatus; channel?: OrderChannel; limit?: number; offset?: number }, signal?: AbortSignal) =>
    get<StaffOrderView[]>('/api/console/orders', q, signal),
  get: (id: string) => get<StaffOrderView>(`/api/console/orders/${id}`),
  markReady: (id: string) => post<OrderView>(`/api/console/orders/${id}/ready`),
  refund: (id: string, b: RefundOrderBody, key: string) => post<RefundResult>(`/api/console/orders/${id}/refund`, b, key),
};
