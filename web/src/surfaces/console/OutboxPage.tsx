import { Button, Space, Switch, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notificationsApi, type OutboxItem } from '../../api/notifications.js';
import { useLang } from '../../i18n/index.js';
import { formatTime } from '../../lib/time.js';
import { useApi } from '../../lib/use-api.js';
import { PageHeader } from './PageHeader.js';

const STATUS_COLOR: Record<string, string> = { queued: 'orange', sent: 'green', failed: 'red' };
const PAGE_SIZE = 50;

/** the login code inside an OTP message (hidden by the server when a real SMS provider is set) */
function otpOf(m: OutboxItem): string | null {
  return m.template === 'otp' ? (/\b(\d{6})\b/.exec(m.body)?.[1] ?? null) : null;
}

/** 消息: what the notification adapter sent — with the dev adapter, this is where OTP codes show. */
export function OutboxPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [auto, setAuto] = useState(true);
  const [page, setPage] = useState(1);
  const list = useApi((s) => notificationsApi.outbox({ page, pageSize: PAGE_SIZE }, s), [page]);
  const { reload } = list;
  useEffect(() => {
    if (!auto) return;
    const id = setInterval(() => void reload(), 4000);
    return () => clearInterval(id);
  }, [auto, reload]);

  return (
    <>
      <PageHeader
        title={t('outbox.title')}
        sub={t('outbox.sub')}
        extra={
          <Space>
            <Switch checked={auto} onChange={setAuto} checkedChildren={t('outbox.auto')} unCheckedChildren={t('outbox.auto')} />
            <Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>{t('common.refresh')}</Button>
          </Space>
        }
      />
      <Table<OutboxItem>
        rowKey="id"
        loading={list.loading && !list.data}
        dataSource={list.data?.items ?? []}
        locale={list.error ? { emptyText: list.error.message } : undefined}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('common.time'), width: 150, render: (_, m) => <span className="num">{formatTime(m.createdAt, lang)}</span> },
          { title: t('outbox.to'), width: 130, render: (_, m) => <span className="num" data-testid="outbox-to">{m.phone}</span> },
          { title: t('outbox.template'), width: 110, render: (_, m) => <Tag bordered={false}>{t(`outbox.templates.${m.template}`, { defaultValue: m.template })}</Tag> },
          {
            title: t('outbox.content'),
            render: (_, m) => {
              const code = otpOf(m);
              return (
                <Space direction="vertical" size={0}>
                  {code && <span className="otp-code" data-testid="outbox-otp" data-phone={m.phone}>{code}</span>}
                  <Typography.Text type={code ? 'secondary' : undefined}>{m.body}</Typography.Text>
                </Space>
              );
            },
          },
          {
            title: t('outbox.status'),
            width: 100,
            render: (_, m) => (
              <Tag color={STATUS_COLOR[m.status]} title={m.lastError ?? undefined}>{t(`outbox.statuses.${m.status}`, { defaultValue: m.status })}</Tag>
            ),
          },
        ]}
      />
    </>
  );
}
