import { useState } from 'react';
import { Button, Select, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ordersApi } from '../../../api/orders.js';
import type { OrderChannel, OrderStatus, StaffOrderView } from '../../../api/types.js';
import { useLang } from '../../../i18n/index.js';
import { formatFen } from '../../../lib/money.js';
import { ORDER_STATUSES, STATUS_COLOR, lineSummary, shortOrderNo } from '../../../lib/orders.js';
import { formatTime } from '../../../lib/time.js';
import { useApi } from '../../../lib/use-api.js';
import { PageHeader } from '../PageHeader.js';
import { OrderDrawer } from './OrderDrawer.js';

const CHANNELS: OrderChannel[] = ['groupbuy', 'live', 'pos', 'event', 'service'];
const PAGE = 20;

export function OrdersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [status, setStatus] = useState<OrderStatus>();
  const [channel, setChannel] = useState<OrderChannel>();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useApi((s) => ordersApi.list({ status, channel, limit: PAGE, offset: (page - 1) * PAGE }, s), [status, channel, page]);
  const items = list.data ?? [];
  // the list has no total: offer one more page while pages come back full
  const total = (page - 1) * PAGE + items.length + (items.length === PAGE ? 1 : 0);

  return (
    <>
      <PageHeader title={t('orders.title')} sub={t('orders.sub')} extra={<Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>{t('common.refresh')}</Button>} />
      <div className="toolbar">
        <Select allowClear placeholder={t('orders.status')} style={{ width: 150 }} value={status} data-testid="orders-filter-status"
          onChange={(v) => { setStatus(v); setPage(1); }}
          options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`order.status.${s}`) }))} />
        <Select allowClear placeholder={t('orders.channel')} style={{ width: 150 }} value={channel}
          onChange={(v) => { setChannel(v); setPage(1); }}
          options={CHANNELS.map((c) => ({ value: c, label: t(`order.channel.${c}`) }))} />
      </div>
      <Table<StaffOrderView>
        rowKey="id"
        loading={list.loading}
        dataSource={items}
        locale={list.error ? { emptyText: list.error.message } : undefined}
        onRow={(o) => ({ onClick: () => setOpenId(o.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: PAGE, total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('orders.no'), width: 130, render: (_, o) => <Typography.Text code>{shortOrderNo(o.id)}</Typography.Text> },
          { title: t('orders.createdAt'), width: 150, render: (_, o) => <span className="num">{formatTime(o.createdAt, lang)}</span> },
          { title: t('orders.customer'), width: 120, render: (_, o) => o.customer?.name || (o.customer ? t('orders.neighbour') : t('orders.walkIn')) },
          { title: t('orders.channel'), width: 90, render: (_, o) => <Tag bordered={false}>{t(`order.channel.${o.channel}`)}</Tag> },
          { title: t('orders.items'), ellipsis: true, render: (_, o) => lineSummary(o, (n) => t('orders.moreItems', { n })) },
          {
            title: t('orders.amount'),
            width: 120,
            align: 'right',
            render: (_, o) => (
              <>
                <span className="num">{formatFen(o.totalFen)}</span>
                {o.refundedFen > 0 && <div style={{ fontSize: 12, color: '#cf1322' }}>{t('orders.refundedShort', { amount: formatFen(o.refundedFen) })}</div>}
              </>
            ),
          },
          { title: t('orders.payment'), width: 140, render: (_, o) => t(`order.payment.${o.paymentMethod}`) },
          {
            title: t('orders.status'),
            width: 140,
            render: (_, o) => <Tag color={STATUS_COLOR[o.status]} data-testid={`order-status-${o.id}`}>{t(`order.status.${o.status}`)}</Tag>,
          },
          { title: t('common.actions'), width: 90, render: (_, o) => <Button type="link" size="small" data-testid={`order-open-${o.id}`}>{t('common.detail')}</Button> },
        ]}
      />
      {openId && <OrderDrawer orderId={openId} onClose={() => setOpenId(null)} onChanged={() => void list.reload()} />}
    </>
  );
}
