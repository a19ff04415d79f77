import { useState } from 'react';
import { Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { paymentsApi } from '../../api/payments.js';
import type { RefundStatus, RefundView } from '../../api/types.js';
import { useLang } from '../../i18n/index.js';
import { useNotify } from '../../lib/antd/notify.js';
import { formatFen } from '../../lib/money.js';
import { shortOrderNo } from '../../lib/orders.js';
import { formatTime } from '../../lib/time.js';
import { useApi } from '../../lib/use-api.js';
import { PageHeader } from './PageHeader.js';
import { SandboxRefundSwitch } from './SandboxRefundSwitch.js';

const COLOR: Record<RefundStatus, string> = { failed: 'red', pending: 'orange', succeeded: 'green' };

/** 退款队列: refunds the provider refused stay here, retried by a job with backoff and by hand. */
export function RefundsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const [status, setStatus] = useState<RefundStatus>('failed');
  const [retrying, setRetrying] = useState<string | null>(null);
  const list = useApi((s) => paymentsApi.refunds(status, s), [status]);

  const retry = async (r: RefundView) => {
    setRetrying(r.id);
    try {
      const res = await paymentsApi.retryRefund(r.id);
      if (res.status === 'succeeded') notify.success(t('refunds.retryOk'));
      else notify.error(new Error(t('refunds.retryStill', { status: t(`refund.status.${res.status}`) })));
      await list.reload();
    } catch (e) {
      notify.error(e);
    } finally {
      setRetrying(null);
    }
  };

  return (
    <>
      <PageHeader title={t('refunds.title')} sub={t('refunds.sub')} extra={<Space><SandboxRefundSwitch /><Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>{t('common.refresh')}</Button></Space>} />
      <Tabs activeKey={status} onChange={(k) => setStatus(k as RefundStatus)}
        items={(['failed', 'pending', 'succeeded'] as const).map((s) => ({ key: s, label: t(`refund.status.${s}`) }))} />
      <Table<RefundView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={list.error ? { emptyText: list.error.message } : undefined}
        columns={[
          { title: t('refunds.createdAt'), width: 150, render: (_, r) => formatTime(r.createdAt, lang) },
          { title: t('refunds.order'), width: 130, render: (_, r) => <Typography.Text code>{shortOrderNo(r.orderId)}</Typography.Text> },
          { title: t('refunds.amount'), width: 100, align: 'right', render: (_, r) => <span className="num">{formatFen(r.amountFen)}</span> },
          { title: t('refunds.reason'), dataIndex: 'reason', ellipsis: true },
          { title: t('refunds.status'), width: 90, render: (_, r) => <Tag color={COLOR[r.status]}>{t(`refund.status.${r.status}`)}</Tag> },
          { title: t('refunds.attempts'), width: 96, align: 'right', render: (_, r) => r.attempts },
          { title: t('refunds.nextRetry'), width: 150, render: (_, r) => (r.status === 'succeeded' ? '' : formatTime(r.nextAttemptAt, lang)) },
          { title: t('refunds.error'), ellipsis: true, render: (_, r) => <Typography.Text type="danger">{r.lastError ?? ''}</Typography.Text> },
          {
            title: t('common.actions'),
            width: 90,
            render: (_, r) =>
              r.status !== 'succeeded' && (
                <Button size="small" loading={retrying === r.id} onClick={() => void retry(r)} data-testid={`refund-retry-${r.id}`}>{t('refunds.retry')}</Button>
              ),
          },
        ]}
      />
    </>
  );
}
