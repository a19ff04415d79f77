import { useState } from 'react';
import { Button, List, NavBar, Radio, TextArea } from 'antd-mobile';
import { Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '../../api/types.js';
import { useActionKey } from '../../lib/action-key.js';
import { toastError } from '../../lib/mobile/notify.js';
import { Price } from './Price.js';
import { useShop } from './shop-context.js';
import { useSandboxPay } from './use-sandbox-pay.js';
import { WalletSheet } from './WalletSheet.js';
import './shop.css';

type Method = 'sandbox' | 'pay_at_pickup';

/** 确认订单: pickup at the store, pay online (sandbox) or at pickup. */
export default function CheckoutPage() {
  const { t } = useTranslation();
  const { api, cart, me, store, href, slug } = useShop();
  const nav = useNavigate();
  const [method, setMethod] = useState<Method>('sandbox');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  /** the order once placed: the page shows it while the wallet is open (the cart is empty by then) */
  const [placed, setPlaced] = useState<OrderView | null>(null);
  const lines = cart.items.map((i) => ({ skuId: i.skuId, qty: i.qty }));
  // the same key until this exact order is answered: a double tap or a retry cannot order twice
  const key = useActionKey([slug, lines, method, note.trim()]);
  const goOrder = (o: OrderView) => nav(href(`/orders/${o.id}`), { replace: true });
  const pay = useSandboxPay(goOrder, toastError);

  if (me === null) return <Navigate to={href(`/login?next=${encodeURIComponent(href('/checkout'))}`)} replace />;
  if (cart.count === 0 && !placed && !busy) return <Navigate to={href()} replace />;

  const submit = async () => {
    setBusy(true);
    const k = key.get();
    try {
      const o = await api.createOrder({ lines, paymentMethod: method, ...(note.trim() ? { note: note.trim() } : {}) }, k);
      key.settle();
      setPlaced(o);
      cart.clear();
      if (method === 'sandbox' && o.status === 'pending_payment') await pay.open(o);
      else goOrder(o);
    } catch (e) {
      key.settle(e);
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  const rows = placed
    ? placed.lines.map((l) => ({ key: l.id, name: l.productName, spec: l.spec, qty: l.qty, fen: l.lineTotalFen }))
    : cart.items.map((i) => ({ key: i.skuId, name: i.productName, spec: i.spec, qty: i.qty, fen: i.priceFen * i.qty }));
  const totalFen = placed?.totalFen ?? cart.totalFen;
  return (
    <div className="m-page">
      <NavBar onBack={() => nav(-1)}>{t('shop.confirmOrder')}</NavBar>
      <div className="m-card">
        <div style={{ fontWeight: 600 }}>{t('shop.pickupAtStore')} · {store?.name}</div>
        <div className="m-muted">{store?.address} {store?.phone}</div>
      </div>
      <div className="m-card" data-testid="checkout-lines">
        {rows.map((r) => (
          <div className="line-row" key={r.key}>
            <span>{r.name} <span className="m-muted">{r.spec}</span> × {r.qty}</span>
            <Price fen={r.fen} size={14} />
          </div>
        ))}
        <div className="line-row" style={{ fontWeight: 600, borderTop: '1px solid #f3f3f3', marginTop: 6, paddingTop: 10 }}>
          <span>{t('shop.total')}</span>
          <Price fen={totalFen} size={18} />
        </div>
      </div>
      <List header={t('shop.payMethod')} mode="card">
        <Radio.Group value={method} onChange={(v) => setMethod(v as Method)}>
          <List.Item>
            <Radio value="sandbox" disabled={!!placed} data-testid="pay-method-sandbox">
              <div>{t('order.payment.sandbox')}</div>
              <div className="m-muted">{t('shop.sandboxHint')}</div>
            </Radio>
          </List.Item>
          <List.Item>
            <Radio value="pay_at_pickup" disabled={!!placed} data-testid="pay-method-pay_at_pickup">
              <div>{t('order.payment.pay_at_pickup')}</div>
              <div className="m-muted">{t('shop.payAtPickupHint')}</div>
            </Radio>
          </List.Item>
        </Radio.Group>
      </List>
      <div className="m-card">
        <TextArea placeholder={t('shop.notePlaceholder')} maxLength={200} rows={2} value={note} onChange={setNote} disabled={!!placed} />
      </div>
      <div className="m-footer-bar" style={{ bottom: 0, paddingBottom: 'calc(8px + env(safe-area-inset-bottom))' }}>
        <div style={{ flex: 1 }}>{t('shop.total')}: <Price fen={totalFen} size={20} /></div>
        {placed ? (
          <Button color="primary" shape="rounded" onClick={() => void pay.open(placed)} data-testid="order-pay">{t('shop.payNow')}</Button>
        ) : (
          <Button color="primary" shape="rounded" loading={busy} disabled={me === undefined} onClick={() => void submit()} data-testid="place-order">
            {t('shop.placeOrder')}
          </Button>
        )}
      </div>
      <WalletSheet phase={pay.phase} amountFen={pay.amountFen} storeName={store?.name ?? ''} onConfirm={() => void pay.confirm()}
        onClose={() => { if (pay.order) goOrder(pay.order); pay.close(); }} />
    </div>
  );
}
