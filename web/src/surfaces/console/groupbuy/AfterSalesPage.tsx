import { useState, type HTMLAttributes } from 'react';
import { Button, Image, Segmented, Space, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { afterSalesApi, type AfterSalesStatus, type StaffTicketView } from '../../../api/aftersales.js';
import { useLang } from '../../../i18n/index.js';
import { formatFen } from '../../../lib/money.js';
import { shortOrderNo } from '../../../lib/orders.js';
import { formatTime } from '../../../lib/time.js';
import { useApi } from '../../../lib/use-api.js';
import { PageHeader } from '../PageHeader.js';
import { DecideModal } from './DecideModal.js';
import './groupbuy.css';

const STATUS_COLOR: Record<AfterSalesStatus, string> = { open: 'orange', approved: 'green', rejected: 'default' };

/** 售后: tickets neighbours opened (reason, photo, order); approve a partial refund or reject with a note. */
export function AfterSalesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [status, setStatus] = useState<AfterSalesStatus | 'all'>('open');
  const [deciding, setDeciding] = useState<{ ticket: StaffTicketView; kind: 'approve' | 'reject' } | null>(null);
  const list = useApi((s) => afterSalesApi.list({ status: status === 'all' ? undefined : status }, s), [status]);

  return (
    <>
      <PageHeader title={t('afterSales.title')} sub={t('afterSales.sub')}
        extra={<Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>{t('common.refresh')}</Button>} />
      <div className="toolbar">
        <Segmented<AfterSalesStatus | 'all'> value={status} onChange={setStatus} data-testid="aftersales-filter"
          options={(['open', 'approved', 'rejected', 'all'] as const).map((s) => ({ value: s, label: t(`afterSales.filter.${s}`) }))} />
      </div>
      <Table<StaffTicketView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: list.error ? list.error.message : t('afterSales.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(x, i) => ({ 'data-testid': `aftersales-row-${i}`, 'data-ticket-id': x.id, 'data-order-id': x.orderId }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('afterSales.createdAt'), width: 140, render: (_, x) => <span className="num">{formatTime(x.createdAt, lang)}</span> },
          {
            title: t('afterSales.photo'),
            width: 80,
            render: (_, x) =>
              x.photoUrl ? <Image src={x.photoUrl} width={56} height={56} className="gb-ticket-photo" data-testid="aftersales-photo" /> : <Typography.Text type="secondary">—</Typography.Text>,
          },
          {
            title: t('afterSales.reason'),
            render: (_, x) => (
              <>
                <Tag>{t(`afterSales.reasons.${x.reason}`)}</Tag>
                <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{x.text}</div>
                {x.decisionNote && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('afterSales.noteShown', { note: x.decisionNote })}</Typography.Text>}
              </>
            ),
          },
          {
            title: t('afterSales.order'),
            width: 220,
            render: (_, x) => (
              <>
                <Typography.Text code>{shortOrderNo(x.orderId)}</Typography.Text> <Tag variant="filled">{t(`order.channel.${x.order.channel}`, { defaultValue: x.order.channel })}</Tag>
                <div style={{ fontSize: 12 }}>{x.order.lines.map((l) => `${l.productName} ×${l.qty}`).join('，')}</div>
                <div style={{ fontSize: 12, color: '#8c8c8c' }}>{t('afterSales.paidRefundable', { paid: formatFen(x.order.paidFen), refundable: formatFen(x.order.refundableFen) })}</div>
              </>
            ),
          },
          { title: t('afterSales.customer'), width: 130, render: (_, x) => (x.customer ? <>{x.customer.name || t('orders.neighbour')}<div className="num" style={{ fontSize: 12 }}>{x.customer.phone}</div></> : '—') },
          { title: t('afterSales.requested'), width: 90, align: 'right', render: (_, x) => <span className="num">{formatFen(x.requestedFen)}</span> },
          {
            title: t('afterSales.status'),
            width: 110,
            render: (_, x) => (
              <>
                <Tag color={STATUS_COLOR[x.status]} data-testid={`aftersales-status-${x.id}`}>{t(`afterSales.statuses.${x.status}`)}</Tag>
                {x.refundFen != null && <div className="num" style={{ fontSize: 12 }}>{t('afterSales.refundedN', { amount: formatFen(x.refundFen) })}</div>}
              </>
            ),
          },
          {
            title: t('common.actions'),
            width: 150,
            render: (_, x) =>
              x.status === 'open' ? (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setDeciding({ ticket: x, kind: 'approve' })} data-testid="aftersales-approve">{t('afterSales.approve')}</Button>
                  <Button type="link" size="small" danger onClick={() => setDeciding({ ticket: x, kind: 'reject' })} data-testid="aftersales-reject">{t('afterSales.reject')}</Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {deciding && <DecideModal {...deciding} onClose={() => setDeciding(null)} onDone={() => { setDeciding(null); void list.reload(); }} />}
    </>
  );
}
