import { useEffect, useState } from 'react';
import { Button, Popup, Result, Selector, Stepper } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { LiveShopApi } from '../../../api/live.js';
import { shopGroupbuyApi, type PublicCampaignView } from '../../../api/shop-groupbuy.js';
import type { OrderView } from '../../../api/types.js';
import { useKeyedAction } from '../../../lib/use-keyed-action.js';
import { toastError } from '../../../lib/mobile/notify.js';
import { formatFen } from '../../../lib/money.js';

/** 加入接龙 from the room: the campaign's items and pickup slot; the join is attributed to the show. */
export default function PresaleSheet({ slug, showId, campaignId, api, onClose }: { slug: string; showId: string; campaignId: string | null; api: LiveShopApi; onClose(): void }) {
  const { t } = useTranslation();
  const [c, setC] = useState<PublicCampaignView | null>(null);
  const [qty, setQty] = useState<Record<string, number>>({});
  const [slot, setSlot] = useState<string | null>(null);
  const [order, setOrder] = useState<OrderView | null>(null);
  const action = useKeyedAction({ campaignId, qty, slot }, toastError);

  useEffect(() => {
    setC(null);
    setOrder(null);
    if (!campaignId) return;
    shopGroupbuyApi(slug).campaign(campaignId).then((v) => {
      setC(v);
      setQty(v.items[0] ? { [v.items[0].id]: 1 } : {});
      setSlot(v.slots[0]?.id ?? null);
    }, toastError);
  }, [slug, campaignId]);

  const items = Object.entries(qty).filter(([, n]) => n > 0).map(([itemId, n]) => ({ itemId, qty: n }));
  const total = c ? c.items.reduce((sum, i) => sum + (qty[i.id] ?? 0) * i.currentPriceFen, 0) : 0;
  const join = async () => {
    if (!campaignId) return;
    const r = await action.run((key) => api.joinPresale(showId, campaignId, { items, slotId: slot, paymentMethod: 'pay_at_pickup' }, key));
    if (r.ok) setOrder(r.value);
  };

  return (
    <Popup visible={campaignId !== null} onMaskClick={onClose} bodyStyle={{ borderRadius: '12px 12px 0 0', maxWidth: 480, margin: '0 auto', maxHeight: '75vh', overflowY: 'auto' }}>
      {order ? (
        <div className="lv-sheet">
          <Result status="success" title={t('live.room.joined')} description={<div className="lv-code" data-testid="live-presale-code">{order.pickupCode}</div>} />
          <Button block shape="rounded" color="primary" onClick={onClose}>{t('live.room.backToRoom')}</Button>
        </div>
      ) : c ? (
        <div className="lv-sheet">
          <div className="lv-sheet-title">{c.title}</div>
          {c.items.map((i) => (
            <div className="lv-sheet-row" key={i.id}>
              <span>{i.productName} <span className="m-muted">{i.spec}</span> <span className="lv-price">{formatFen(i.currentPriceFen)}</span></span>
              <Stepper min={0} max={i.perPersonCap ?? 99} value={qty[i.id] ?? 0} onChange={(v) => setQty((q) => ({ ...q, [i.id]: v }))} />
            </div>
          ))}
          {c.slots.length > 0 && (
            <Selector columns={2} value={slot ? [slot] : []} onChange={(v) => setSlot(v[0] ?? null)} options={c.slots.map((s) => ({ label: s.label, value: s.id }))} />
          )}
          <div className="lv-sheet-row lv-sheet-total">
            <span>{t('live.room.total')} · {t('live.room.payAtPickup')}</span>
            <span className="lv-price lv-price-lg">{formatFen(total)}</span>
          </div>
          <Button block color="primary" shape="rounded" size="large" loading={action.busy} disabled={items.length === 0} onClick={() => void join()} data-testid="live-presale-confirm">
            {t('live.room.join')}
          </Button>
        </div>
      ) : (
        <div className="lv-sheet m-muted">{t('shop.loading')}</div>
      )}
    </Popup>
  );
}
