import { useState } from 'react';
import { Button, Card, Segmented, Select, Space, Tag, Typography } from 'antd';
import { PushpinOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { groupbuyApi } from '../../../api/groupbuy.js';
import { liveConsoleApi, type ConsoleRoom } from '../../../api/live.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { formatFen } from '../../../lib/money.js';
import { useApi } from '../../../lib/use-api.js';
import { useSkuOptions } from './sku-options.js';

/** 讲解中: pin the product (or the 接龙 campaign) being talked about; every phone shows it with its live price and stock. */
export function PinControl({ showId, room, onChange }: { showId: string; room: ConsoleRoom | undefined; onChange(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const skus = useSkuOptions();
  const campaigns = useApi((signal) => groupbuyApi.campaigns(signal), []);
  const [kind, setKind] = useState<'product' | 'campaign'>('product');
  const [refId, setRefId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const featured = new Set(room?.settings.skuIds ?? []);
  const skuOptions = [...skus.options].sort((a, b) => Number(featured.has(b.value)) - Number(featured.has(a.value)))
    .map((o) => ({ ...o, label: featured.has(o.value) ? `★ ${o.label}` : o.label }));
  const campaignOptions = (campaigns.data ?? []).filter((c) => c.status === 'open').map((c) => ({ value: c.id, label: c.title }));
  const pinned = room?.pinned;

  const pin = async (body: Parameters<typeof liveConsoleApi.pin>[1]) => {
    setBusy(true);
    try {
      await liveConsoleApi.pin(showId, body);
      onChange();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={<Space><PushpinOutlined />{t('live.console.pin')}</Space>}>
      {pinned ? (
        <div className="lc-pinned" data-testid="console-live-pinned">
          <Tag color="volcano">{t('live.room.explaining')}</Tag>
          <Typography.Text strong>{pinned.title}</Typography.Text>
          {pinned.priceFen != null && <Typography.Text type="danger">{formatFen(pinned.priceFen)}</Typography.Text>}
          {pinned.available != null && <Typography.Text type="secondary">{t('live.room.left', { n: pinned.available })}</Typography.Text>}
          <Button size="small" style={{ marginLeft: 'auto' }} loading={busy} onClick={() => void pin({ kind: null })} data-testid="console-live-unpin">{t('live.console.unpin')}</Button>
        </div>
      ) : (
        <Typography.Paragraph type="secondary">{t('live.console.nothingPinned')}</Typography.Paragraph>
      )}
      <Space.Compact style={{ width: '100%' }}>
        <Segmented<'product' | 'campaign'> value={kind} onChange={(v) => { setKind(v); setRefId(undefined); }}
          options={[{ value: 'product', label: t('live.console.pinProduct') }, { value: 'campaign', label: t('live.console.pinCampaign') }]} />
        <Select style={{ flex: 1, minWidth: 0 }} value={refId} onChange={setRefId} showSearch={{ optionFilterProp: 'label' }}
          options={kind === 'product' ? skuOptions : campaignOptions} loading={kind === 'product' ? skus.loading : campaigns.loading}
          placeholder={kind === 'product' ? t('live.console.pickSku') : t('live.console.pickCampaign')} data-testid="console-live-pin-sku" />
        <Button type="primary" disabled={!refId} loading={busy} onClick={() => refId && void pin({ kind, refId })} data-testid="console-live-pin-submit">{t('live.console.pinIt')}</Button>
      </Space.Compact>
    </Card>
  );
}
