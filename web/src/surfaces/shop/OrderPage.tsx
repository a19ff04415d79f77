import { useEffect, useState } from 'react';
import { Button, Dialog, DotLoading, NavBar } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '../../api/types.js';
import { useLang } from '../../i18n/index.js';
import { useActionKey } from '../../lib/action-key.js';
import { toastError, toastOk } from '../../lib/mobile/notify.js';
import { canCancel, shortOrderNo, takenOffKind, unitsLeft } from '../../lib/orders.js';
import { formatClock, formatTime } from '../../lib/time.js';
import { useApi } from '../../lib/use-api.js';
import { Blank } from './Blank.js';
import { PickupCode } from './PickupCode.js';
import { Price } from './Price.js';
import { useShop } from './shop-context.js';
import { useSandboxPay } from './use-sandbox-pay.js';
import { WalletSheet } from './WalletSheet.js';
import { AFTER_SALES_STATUSES } from './aftersales/after-sales-statuses.js';
import './shop.css';

const OPEN = new Set(['pending_payment', 'paid', 'ready_for_pickup']);

function banner(o: OrderView): string {
  return o.status === 'ready_for_pickup' ? 'status-banner ready' : OPEN.has(o.status) ? 'status-banner' : 'status-banner done';
}

/** One order: status, pickup code + QR, lines, 去支付 and 随时退 (cancel or full refund before pickup). */
export default function OrderPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const { api, href, store, me } = useShop();
  const nav = useNavigate();
  const order = useApi(me ? () => api.order(id) : null, [api, id, me?.customerId]);
  const [busy, setBusy] = useState(false);
  const cancelKey = useActionKey(['cancel', id]);
  const pay = useSandboxPay((o) => order.setData(o), toastError);
  const o = order.data;
  const { reload } = order;
  const status = o?.status;

  // follow the order while it is open: the counter verifies it, the store marks it ready
  useEffect(() => {
    if (!status || !OPEN.has(status)) return;
    const timer = setInterval(() => void reload(), 5000);
    return () => clearInterval(timer);
  }, [status, reload]);

  if (me === null)
    return (
      <Blank full title={t('shop.loginToSee')}>
        <Button color="primary" onClick={() => nav(href(`/login?next=${encodeURIComponent(href(`/orders/${id}`))}`))}>{t('shop.login')}</Button>
      </Blank>
    );
  if (order.error) return <Blank full title={order.error.message} />;
  if (!o) return <div style={{ padding: 40, textAlign: 'center' }}><DotLoading /></div>;

  const cancel = async () => {
    const paid = o.paidFen > 0;
    const ok = await Dialog.confirm({ content: paid ? t('shop.refundConfirm') : t('shop.cancelConfirm'), confirmText: t('common.confirm'), cancelText: t('common.cancel') });
    if (!ok) return;
    setBusy(true);
    const k = cancelKey.get();
    try {
      order.setData(await api.cancel(o.id, k));
      cancelKey.settle();
      toastOk(paid ? t('shop.refunded') : t('shop.cancelled'));
    } catch (e) {
      cancelKey.settle(e);
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  // a presale order paid at pickup stays unpaid until the goods arrive; its code is already valid
  const showCode = o.status === 'paid' || o.status === 'ready_for_pickup' || (o.status === 'pending_payment' && o.paymentMethod === 'pay_at_pickup');
  const campaignId = o.sourceRef?.startsWith('groupbuy:') ? o.sourceRef.slice('groupbuy:'.length) : null;
  return (
    <div className="m-page">
      <NavBar onBack={() => nav(href('/orders'))}>{t('shop.orderDetail')}</NavBar>
      <div className={banner(o)}>
        <div className="status-title" data-testid="order-status">{t(`order.status.${o.status}`)}</div>
        <div className="status-hint">
          {o.status === 'pending_payment' && o.paymentMethod === 'sandbox' && o.payBy ? t('shop.hint.payBy', { time: formatClock(o.payBy, lang) }) : t(`shop.hint.${o.status}`, { defaultValue: '' })}
        </div>
      </div>
      {showCode && <PickupCode code={o.pickupCode} />}
      <div className="m-card">
        <div style={{ fontWeight: 600, marginBottom: 6 }}>{store?.name}</div>
        {o.lines.map((l) => {
          // what is still coming: qty − refunded (or, unpaid, taken off for a shortage)
          const left = unitsLeft(l);
          const off = takenOffKind(o);
          return left === 0 ? (
            <div className="line-row m-muted" key={l.id} data-testid="shop-order-line-off">
              <span><s>{l.productName} {l.spec} × {l.qty}</s> {t(off === 'refunded' ? 'shop.lineRefunded' : 'shop.lineDropped')}</span>
              <s><Price fen={l.lineTotalFen} size={14} /></s>
            </div>
          ) : (
            <div className="line-row" key={l.id}>
              <span>
                {l.productName} <span className="m-muted">{l.spec}</span> × {left}
                {l.refundedQty > 0 && <span className="m-muted"> ({t(off === 'refunded' ? 'shop.refundedQty' : 'shop.droppedQty', { n: l.refundedQty })})</span>}
              </span>
              <Price fen={l.unitPriceFen * left} size={14} />
            </div>
          );
        })}
        <div className="line-row" style={{ fontWeight: 600, borderTop: '1px solid #f3f3f3', marginTop: 6, paddingTop: 10 }}>
          <span>{t('shop.total')}</span>
          <Price fen={o.totalFen} size={18} />
        </div>
        {o.refundedFen > 0 && <div className="kv"><span>{t('shop.refundedAmount')}</span><Price fen={o.refundedFen} size={13} /></div>}
      </div>
      <div className="m-card">
        <div className="kv"><span>{t('shop.orderNo')}</span><span className="num">{shortOrderNo(o.id)}</span></div>
        <div className="kv"><span>{t('shop.orderedAt')}</span><span>{formatTime(o.createdAt, lang)}</span></div>
        <div className="kv"><span>{t('shop.payMethod')}</span><span>{t(`order.payment.${o.paymentMethod}`)}</span></div>
        {o.note && <div className="kv"><span>{t('shop.note')}</span><span>{o.note}</span></div>}
      </div>
      <div style={{ padding: '0 12px', display: 'flex', flexDirection: 'column', gap: 10 }}>
        {o.status === 'pending_payment' && o.paymentMethod === 'sandbox' && (
          <Button block color="primary" size="large" onClick={() => void pay.open(o)} data-testid="order-pay">{t('shop.payNow')}</Button>
        )}
        {canCancel(o) && (
          <Button block size="large" loading={busy} onClick={() => void cancel()} data-testid="order-cancel">
            {o.paidFen > 0 ? t('shop.refundAnytime') : t('shop.cancelOrder')}
          </Button>
        )}
        {/* a presale order paid but not arrived yet has 随时退; 售后 is about goods received */}
        {AFTER_SALES_STATUSES.has(o.status) && !(o.status === 'paid' && o.fulfilment === 'presale') && o.paidFen > o.refundedFen && (
          <Button block size="large" onClick={() => nav(href(`/orders/${o.id}/after-sales`))} data-testid="aftersales-open">{t('shopAfterSales.open')}</Button>
        )}
        {campaignId && (
          <Button block size="large" fill="none" onClick={() => nav(href(`/c/${campaignId}`))} data-testid="order-campaign">{t('shopGroupbuy.goCampaign')}</Button>
        )}
      </div>
      <WalletSheet phase={pay.phase} amountFen={pay.amountFen} storeName={store?.name ?? ''} onConfirm={() => void pay.confirm()} onClose={pay.close} />
    </div>
  );
}
