import { Button, ProgressBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { FlashSale } from '../../../api/live.js';
import { formatFen } from '../../../lib/money.js';
import { mmss, useSecondsLeft } from './use-seconds-left.js';

/** 秒杀: price, countdown, what is left (updated as it sells), one tap to the buy sheet. */
export function FlashCard({ sale, onBuy }: { sale: FlashSale; onBuy(): void }) {
  const { t } = useTranslation();
  const left = useSecondsLeft(sale.endsAt);
  const open = sale.status === 'open' && left > 0 && sale.remaining > 0;
  const sold = sale.total - sale.remaining;
  const status = sale.status === 'open' && left === 0 ? 'ended' : sale.status;
  return (
    <div className={`lv-flash ${open ? '' : 'lv-flash-off'}`} data-testid="live-flash-card" data-flash-sale-id={sale.flashSaleId} data-status={status}>
      <div className="lv-flash-head">
        <span className="lv-flash-badge">{t('live.room.flashSale')}</span>
        <span className="lv-flash-countdown" data-testid="live-flash-countdown">
          {open ? t('live.room.endsIn', { time: mmss(left) }) : t(`live.room.flashStatus.${status === 'open' ? 'sold_out' : status}`)}
        </span>
      </div>
      <div className="lv-flash-body">
        <div className="lv-flash-info">
          <div className="lv-flash-title">{sale.title}</div>
          <div>
            <span className="lv-flash-price">{formatFen(sale.priceFen)}</span>
            {sale.originalPriceFen > sale.priceFen && <s className="lv-flash-orig">{formatFen(sale.originalPriceFen)}</s>}
          </div>
          <div className="lv-flash-progress">
            <ProgressBar percent={sale.total ? (sold / sale.total) * 100 : 0} style={{ '--fill-color': '#fff', '--track-color': 'rgba(255,255,255,.3)' }} />
            <span>{t('live.room.remaining')} <b data-testid="live-flash-remaining">{sale.remaining}</b>/{sale.total}</span>
          </div>
        </div>
        <Button shape="rounded" disabled={!open} onClick={onBuy} className="lv-flash-buy" data-testid="live-flash-buy">
          {sale.remaining <= 0 ? t('live.room.soldOut') : t('live.room.grab')}
        </Button>
      </div>
    </div>
  );
}
