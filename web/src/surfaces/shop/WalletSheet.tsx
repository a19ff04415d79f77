import { Button, DotLoading, Popup } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../lib/money.js';
import type { PayPhase } from './use-sandbox-pay.js';

/** The sandbox wallet: stands in for WeChat Pay's sheet. No real money moves. */
export function WalletSheet({ phase, amountFen, storeName, onConfirm, onClose }: {
  phase: PayPhase; amountFen: number; storeName: string; onConfirm(): void; onClose(): void;
}) {
  const { t } = useTranslation();
  const busy = phase === 'confirming' || phase === 'waiting';
  return (
    <Popup visible={phase !== 'closed'} onMaskClick={busy ? undefined : onClose} bodyStyle={{ borderTopLeftRadius: 14, borderTopRightRadius: 14 }}>
      <div className="wallet" data-testid="wallet-sheet">
        <div className="wallet-brand">{t('shop.wallet.brand')}</div>
        <div className="wallet-amount" data-testid="wallet-amount">{formatFen(amountFen)}</div>
        <div className="m-muted">{t('shop.wallet.payee', { store: storeName })}</div>
        <div className="wallet-note">{t('shop.wallet.note')}</div>
        {phase === 'preparing' ? (
          <div style={{ padding: 16 }}><DotLoading /></div>
        ) : (
          <Button block color="primary" size="large" loading={busy} loadingText={phase === 'waiting' ? t('shop.wallet.waiting') : t('shop.wallet.paying')}
            onClick={onConfirm} data-testid="wallet-confirm">
            {t('shop.wallet.confirm')}
          </Button>
        )}
        {!busy && (
          <Button block fill="none" style={{ marginTop: 8 }} onClick={onClose} data-testid="wallet-cancel">{t('common.cancel')}</Button>
        )}
      </div>
    </Popup>
  );
}
