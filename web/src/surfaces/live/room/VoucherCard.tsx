import { Button } from 'antd-mobile';
import { GiftOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import type { MyVoucher, VoucherDrop } from '../../../api/live.js';
import { useKeyedAction } from '../../../lib/use-keyed-action.js';
import { toastError } from './toast.js';
import { mmss, useSecondsLeft } from './use-seconds-left.js';

/** 明天到店有惊喜: claim one store-visit voucher while watching; its code is shown at the counter. */
export function VoucherCard({ drop, mine, claim }: { drop: VoucherDrop; mine: MyVoucher | undefined; claim(key: string): Promise<MyVoucher> }) {
  const { t } = useTranslation();
  const left = useSecondsLeft(drop.endsAt);
  const action = useKeyedAction(drop.dropId, toastError);
  const gone = drop.remaining <= 0 || left === 0;
  const onClaim = () => action.run(claim);
  return (
    <div className="lv-gift lv-voucher" data-testid="live-voucher-card" data-drop-id={drop.dropId}>
      <GiftOutline className="lv-gift-icon" />
      <div className="lv-gift-body">
        <div className="lv-gift-title">{drop.title}</div>
        {mine ? (
          <div className="lv-gift-sub">{t('live.room.voucherCode')} <b data-testid="live-voucher-code">{mine.code}</b></div>
        ) : (
          <div className="lv-gift-sub">{gone ? t('live.room.voucherGone') : t('live.room.voucherLeft', { n: drop.remaining, time: mmss(left) })}</div>
        )}
      </div>
      {!mine && (
        <Button size="mini" shape="rounded" color="warning" disabled={gone} loading={action.busy} onClick={() => void onClaim()} data-testid="live-voucher-claim">
          {t('live.room.claim')}
        </Button>
      )}
    </div>
  );
}
