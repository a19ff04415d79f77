import { useState } from 'react';
import { Button, Card, Space, Table, Tag } from 'antd';
import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { liveConsoleApi, type ShowView } from '../../../api/live.js';
import { useLang } from '../../../i18n/index.js';
import { formatTime } from '../../../lib/time.js';
import { useApi } from '../../../lib/use-api.js';
import { ScheduleShowModal } from './ScheduleShowModal.js';

export const SHOW_COLOR = { scheduled: 'blue', live: 'red', ended: 'default' } as const;

/** 直播场次: upcoming, live and past shows; open one to run it. */
export function ShowsCard() {
  const { t } = useTranslation();
  const lang = useLang();
  const nav = useNavigate();
  const shows = useApi(() => liveConsoleApi.shows(), []);
  const [scheduling, setScheduling] = useState(false);
  const order = { live: 0, scheduled: 1, ended: 2 } as const;
  const rows = [...(shows.data ?? [])].sort((a, b) => order[a.status] - order[b.status] || (b.startedAt ?? b.scheduledAt ?? '').localeCompare(a.startedAt ?? a.scheduledAt ?? ''));

  return (
    <Card
      title={<Space><CalendarOutlined />{t('live.console.shows')}</Space>}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setScheduling(true)} data-testid="console-live-show-schedule">{t('live.console.schedule')}</Button>}
    >
      <Table<ShowView>
        rowKey="id"
        size="small"
        loading={shows.loading}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        onRow={(s) => ({ 'data-testid': 'console-live-show-row', 'data-show-id': s.id, 'data-status': s.status }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: shows.error?.message ?? t('live.console.noShows') }}
        columns={[
          { title: t('live.console.showTitle'), dataIndex: 'title' },
          { title: t('live.console.showStatus'), render: (_, s) => <Tag color={SHOW_COLOR[s.status]}>{t(`live.room.status.${s.status}`)}</Tag> },
          { title: t('live.console.showTime'), render: (_, s) => formatTime(s.startedAt ?? s.scheduledAt, lang) },
          { title: t('live.console.endedAt'), render: (_, s) => formatTime(s.endedAt, lang) },
          {
            title: t('common.actions'),
            render: (_, s) => (
              <Button size="small" type={s.status === 'live' ? 'primary' : 'default'} onClick={() => nav(`/console/live/shows/${s.id}`)} data-testid="console-live-show-open">
                {s.status === 'ended' ? t('live.console.viewStats') : t('live.console.control')}
              </Button>
            ),
          },
        ]}
      />
      <ScheduleShowModal open={scheduling} onClose={() => setScheduling(false)} onDone={() => { setScheduling(false); void shows.reload(); }} />
    </Card>
  );
}
