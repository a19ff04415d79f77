import { get, post } from './client.js';
import type { CustomerMe, OrderView, PayOrderResult, ShopOrderBody, ShopProduct, ShopStoreInfo } from './types.js';

/** The neighbour's side: everything under /api/shop/:slug, plus the sandbox wallet. */
export function shopApi(slug: string) {
  const base = `/api/shop/${encodeURIComponent(slug)}`;
  return {
    store: () => get<ShopStoreInfo>(base),
    me: () => get<CustomerMe>(`${base}/auth/me`),
    requestOtp: (phone: string) => post<{ ok: true; expiresInSeconds: number; resendAfterSeconds: number }>(`${base}/auth/otp`, { phone }),
    login: (phone: string, code: string) => post<CustomerMe>(`${base}/auth/login`, { phone, code }),
    logout: () => post(`${base}/auth/logout`),
    products: () => get<ShopProduct[]>(`${base}/products`),
    createOrder: (b: ShopOrderBody, key: string) => post<OrderView>(`${base}/orders`, b, key),
    orders: () => get<OrderView[]>(`${base}/orders`),
    order: (id: string) => get<OrderView>(`${base}/orders/${id}`),
    pay: (id: string, key: string) => post<PayOrderResult>(`${base}/orders/${id}/pay`, {}, key),
    cancel: (id: string, key: string, reason?: string) => post<OrderView>(`${base}/orders/${id}/cancel`, reason ? { reason } : {}, key),
  };
}
export type ShopApi = ReturnType<typeof shopApi>;

export const sandboxWallet = {
  confirm: (paymentId: string, confirmToken: string) => post<{ paymentId: string; status: 'processing' }>('/api/payments/sandbox/confirm', { paymentId, confirmToken }),
};
