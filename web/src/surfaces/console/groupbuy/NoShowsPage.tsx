import { useState, type HTMLAttributes } from 'react';
import { Button, InputNumber, Segmented, Space, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { groupbuyApi } from '../../../api/groupbuy.js';
import type { NoShowStep, NoShowView } from '../../../api/types.js';
import { useLang } from '../../../i18n/index.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { formatFen } from '../../../lib/money.js';
import { shortOrderNo } from '../../../lib/orders.js';
import { formatTime } from '../../../lib/time.js';
import { useApi } from '../../../lib/use-api.js';
import { PageHeader } from '../PageHeader.js';

const STEP_COLOR: Record<NoShowStep, string> = { waiting: 'orange', reminded: 'blue', closed: 'default' };

/** 未取货: group-buy orders past their pickup date, where they are on the ladder reminder → grace → refund / store credit. */
export function NoShowsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [step, setStep] = useState<NoShowStep | 'all'>('all');
  const list = useApi((s) => groupbuyApi.noShows({ step: step === 'all' ? undefined : step }, s), [step]);

  return (
    <>
      <PageHeader title={t('noShows.title')} sub={t('noShows.sub')}
        extra={<Space><GraceDays /><Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>{t('common.refresh')}</Button></Space>} />
      <div className="toolbar">
        <Segmented<NoShowStep | 'all'> value={step} onChange={setStep} data-testid="noshow-filter"
          options={(['all', 'waiting', 'reminded', 'closed'] as const).map((s) => ({ value: s, label: t(`noShows.filter.${s}`) }))} />
      </div>
      <Table<NoShowView>
        rowKey="orderId"
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: list.error ? list.error.message : t('noShows.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(x, i) => ({ 'data-testid': `noshow-row-${i}`, 'data-order-id': x.orderId }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('noShows.order'),
            width: 150,
            render: (_, x) => (
              <>
                <Typography.Text code>{shortOrderNo(x.orderId)}</Typography.Text>
                <div style={{ fontSize: 12, color: '#8c8c8c' }}>{t('noShows.code', { code: x.pickupCode })}</div>
              </>
            ),
          },
          { title: t('noShows.campaign'), ellipsis: true, render: (_, x) => <>{x.campaignTitle}<div className="num" style={{ fontSize: 12, color: '#8c8c8c' }}>{t('noShows.pickupOn', { date: x.pickupDate })}</div></> },
          { title: t('noShows.customer'), width: 130, render: (_, x) => (x.customer ? <>{x.customer.name || t('orders.neighbour')}<div className="num" style={{ fontSize: 12 }}>{x.customer.phone}</div></> : '—') },
          { title: t('noShows.amount'), width: 90, align: 'right', render: (_, x) => <span className="num">{formatFen(x.totalFen)}</span> },
          {
            title: t('noShows.step'),
            width: 250,
            render: (_, x) => (
              <div data-testid={`noshow-step-${x.orderId}`} data-step={x.step}>
                <Tag color={STEP_COLOR[x.step]}>{t(`noShows.steps.${x.step}`)}</Tag>
                <div className="num" style={{ fontSize: 12, color: '#8c8c8c', marginTop: 4 }}>
                  {t(x.remindedAt ? 'noShows.remindedAt' : 'noShows.remindAt', { time: formatTime(x.remindedAt ?? x.remindAt, lang) })}
                  <br />
                  {t(x.closedAt ? 'noShows.closedAt' : 'noShows.closeAt', { time: formatTime(x.closedAt ?? x.closeAt, lang) })}
                </div>
              </div>
            ),
          },
          {
            title: t('noShows.outcome'),
            width: 150,
            render: (_, x) =>
              x.outcome ? (
                <>
                  <Tag color={x.outcome === 'picked_up' ? 'green' : 'orange'}>{t(`noShows.outcomes.${x.outcome}`)}</Tag>
                  {x.refundFen > 0 && <div className="num" style={{ fontSize: 12 }}>{t('noShows.refunded', { amount: formatFen(x.refundFen) })}</div>}
                  {x.creditFen > 0 && <div className="num" style={{ fontSize: 12 }}>{t('noShows.credited', { amount: formatFen(x.creditFen) })}</div>}
                </>
              ) : (
                <Typography.Text type="secondary">{t('noShows.pending')}</Typography.Text>
              ),
          },
        ]}
      />
    </>
  );
}

/** 宽限天数: days after the pickup date before a no-show is closed */
function GraceDays() {
  const { t } = useTranslation();
  const notify = useNotify();
  const s = useApi(() => groupbuyApi.settings(), []);
  const [days, setDays] = useState<number | null>(null);
  const value = days ?? s.data?.noShowGraceDays ?? null;
  if (s.error) return null;
  return (
    <Space.Compact>
      <InputNumber min={0} max={30} precision={0} value={value} onChange={setDays} prefix={t('noShows.grace')} suffix={t('noShows.days')} style={{ width: 170 }}
        data-testid="noshow-grace-days" />
      <Button disabled={days == null || days === s.data?.noShowGraceDays} data-testid="noshow-grace-save"
        onClick={async () => {
          try {
            s.setData(await groupbuyApi.saveSettings({ noShowGraceDays: days ?? 0 }));
            setDays(null);
            notify.success(t('common.saved'));
          } catch (e) {
            notify.error(e);
          }
        }}>
        {t('common.save')}
      </Button>
    </Space.Compact>
  );
}
