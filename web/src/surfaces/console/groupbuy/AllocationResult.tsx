import type { HTMLAttributes } from 'react';
import { Alert, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ordersApi } from '../../../api/orders.js';
import type { ReceiptView, StaffOrderView } from '../../../api/types.js';
import { formatFen } from '../../../lib/money.js';
import { shortOrderNo } from '../../../lib/orders.js';
import { useApi } from '../../../lib/use-api.js';

type Line = ReceiptView['allocations'][number]['lines'][number] & { skuId: string; product: string };

/** 收货结果: per SKU what went to the presale orders first-come, and the orders left short (refunded for the part missing). */
export function AllocationResult({ receipt }: { receipt: ReceiptView }) {
  const { t } = useTranslation();
  const names = new Map(receipt.purchaseOrder.lines.map((l) => [l.skuId, `${l.productName} ${l.spec}`]));
  const affected: Line[] = receipt.allocations.flatMap((a) =>
    a.lines.filter((l) => l.missingQty > 0).map((l) => ({ ...l, skuId: a.skuId, product: names.get(a.skuId) ?? '' })),
  );
  const ids = [...new Set(affected.map((l) => l.orderId))];
  const orders = useApi(ids.length ? () => Promise.all(ids.map((id) => ordersApi.get(id))) : null, [ids.join(',')]);
  const byId = new Map<string, StaffOrderView>((orders.data ?? []).map((o) => [o.id, o]));

  if (!receipt.allocations.length) return <Alert style={{ marginTop: 16 }} type="info" title={t('pos.noAllocation')} />;
  return (
    <div style={{ marginTop: 16 }} data-testid="po-allocation">
      <Typography.Title level={5}>{t('pos.allocationTitle')}</Typography.Title>
      <Table size="small" rowKey="skuId" pagination={false} dataSource={receipt.allocations} style={{ marginBottom: 12 }}
        columns={[
          { title: t('pos.product'), render: (_, a) => names.get(a.skuId) },
          { title: t('pos.receivedQty'), width: 80, align: 'right', dataIndex: 'receivedQty' },
          { title: t('pos.allocated'), width: 80, align: 'right', dataIndex: 'allocatedQty' },
          { title: t('pos.short'), width: 80, align: 'right', render: (_, a) => (a.shortQty > 0 ? <Typography.Text type="danger">{a.shortQty}</Typography.Text> : 0) },
          { title: t('pos.surplus'), width: 80, align: 'right', dataIndex: 'surplusQty' },
          { title: '', width: 120, render: (_, a) => (a.applied ? null : <Tag>{t('pos.alreadyAllocated')}</Tag>) },
        ]} />
      {receipt.allocations.every((a) => a.lines.length === 0) ? (
        <Alert type="info" showIcon title={t('pos.noOrders')} data-testid="po-no-orders" />
      ) : affected.length === 0 ? (
        <Alert type="success" showIcon title={t('pos.allFilled')} data-testid="po-all-filled" />
      ) : (
        <Table<Line> size="small" rowKey={(l) => `${l.orderId}:${l.lineId}`} pagination={false} dataSource={affected} title={() => t('pos.refundedOrders')}
          onRow={(l) => ({ 'data-testid': `po-refunded-${l.orderId}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('pos.order'), width: 130, render: (_, l) => <Typography.Text code>{shortOrderNo(l.orderId)}</Typography.Text> },
            { title: t('pos.customer'), width: 120, render: (_, l) => { const c = byId.get(l.orderId)?.customer; return c ? c.name || c.phone : '—'; } },
            { title: t('pos.product'), render: (_, l) => l.product },
            { title: t('pos.filled'), width: 110, align: 'right', render: (_, l) => `${l.filledQty} / ${l.qty}` },
            {
              title: t('pos.outcome'),
              width: 110,
              render: (_, l) => <Tag color={l.outcome === 'short' ? 'red' : 'orange'}>{t(`pos.outcomes.${l.outcome}`)}</Tag>,
            },
            { title: t('pos.refunded'), width: 100, align: 'right', render: (_, l) => formatFen(byId.get(l.orderId)?.refundedFen) },
          ]} />
      )}
    </div>
  );
}
