import { Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { paymentsApi } from '../../../api/payments.js';
import type { RefundView } from '../../../api/types.js';
import { useLang } from '../../../i18n/index.js';
import { formatFen } from '../../../lib/money.js';
import { formatTime } from '../../../lib/time.js';
import { useApi } from '../../../lib/use-api.js';

export const REFUND_COLOR: Record<string, string> = { succeeded: 'green', failed: 'red', pending: 'orange' };

/** The refunds of one order, from the store's refund list (the order view does not carry them). */
export function OrderRefunds({ orderId, version }: { orderId: string; version: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const refunds = useApi(async (s) => (await paymentsApi.refunds(undefined, s)).filter((r) => r.orderId === orderId), [orderId, version]);
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('orders.refunds')}</Typography.Title>
      {refunds.data?.length ? (
        <Table<RefundView> size="small" rowKey="id" pagination={false} dataSource={refunds.data} data-testid="order-refunds"
          columns={[
            { title: t('common.time'), render: (_, r) => formatTime(r.createdAt, lang) },
            { title: t('orders.amount'), align: 'right', render: (_, r) => <span className="num">{formatFen(r.amountFen)}</span> },
            { title: t('orders.reason'), dataIndex: 'reason' },
            { title: t('orders.status'), render: (_, r) => <Tag color={REFUND_COLOR[r.status]}>{t(`refund.status.${r.status}`)}</Tag> },
          ]} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={refunds.error?.message ?? t('common.none')} />
      )}
    </>
  );
}
