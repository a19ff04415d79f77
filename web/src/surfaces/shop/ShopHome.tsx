import { useEffect, useMemo, useState } from 'react';
import { DotLoading, SideBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { ShopProduct } from '../../api/types.js';
import { useApi } from '../../lib/use-api.js';
import { Blank } from './Blank.js';
import { CampaignStrip } from './CampaignStrip.js';
import { CartBar } from './CartBar.js';
import { ProductCard } from './ProductCard.js';
import { useShop } from './shop-context.js';
import { ShopHeader } from './ShopHeader.js';
import { ShopTabBar } from './ShopTabBar.js';
import './shop.css';

const NONE = '_';

/** Products by category with price and 剩余 stock; the cart bar above the tab bar. */
export function ShopHome() {
  const { t } = useTranslation();
  const { api, cart } = useShop();
  const products = useApi(() => api.products(), [api]);
  const groups = useMemo(() => {
    const m = new Map<string, { name: string; items: ShopProduct[] }>();
    for (const p of products.data ?? []) {
      const k = p.category?.id ?? NONE;
      if (!m.has(k)) m.set(k, { name: p.category?.name ?? t('shop.otherCategory'), items: [] });
      m.get(k)!.items.push(p);
    }
    return [...m.entries()].map(([id, g]) => ({ id, ...g }));
  }, [products.data, t]);
  const [active, setActive] = useState<string>();
  const current = groups.find((g) => g.id === active) ?? groups[0];

  // keep cart prices and stock in step with what the store sells now
  useEffect(() => {
    if (!products.data) return;
    const skus = new Map(products.data.flatMap((p) => p.skus.map((s) => [s.skuId, s] as const)));
    cart.sync((items) =>
      items.flatMap((i) => {
        const s = skus.get(i.skuId);
        return s ? [{ ...i, priceFen: s.priceFen, available: s.available, qty: Math.min(i.qty, Math.max(s.available, 0)) }] : [];
      }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [products.data]);

  return (
    <div className="m-page">
      <ShopHeader />
      <CampaignStrip />
      {products.error && <Blank title={products.error.message}>{t('shop.pullRetry')}</Blank>}
      {!products.data && !products.error && (
        <div style={{ padding: 40, textAlign: 'center', color: '#999' }}><DotLoading /></div>
      )}
      {products.data && products.data.length === 0 && <Blank title={t('shop.noProducts')} />}
      {current && (
        <div className="s-body">
          <div className="s-side">
            <SideBar activeKey={current.id} onChange={setActive}>
              {groups.map((g) => (
                <SideBar.Item key={g.id} title={g.name} data-testid={`category-${g.id}`} />
              ))}
            </SideBar>
          </div>
          <div className="s-list" data-testid="product-list">
            <div className="s-cat-title">{current.name}</div>
            {current.items.map((p) => (
              <ProductCard key={p.id} product={p} />
            ))}
          </div>
        </div>
      )}
      <CartBar />
      <ShopTabBar />
    </div>
  );
}
