import { useCallback, useEffect, useMemo, useState } from 'react';

/** What the cart remembers of a SKU (refreshed from the product list on every visit). */
export interface CartItem {
  skuId: string;
  productName: string;
  spec: string;
  unit: string;
  priceFen: number;
  available: number;
  qty: number;
}

export interface Cart {
  items: CartItem[];
  count: number;
  totalFen: number;
  qtyOf(skuId: string): number;
  set(item: Omit<CartItem, 'qty'>, qty: number): void;
  clear(): void;
  /** rewrite every item at once (used to follow price and stock changes) */
  sync(update: (items: CartItem[]) => CartItem[]): void;
}

const key = (slug: string) => `linli.cart.${slug}`;

function load(slug: string): CartItem[] {
  try {
    return JSON.parse(localStorage.getItem(key(slug)) ?? '[]') as CartItem[];
  } catch {
    return [];
  }
}

/** The neighbour's cart for one store, kept in localStorage so a reload or the login detour keeps it. */
export function useCart(slug: string): Cart {
  const [items, setItems] = useState<CartItem[]>(() => load(slug));
  useEffect(() => setItems(load(slug)), [slug]);
  const save = useCallback(
    (next: CartItem[]) => {
      localStorage.setItem(key(slug), JSON.stringify(next));
      setItems(next);
    },
    [slug],
  );
  return useMemo(
    () => ({
      items,
      count: items.reduce((n, i) => n + i.qty, 0),
      totalFen: items.reduce((n, i) => n + i.qty * i.priceFen, 0),
      qtyOf: (skuId: string) => items.find((i) => i.skuId === skuId)?.qty ?? 0,
      set: (item, qty) => {
        const rest = items.filter((i) => i.skuId !== item.skuId);
        const at = items.findIndex((i) => i.skuId === item.skuId);
        if (qty <= 0) return save(rest);
        const next = [...items];
        if (at >= 0) next[at] = { ...item, qty };
        else next.push({ ...item, qty });
        save(next);
      },
      clear: () => save([]),
      sync: (update) => {
        const next = update(items).filter((i) => i.qty > 0);
        if (JSON.stringify(next) !== JSON.stringify(items)) save(next);
      },
    }),
    [items, save],
  );
}
