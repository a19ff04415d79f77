import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ordersApi } from '../../../api/orders.js';
import type { OrderLineView } from '../../../api/types.js';
import { useLang } from '../../../i18n/index.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { formatFen } from '../../../lib/money.js';
import { STATUS_COLOR, refundableFen, shortOrderNo } from '../../../lib/orders.js';
import { formatTime } from '../../../lib/time.js';
import { useApi } from '../../../lib/use-api.js';
import { OrderRefunds } from './OrderRefunds.js';
import { RefundModal } from './RefundModal.js';

export function OrderDrawer({ orderId, onClose, onChanged }: { orderId: string; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const order = useApi(() => ordersApi.get(orderId), [orderId]);
  const [refunding, setRefunding] = useState(false);
  const [busy, setBusy] = useState(false);
  const o = order.data;

  const markReady = async () => {
    setBusy(true);
    try {
      await ordersApi.markReady(orderId);
      notify.success(t('orders.readyDone'));
      await order.reload();
      onChanged();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  const refundable = o ? refundableFen(o) : 0;
  const canRefund = !!o && refundable > 0 && o.status !== 'refunded' && o.status !== 'cancelled';
  return (
    <Drawer
      open
      width={720}
      onClose={onClose}
      title={o ? t('orders.detailTitle', { no: shortOrderNo(o.id) }) : t('orders.detail')}
      extra={
        o && (
          <Space>
            {o.status === 'paid' && (
              <Popconfirm title={t('orders.readyConfirm')} onConfirm={() => void markReady()}>
                <Button loading={busy} data-testid="order-mark-ready">{t('orders.markReady')}</Button>
              </Popconfirm>
            )}
            {canRefund && <Button danger onClick={() => setRefunding(true)} data-testid="order-refund">{t('orders.refund')}</Button>}
          </Space>
        )
      }
    >
      {order.error && <Alert type="error" title={order.error.message} showIcon />}
      {!o && !order.error && <Spin />}
      {o && (
        <>
          <Descriptions bordered size="small" column={2} data-testid="order-detail"
            items={[
              { key: 'st', label: t('orders.status'), children: <Tag color={STATUS_COLOR[o.status]} data-testid="order-detail-status">{t(`order.status.${o.status}`)}</Tag> },
              { key: 'ch', label: t('orders.channel'), children: t(`order.channel.${o.channel}`) },
              { key: 'cu', label: t('orders.customer'), children: o.customer ? `${o.customer.name || t('orders.neighbour')} · ${o.customer.phone}` : t('orders.walkIn') },
              { key: 'pm', label: t('orders.payment'), children: t(`order.payment.${o.paymentMethod}`) },
              { key: 'to', label: t('orders.total'), children: <b className="num">{formatFen(o.totalFen)}</b> },
              { key: 'pa', label: t('orders.paid'), children: <span className="num">{formatFen(o.paidFen)}</span> },
              { key: 're', label: t('orders.refunded'), children: <span className="num">{formatFen(o.refundedFen)}</span> },
              { key: 'fu', label: t('orders.fulfilment'), children: t(`order.fulfilment.${o.fulfilment}`) },
              { key: 'ct', label: t('orders.createdAt'), children: formatTime(o.createdAt, lang) },
              { key: 'pb', label: t('orders.payBy'), children: formatTime(o.payBy, lang) },
              ...(o.note ? [{ key: 'no', label: t('orders.note'), span: 2, children: o.note }] : []),
              ...(o.cancelReason ? [{ key: 'cr', label: t('orders.cancelReason'), span: 2, children: o.cancelReason }] : []),
            ]} />
          <Typography.Title level={5} style={{ marginTop: 24 }}>{t('orders.lines')}</Typography.Title>
          <Table<OrderLineView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={o.lines}
            columns={[
              { title: t('orders.product'), render: (_, l) => `${l.productName} · ${l.spec}` },
              { title: t('orders.unitPrice'), align: 'right', render: (_, l) => <span className="num">{formatFen(l.unitPriceFen)}</span> },
              { title: t('orders.qty'), align: 'right', render: (_, l) => `${l.qty} ${l.unit}` },
              { title: t('orders.refundedQty'), align: 'right', render: (_, l) => l.refundedQty || '' },
              { title: t('orders.lineTotal'), align: 'right', render: (_, l) => <span className="num">{formatFen(l.lineTotalFen)}</span> },
            ]}
          />
          <OrderRefunds orderId={o.id} version={o.version} />
        </>
      )}
      {o && refunding && (
        <RefundModal
          order={o}
          onClose={() => setRefunding(false)}
          onDone={() => {
            setRefunding(false);
            void order.reload();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}
