import { Button, Stepper } from 'antd-mobile';
import { AddOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import type { ShopProduct } from '../../api/types.js';
import { Price } from './Price.js';
import { useShop } from './shop-context.js';
import './shop.css';

const TINTS = ['#fff1e6', '#e6f7ff', '#f6ffed', '#fff0f6', '#f9f0ff', '#fffbe6'];

export function ProductCard({ product }: { product: ShopProduct }) {
  const { t } = useTranslation();
  const { cart } = useShop();
  const tint = TINTS[product.name.charCodeAt(0) % TINTS.length];
  return (
    <div className="p-card" data-testid={`product-${product.id}`}>
      {product.imageUrls[0] ? (
        <img className="p-img" src={product.imageUrls[0]} alt="" loading="lazy" />
      ) : (
        <div className="p-img p-img-empty" style={{ background: tint }}>{product.name.slice(0, 1)}</div>
      )}
      <div className="p-body">
        <div className="p-name">{product.name}</div>
        {product.description && <div className="p-desc">{product.description}</div>}
        {product.skus.map((s) => {
          const qty = cart.qtyOf(s.skuId);
          const soldOut = s.available <= 0;
          const item = { skuId: s.skuId, productName: product.name, spec: s.spec, unit: s.unit, priceFen: s.priceFen, available: s.available };
          return (
            <div className="p-sku" key={s.skuId}>
              <div>
                <div className="p-spec">{s.spec}{s.weighed ? ` · ${t('shop.weighed')}` : ''}</div>
                <Price fen={s.priceFen} />
                <span className="p-unit">/{s.unit}</span>
                <div className={soldOut ? 'p-stock p-stock-out' : 'p-stock'} data-testid={`stock-${s.skuId}`}>
                  {soldOut ? t('shop.soldOut') : t('shop.left', { n: s.available })}
                </div>
              </div>
              {qty > 0 ? (
                <Stepper min={0} max={Math.max(qty, s.available)} value={qty} onChange={(v) => cart.set(item, v)} data-testid={`qty-${s.skuId}`} />
              ) : (
                <Button color="primary" shape="rounded" size="small" disabled={soldOut} onClick={() => cart.set(item, 1)} data-testid={`add-${s.skuId}`}
                  aria-label={t('shop.add')}>
                  <AddOutline />
                </Button>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
