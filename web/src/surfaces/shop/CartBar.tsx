import { lazy, Suspense, useState } from 'react';
import { Badge, Button } from 'antd-mobile';
import { ShopbagOutline } from 'antd-mobile-icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Price } from './Price.js';
import { useShop } from './shop-context.js';

// the sheet (antd-mobile Popup + gestures) loads on the first tap, not with the product list
const CartSheet = lazy(() => import('./CartSheet.js'));

export function CartBar() {
  const { t } = useTranslation();
  const { cart, href } = useShop();
  const nav = useNavigate();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const empty = cart.count === 0;
  const show = () => {
    if (empty) return;
    setOpened(true);
    setOpen(true);
  };
  return (
    <>
      <div className="m-footer-bar cart-bar" data-testid="cart-bar">
        <Badge content={empty ? null : cart.count}>
          <div className={empty ? 'cart-icon' : 'cart-icon active'} onClick={show} data-testid="cart-open"><ShopbagOutline /></div>
        </Badge>
        <div className="cart-total" onClick={show}>
          {empty ? <span className="m-muted">{t('shop.cartEmpty')}</span> : <Price fen={cart.totalFen} size={20} />}
          <div className="m-muted">{t('shop.pickupAtStore')}</div>
        </div>
        <Button color="primary" shape="rounded" disabled={empty} onClick={() => nav(href('/checkout'))} data-testid="checkout">
          {t('shop.checkout')}
        </Button>
      </div>
      {opened && (
        <Suspense fallback={null}>
          <CartSheet open={open && !empty} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
