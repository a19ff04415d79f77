import { Button, Card, Col, Descriptions, Row, Statistic, Table } from 'antd';
import { BarChartOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { liveConsoleApi, type ShowStats } from '../../../api/live.js';
import { formatFen } from '../../../lib/money.js';
import { formatTime } from '../../../lib/time.js';
import { useApi } from '../../../lib/use-api.js';

type Product = ShowStats['sales']['products'][number];

/** After the show: audience (unique, peak, watch time), orders and GMV per product, vouchers redeemed at the store since. */
export function ShowStatsCard({ showId, version }: { showId: string; version: string }) {
  const { t } = useTranslation();
  // `version` changes when the live figures did (a sale, the show ended): refetch
  const stats = useApi(() => liveConsoleApi.stats(showId), [showId, version]);
  const s = stats.data;
  return (
    <Card size="small" title={<><BarChartOutlined /> {t('live.console.stats')}</>} loading={stats.loading && !s} data-testid="console-live-stats"
      extra={<Button size="small" icon={<ReloadOutlined />} onClick={() => void stats.reload()}>{t('common.refresh')}</Button>}>
      {stats.error && !s && <span>{stats.error.message}</span>}
      {s && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}><Statistic title={t('live.console.unique')} value={s.uniqueViewers} /></Col>
            <Col xs={12} md={6}><Statistic title={t('live.console.peak')} value={s.peakViewers} /></Col>
            <Col xs={12} md={6}><Statistic title={t('live.console.watchMinutes')} value={s.watchMinutes} precision={0} /></Col>
            <Col xs={12} md={6}><Statistic title={t('live.console.avgWatch')} value={s.avgWatchMinutes} precision={1} /></Col>
            <Col xs={12} md={6}><Statistic title={t('live.console.orders')} value={s.sales.orders} /></Col>
            <Col xs={12} md={6}><Statistic title={t('live.console.gmv')} value={formatFen(s.sales.gmvFen)} /></Col>
            <Col xs={12} md={6}><Statistic title={t('live.console.likes')} value={s.likes} /></Col>
            <Col xs={12} md={6}><Statistic title={t('live.console.chatMessages')} value={s.chatMessages} /></Col>
          </Row>
          <Descriptions size="small" style={{ marginTop: 16 }} column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('live.console.startedAt')}>{formatTime(s.startedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('live.console.endedAt')}>{formatTime(s.endedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('live.console.duration')}>{t('live.console.minutesN', { n: Math.round(s.durationMinutes) })}</Descriptions.Item>
            <Descriptions.Item label={t('live.console.reminders')}>{s.reminders}</Descriptions.Item>
            <Descriptions.Item label={t('live.console.vouchers')}>
              {t('live.console.voucherFunnel', { dropped: s.sales.vouchers.dropped, claimed: s.sales.vouchers.claimed, redeemed: s.sales.vouchers.redeemed })}
            </Descriptions.Item>
          </Descriptions>
          <Table<Product>
            size="small"
            rowKey="skuId"
            pagination={false}
            dataSource={s.sales.products}
            locale={{ emptyText: t('live.console.noSales') }}
            columns={[
              { title: t('live.console.product'), dataIndex: 'title' },
              { title: t('live.console.qty'), dataIndex: 'qty', align: 'right' },
              { title: t('live.console.gmv'), align: 'right', render: (_, p) => formatFen(p.gmvFen) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
