import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { FlashSale, Pinned } from '../../../api/live.js';
import { formatFen } from '../../../lib/money.js';

/** 讲解中: what the host is talking about, its price and stock right now. */
export function PinCard({ pinned, flash, onBuy, onJoin, shopHref }: {
  pinned: Pinned;
  /** an open flash sale of the pinned SKU: 马上抢 buys through it */
  flash: FlashSale | undefined;
  onBuy(f: FlashSale): void;
  onJoin(campaignId: string): void;
  shopHref: string;
}) {
  const { t } = useTranslation();
  const soldOut = pinned.available != null && pinned.available <= 0;
  return (
    <div className="lv-pin" data-testid="live-pin-card" data-kind={pinned.kind}>
      {pinned.imageUrl ? <img className="lv-pin-img" src={pinned.imageUrl} alt="" /> : <div className="lv-pin-img lv-pin-noimg">{pinned.title.slice(0, 1)}</div>}
      <div className="lv-pin-body">
        <div className="lv-pin-tag">{t('live.room.explaining')}</div>
        <div className="lv-pin-title">{pinned.title}</div>
        <div className="lv-pin-meta">
          <span className="lv-price" data-testid="live-pin-price">{formatFen(flash?.priceFen ?? pinned.priceFen)}</span>
          {pinned.available != null && (
            <span className="lv-pin-stock" data-testid="live-pin-stock">{soldOut ? t('live.room.soldOut') : t('live.room.left', { n: pinned.available })}</span>
          )}
        </div>
      </div>
      {pinned.kind === 'campaign' ? (
        <Button size="mini" shape="rounded" color="primary" onClick={() => onJoin(pinned.refId)} data-testid="live-pin-join">{t('live.room.join')}</Button>
      ) : flash ? (
        <Button size="mini" shape="rounded" color="danger" disabled={flash.remaining <= 0} onClick={() => onBuy(flash)} data-testid="live-pin-buy">{t('live.room.grab')}</Button>
      ) : (
        <Button size="mini" shape="rounded" color="primary" disabled={soldOut} onClick={() => { window.location.href = shopHref; }} data-testid="live-pin-buy">
          {t('live.room.toShop')}
        </Button>
      )}
    </div>
  );
}
