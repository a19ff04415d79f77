import { useState } from 'react';
import { Button, Popup, Result, Stepper } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { FlashSale, LiveShopApi } from '../../../api/live.js';
import type { OrderView } from '../../../api/types.js';
import { useKeyedAction } from '../../../lib/use-keyed-action.js';
import { toastError } from '../../../lib/mobile/notify.js';
import { formatFen } from '../../../lib/money.js';

/** Buy from a flash sale: quantity (within the per-person cap and what is left) → an order for pickup. */
export default function BuySheet({ sale, api, orderHref, onClose }: { sale: FlashSale | null; api: LiveShopApi; orderHref(id: string): string; onClose(): void }) {
  const { t } = useTranslation();
  const [qty, setQty] = useState(1);
  const [order, setOrder] = useState<OrderView | null>(null);
  const action = useKeyedAction({ sale: sale?.flashSaleId, qty }, toastError);
  const max = sale ? Math.max(1, Math.min(sale.perPersonLimit, sale.remaining)) : 1;

  const close = () => {
    setOrder(null);
    setQty(1);
    onClose();
  };
  const buy = async () => {
    if (!sale) return;
    const r = await action.run((key) => api.buyFlash(sale.flashSaleId, qty, key));
    if (r.ok) setOrder(r.value);
  };

  return (
    <Popup visible={sale !== null} onMaskClick={close} bodyStyle={{ borderRadius: '12px 12px 0 0', maxWidth: 480, margin: '0 auto' }}>
      {sale && !order && (
        <div className="lv-sheet">
          <div className="lv-sheet-title">{sale.title}</div>
          <div className="lv-sheet-row">
            <span className="lv-price lv-price-lg">{formatFen(sale.priceFen)}</span>
            <span className="m-muted">{t('live.room.limit', { n: sale.perPersonLimit })} · {t('live.room.left', { n: sale.remaining })}</span>
          </div>
          <div className="lv-sheet-row">
            <span>{t('live.room.qty')}</span>
            <Stepper min={1} max={max} value={qty} onChange={(v) => setQty(v || 1)} data-testid="live-flash-qty" />
          </div>
          <div className="lv-sheet-row">
            <span>{t('live.room.payment')}</span>
            <span>{t('live.room.payAtPickup')}</span>
          </div>
          <div className="lv-sheet-row lv-sheet-total">
            <span>{t('live.room.total')}</span>
            <span className="lv-price lv-price-lg">{formatFen(sale.priceFen * qty)}</span>
          </div>
          <Button block color="danger" shape="rounded" size="large" loading={action.busy} disabled={sale.status !== 'open' || sale.remaining <= 0} onClick={() => void buy()} data-testid="live-flash-confirm">
            {t('live.room.confirmOrder')}
          </Button>
        </div>
      )}
      {order && (
        <div className="lv-sheet">
          <Result
            status="success"
            title={t('live.room.ordered')}
            description={
              <div>
                <div>{t('live.room.pickupHint')}</div>
                <div className="lv-code" data-testid="live-order-code">{order.pickupCode}</div>
              </div>
            }
          />
          <div className="lv-sheet-actions">
            <Button block shape="rounded" onClick={() => { window.location.href = orderHref(order.id); }}>{t('live.room.viewOrder')}</Button>
            <Button block shape="rounded" color="primary" onClick={close} data-testid="live-order-back">{t('live.room.backToRoom')}</Button>
          </div>
        </div>
      )}
    </Popup>
  );
}
