import type { HTMLAttributes } from 'react';
import { Button, Space, Table, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { groupbuyApi } from '../../../api/groupbuy.js';
import type { CampaignView } from '../../../api/types.js';
import { useLang } from '../../../i18n/index.js';
import { formatTime } from '../../../lib/time.js';
import { useApi } from '../../../lib/use-api.js';
import { PageHeader } from '../PageHeader.js';
import { ProgressCell, StatusTag, editable, soldOf } from './campaign-meta.js';
import { Countdown } from './Countdown.js';

/** 团购: every campaign of the store with its status, countdown, 成团 progress and sales. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const nav = useNavigate();
  const list = useApi((s) => groupbuyApi.campaigns(s), []);

  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        sub={t('campaigns.sub')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>{t('common.refresh')}</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => nav('/console/campaigns/new')} data-testid="campaign-new">{t('campaigns.new')}</Button>
          </Space>
        }
      />
      <Table<CampaignView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: list.error ? list.error.message : t('campaigns.empty') }}
        onRow={(c, i) => ({ 'data-testid': `campaign-row-${i}`, 'data-campaign-id': c.id }) as HTMLAttributes<HTMLElement>}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('campaigns.name'),
            render: (_, c) => (
              <Link to={`/console/campaigns/${c.id}`} data-testid={`campaign-open-${c.id}`}>
                <Typography.Text strong>{c.title}</Typography.Text>
              </Link>
            ),
          },
          { title: t('campaigns.statusLabel'), width: 100, render: (_, c) => <StatusTag status={c.status} testId={`campaign-status-${c.id}`} /> },
          {
            title: t('campaigns.cutoff'),
            width: 200,
            render: (_, c) => (
              <>
                <div className="num">{formatTime(c.cutoffAt, lang)}</div>
                <Countdown openAt={c.openAt} cutoffAt={c.cutoffAt} status={c.status} />
              </>
            ),
          },
          { title: t('campaigns.progress'), width: 190, render: (_, c) => <ProgressCell c={c} testId={`campaign-progress-${c.id}`} /> },
          {
            title: t('campaigns.soldCap'),
            width: 110,
            align: 'right',
            render: (_, c) => {
              const s = soldOf(c);
              return <span className="num" data-testid={`campaign-sold-${c.id}`}>{s.sold} / {s.cap ?? t('campaigns.noCap')}</span>;
            },
          },
          { title: t('campaigns.pickupDate'), width: 110, render: (_, c) => <span className="num">{c.pickupDate}</span> },
          {
            title: t('common.actions'),
            width: 130,
            render: (_, c) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => nav(`/console/campaigns/${c.id}`)}>{t('common.detail')}</Button>
                {editable(c) && <Button type="link" size="small" onClick={() => nav(`/console/campaigns/${c.id}/edit`)}>{t('common.edit')}</Button>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
