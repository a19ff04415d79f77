import { Button } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '../../../api/types.js';
import { useLang } from '../../../i18n/index.js';
import { canCancel } from '../../../lib/orders.js';
import { formatClock } from '../../../lib/time.js';
import { PickupCode } from '../PickupCode.js';
import { Price } from '../Price.js';
import { useShop } from '../shop-context.js';

/** a presale order paid at pickup waits unpaid until the goods arrive; its code is already valid */
export function showsCode(o: OrderView): boolean {
  return o.status === 'paid' || o.status === 'ready_for_pickup' || (o.status === 'pending_payment' && o.paymentMethod === 'pay_at_pickup');
}

/** 我的接龙: each of my orders in this campaign with its status, pickup code, 去支付 and 随时退. */
export function MyEntries({ orders, busyId, onPay, onWithdraw }: {
  orders: OrderView[];
  busyId: string | null;
  onPay(o: OrderView): void;
  onWithdraw(o: OrderView): void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { href } = useShop();
  const nav = useNavigate();
  if (orders.length === 0) return null;
  return (
    <div data-testid="campaign-my-entries">
      {orders.map((o) => (
        <div key={o.id} className="c-mine" data-testid="campaign-my-entry" data-order-id={o.id} data-status={o.status}>
          <div className="m-card c-mine-head">
            <div className="c-section-title">
              {t('shopGroupbuy.myEntry')}
              <span className="c-mine-status" data-testid="campaign-my-status">
                {o.status === 'pending_payment' && o.paymentMethod === 'pay_at_pickup' ? t('shopGroupbuy.joinedPayLater') : t(`order.status.${o.status}`)}
              </span>
            </div>
            {o.lines.map((l) => (
              <div className="line-row" key={l.id}>
                <span>{l.productName} <span className="m-muted">{l.spec}</span> × {l.qty}</span>
                <Price fen={l.lineTotalFen} size={14} />
              </div>
            ))}
            <div className="kv"><span>{t('shop.payMethod')}</span><span>{t(`order.payment.${o.paymentMethod}`)}</span></div>
            {o.status === 'pending_payment' && o.paymentMethod === 'sandbox' && o.payBy && (
              <div className="c-pay-by" data-testid="campaign-pay-by">{t('shop.hint.payBy', { time: formatClock(o.payBy, lang) })}</div>
            )}
            <div className="c-mine-actions">
              {o.status === 'pending_payment' && o.paymentMethod === 'sandbox' && (
                <Button color="primary" onClick={() => onPay(o)} data-testid="campaign-pay-now">{t('shop.payNow')}</Button>
              )}
              <Button fill="outline" onClick={() => nav(href(`/orders/${o.id}`))} data-testid="campaign-order-detail">{t('shopGroupbuy.orderDetail')}</Button>
              {canCancel(o) && (
                <Button fill="outline" color="danger" loading={busyId === o.id} onClick={() => onWithdraw(o)} data-testid="campaign-withdraw">
                  {o.paidFen > 0 ? t('shopGroupbuy.refund') : t('shopGroupbuy.withdraw')}
                </Button>
              )}
            </div>
          </div>
          {showsCode(o) && <PickupCode code={o.pickupCode} />}
        </div>
      ))}
    </div>
  );
}
