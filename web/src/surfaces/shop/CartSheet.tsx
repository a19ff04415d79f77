import { Button, Popup, Stepper } from 'antd-mobile';
import { DeleteOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Price } from './Price.js';
import { useShop } from './shop-context.js';

export default function CartSheet({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { cart } = useShop();
  return (
    <Popup visible={open} onMaskClick={onClose} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '60vh', overflow: 'auto' }}>
      <div className="cart-row" style={{ fontWeight: 600 }}>
        <span>{t('shop.cart')}</span>
        <Button fill="none" size="small" onClick={() => { cart.clear(); onClose(); }} data-testid="cart-clear"><DeleteOutline /> {t('shop.clearCart')}</Button>
      </div>
      {cart.items.map((i) => (
        <div className="cart-row" key={i.skuId}>
          <div>
            <div>{i.productName}</div>
            <div className="m-muted">{i.spec} · <Price fen={i.priceFen} size={13} /></div>
          </div>
          <Stepper min={0} max={Math.max(i.qty, i.available)} value={i.qty} onChange={(v) => cart.set(i, v)} />
        </div>
      ))}
      <div style={{ height: 70 }} />
    </Popup>
  );
}
