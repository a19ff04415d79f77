import { get, post } from './client.js';
import type { MovementView, StockChange, StockRow } from './types.js';

export const inventoryApi = {
  stock: (signal?: AbortSignal) => get<StockRow[]>('/api/console/stock', undefined, signal),
  receive: (b: { skuId: string; qty: number; note?: string }, key: string) => post<StockChange>('/api/console/stock/receive', b, key),
  adjust: (b: { skuId: string; countedQty: number; reason: string }, key: string) => post<StockChange>('/api/console/stock/adjust', b, key),
  loss: (b: { skuId: string; qty: number; reason: string }, key: string) => post<StockChange>('/api/console/stock/loss', b, key),
  movements: (skuId: string, q: { limit?: number; before?: number } = {}) => get<MovementView[]>(`/api/console/stock/${skuId}/movements`, q),
};
