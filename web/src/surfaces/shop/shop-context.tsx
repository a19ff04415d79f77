import { createContext, useContext } from 'react';
import type { ShopApi } from '../../api/shop.js';
import type { CustomerMe, ShopStoreInfo } from '../../api/types.js';
import type { Cart } from './cart.js';

export interface ShopCtx {
  slug: string;
  api: ShopApi;
  store: ShopStoreInfo | undefined;
  /** the signed-in neighbour; null when signed out, undefined while checking */
  me: CustomerMe | null | undefined;
  refreshMe(): Promise<void>;
  cart: Cart;
  /** /shop/:slug + path */
  href(path?: string): string;
}

export const ShopContext = createContext<ShopCtx | null>(null);

export function useShop(): ShopCtx {
  const c = useContext(ShopContext);
  if (!c) throw new Error('useShop outside ShopApp');
  return c;
}
