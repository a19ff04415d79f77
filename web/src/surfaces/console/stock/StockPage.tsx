import { useMemo, useState } from 'react';
import { Button, Checkbox, Input, Space, Table, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { inventoryApi } from '../../../api/inventory.js';
import type { StockRow } from '../../../api/types.js';
import { useApi } from '../../../lib/use-api.js';
import { PageHeader } from '../PageHeader.js';
import { MovementsDrawer } from './MovementsDrawer.js';
import { StockActionModal, type StockAction } from './StockActionModal.js';

const LOW = 5;

export function StockPage() {
  const { t } = useTranslation();
  const stock = useApi((s) => inventoryApi.stock(s), []);
  const [q, setQ] = useState('');
  const [lowOnly, setLowOnly] = useState(false);
  const [action, setAction] = useState<{ kind: StockAction; row: StockRow } | null>(null);
  const [history, setHistory] = useState<StockRow | null>(null);

  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (stock.data ?? []).filter(
      (r) => (!needle || `${r.productName} ${r.spec}`.toLowerCase().includes(needle)) && (!lowOnly || r.available <= LOW),
    );
  }, [stock.data, q, lowOnly]);

  return (
    <>
      <PageHeader title={t('stock.title')} sub={t('stock.sub')} extra={<Button icon={<ReloadOutlined />} onClick={() => void stock.reload()}>{t('common.refresh')}</Button>} />
      <div className="toolbar">
        <Input.Search allowClear placeholder={t('stock.search')} style={{ width: 240 }} onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} />
        <Checkbox checked={lowOnly} onChange={(e) => setLowOnly(e.target.checked)}>{t('stock.lowOnly', { n: LOW })}</Checkbox>
      </div>
      <Table<StockRow>
        rowKey="skuId"
        loading={stock.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: t('stock.product'), dataIndex: 'productName' },
          { title: t('stock.spec'), dataIndex: 'spec', width: 140 },
          { title: t('stock.onHand'), dataIndex: 'onHand', width: 90, align: 'right', render: (v: number) => <span className="num">{v}</span> },
          { title: t('stock.reserved'), dataIndex: 'reserved', width: 90, align: 'right', render: (v: number) => <span className="num">{v}</span> },
          {
            title: t('stock.available'),
            dataIndex: 'available',
            width: 100,
            align: 'right',
            sorter: (a, b) => a.available - b.available,
            render: (v: number, r) => (
              <Tag color={v <= 0 ? 'red' : v <= LOW ? 'orange' : 'green'} bordered={false} className="num" data-testid={`stock-available-${r.skuId}`}>{v}</Tag>
            ),
          },
          {
            title: t('common.actions'),
            width: 260,
            render: (_, r) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setAction({ kind: 'receive', row: r })} data-testid={`stock-receive-${r.skuId}`}>{t('stock.receive')}</Button>
                <Button type="link" size="small" onClick={() => setAction({ kind: 'adjust', row: r })} data-testid={`stock-adjust-${r.skuId}`}>{t('stock.adjust')}</Button>
                <Button type="link" size="small" danger onClick={() => setAction({ kind: 'loss', row: r })} data-testid={`stock-loss-${r.skuId}`}>{t('stock.loss')}</Button>
                <Button type="link" size="small" onClick={() => setHistory(r)} data-testid={`stock-history-${r.skuId}`}>{t('stock.history')}</Button>
              </Space>
            ),
          },
        ]}
      />
      {action && (
        <StockActionModal
          kind={action.kind}
          row={action.row}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            void stock.reload();
          }}
        />
      )}
      {history && <MovementsDrawer row={history} onClose={() => setHistory(null)} />}
    </>
  );
}
