import { useState } from 'react';
import { Button, Card, Form, InputNumber, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { liveConsoleApi, type FlashSale } from '../../../api/live.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { formatFen, yuanToFen } from '../../../lib/money.js';
import { newId } from '../../../lib/ids.js';
import { testId } from '../../../lib/test-id.js';
import { formatClock } from '../../../lib/time.js';
import { useSkuOptions } from './sku-options.js';

interface Values {
  skuId: string;
  priceYuan: number;
  qty: number;
  perPersonLimit: number;
  durationMin: number;
}
const STATUS_COLOR = { open: 'red', sold_out: 'orange', ended: 'default' } as const;

/** 秒杀: reserve N units at a price for a few minutes (stock comes from the ledger; the rest goes back at the end). */
export function FlashSaleControl({ showId, flash, onChange }: { showId: string; flash: FlashSale[]; onChange(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const skus = useSkuOptions();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newId);

  const open = async (v: Values) => {
    const priceFen = yuanToFen(v.priceYuan);
    if (priceFen === null) return;
    setBusy(true);
    try {
      await liveConsoleApi.openFlash(showId, { skuId: v.skuId, priceFen, qty: v.qty, perPersonLimit: v.perPersonLimit, durationSec: Math.round(v.durationMin * 60) }, key);
      setKey(newId());
      notify.success(t('live.console.flashOpened'));
      onChange();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };
  const end = async (id: string) => {
    try {
      await liveConsoleApi.endFlash(id);
      onChange();
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <Card size="small" title={<Space><ThunderboltOutlined />{t('live.room.flashSale')}</Space>}>
      <Form form={form} layout="inline" onFinish={open} initialValues={{ qty: 20, perPersonLimit: 2, durationMin: 5 }} className="lc-flash-form"
        onValuesChange={(ch: Partial<Values>) => {
          if (ch.skuId) {
            const p = skus.byId.get(ch.skuId)?.priceFen;
            if (p != null && !form.getFieldValue('priceYuan')) form.setFieldValue('priceYuan', p / 100);
          }
        }}>
        <Form.Item name="skuId" rules={[{ required: true, message: t('live.console.pickSku') }]} style={{ minWidth: 240, flex: 1 }}>
          <Select options={skus.options} loading={skus.loading} showSearch={{ optionFilterProp: 'label' }} placeholder={t('live.console.pickSku')} data-testid="console-live-flash-sku" />
        </Form.Item>
        <Form.Item name="priceYuan" label={t('live.console.flashPrice')} rules={[{ required: true }]}>
          <InputNumber min={0} step={0.1} precision={2} style={{ width: 100 }} data-testid="console-live-flash-price" />
        </Form.Item>
        <Form.Item name="qty" label={t('live.console.flashQty')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100000} style={{ width: 90 }} data-testid="console-live-flash-qty" />
        </Form.Item>
        <Form.Item name="perPersonLimit" label={t('live.console.flashLimit')} rules={[{ required: true }]}>
          <InputNumber min={1} max={99} style={{ width: 70 }} data-testid="console-live-flash-limit" />
        </Form.Item>
        <Form.Item name="durationMin" label={t('live.console.flashMinutes')} rules={[{ required: true }]}>
          <InputNumber min={0.5} max={1440} step={1} style={{ width: 80 }} data-testid="console-live-flash-duration" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" danger htmlType="submit" loading={busy} data-testid="console-live-flash-open">{t('live.console.flashOpen')}</Button>
        </Form.Item>
      </Form>
      {flash.length > 0 && (
        <Table<FlashSale>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="flashSaleId"
          pagination={false}
          dataSource={[...flash].sort((a, b) => b.endsAt.localeCompare(a.endsAt))}
          onRow={(f) => ({ 'data-testid': 'console-live-flash-row', 'data-flash-sale-id': f.flashSaleId, 'data-status': f.status }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('live.console.product'), dataIndex: 'title' },
            { title: t('live.console.flashPrice'), render: (_, f) => formatFen(f.priceFen) },
            { title: t('live.console.sold'), render: (_, f) => <span className="num">{f.total - f.remaining} / {f.total}</span> },
            { title: t('live.console.flashLimit'), dataIndex: 'perPersonLimit' },
            { title: t('live.console.endsAt'), render: (_, f) => formatClock(f.endsAt) },
            { title: t('live.console.showStatus'), render: (_, f) => <Tag color={STATUS_COLOR[f.status]}>{t(`live.console.flashState.${f.status}`)}</Tag> },
            {
              title: t('common.actions'),
              render: (_, f) => f.status === 'open' && (
                <Popconfirm title={t('live.console.flashEndConfirm')} onConfirm={() => end(f.flashSaleId)} okButtonProps={{ ...testId('console-live-confirm-ok') }}>
                  <Button size="small" data-testid="console-live-flash-end">{t('live.console.flashEnd')}</Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
