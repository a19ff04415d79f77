import { useState } from 'react';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { GiftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { voucherCounterApi } from '../../api/live.js';
import type { RedeemedVoucher } from '../../api/live.js';
import { useNotify } from '../../lib/antd/notify.js';
import { newId } from '../../lib/ids.js';
import { formatTime } from '../../lib/time.js';

/** 到店券 from a live show (明天到店有惊喜): type the code the neighbour shows; redeemed here only, credited to the show. */
export function VoucherRedeem() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [code, setCode] = useState('');
  // one request id per code: pressing again after a timeout answers the same redemption
  const [requestId, setRequestId] = useState(newId);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<RedeemedVoucher | null>(null);

  const redeem = async () => {
    const c = code.trim().toUpperCase();
    if (c.length < 6) return;
    setBusy(true);
    try {
      const r = await voucherCounterApi.redeem(c, requestId);
      setDone(r);
      setCode('');
      setRequestId(newId());
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="counter-panel" style={{ marginTop: 20 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}><GiftOutlined /> {t('live.counter.title')}</Typography.Title>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          size="large"
          value={code}
          autoComplete="off"
          maxLength={16}
          placeholder={t('live.counter.placeholder')}
          onChange={(e) => {
            setCode(e.target.value.toUpperCase());
            setRequestId(newId());
          }}
          onPressEnter={() => void redeem()}
          data-testid="counter-voucher-code"
        />
        <Button size="large" type="primary" loading={busy} disabled={code.trim().length < 6} onClick={() => void redeem()} data-testid="counter-voucher-redeem">
          {t('live.counter.redeem')}
        </Button>
      </Space.Compact>
      {done && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          closable
          onClose={() => setDone(null)}
          data-testid="counter-voucher-result"
          title={t('live.counter.redeemed', { title: done.voucher.title, who: done.customer })}
          description={t('live.counter.fromShow', { show: done.show.title, time: formatTime(done.voucher.redeemedAt) })}
        />
      )}
    </div>
  );
}
