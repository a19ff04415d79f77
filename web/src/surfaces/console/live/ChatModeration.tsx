import { useEffect, useRef } from 'react';
import { Button, Card, Dropdown, Empty, Popconfirm, Space, Tag, Typography } from 'antd';
import { CommentOutlined, DeleteOutlined, StopOutlined, AudioMutedOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { liveConsoleApi, type ConsoleRoom } from '../../../api/live.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { testId } from '../../../lib/test-id.js';
import { formatClock } from '../../../lib/time.js';

const MUTE_MINUTES = [10, 60, 24 * 60] as const;

/** The room's chat for the host: take a line down, mute its author for a while, or block them store-wide. */
export function ChatModeration({ showId, room, onChange }: { showId: string; room: ConsoleRoom | undefined; onChange(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const box = useRef<HTMLDivElement>(null);
  const lines = room?.chat ?? [];
  const mutedIds = new Set(room?.muted.map((m) => m.customerId));
  const blockedIds = new Set(room?.blocked);

  useEffect(() => {
    const el = box.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 80) el.scrollTop = el.scrollHeight;
  }, [lines.length]);

  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      notify.success(ok);
      onChange();
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <Card size="small" title={<Space><CommentOutlined />{t('live.console.chat')} <Tag>{lines.filter((l) => !l.removed).length}</Tag></Space>}>
      <div className="lc-chat" ref={box}>
        {lines.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('live.console.noChat')} />}
        {lines.map((l) => (
          <div key={l.messageId} className={`lc-chat-line ${l.removed ? 'lc-removed' : ''}`} data-testid="console-live-chat-line" data-message-id={l.messageId}>
            <Typography.Text type="secondary" className="lc-chat-time">{formatClock(l.at)}</Typography.Text>
            <Typography.Text strong>{l.author}</Typography.Text>
            {mutedIds.has(l.customerId) && <Tag color="orange">{t('live.console.mutedTag')}</Tag>}
            {blockedIds.has(l.customerId) && <Tag color="red">{t('live.console.blockedTag')}</Tag>}
            <span className="lc-chat-text">{l.removed ? t('live.console.removedLine') : l.text}</span>
            {!l.removed && (
              <Space size={2} className="lc-chat-actions">
                <Button size="small" type="text" icon={<DeleteOutlined />} title={t('live.console.remove')} data-testid="console-live-chat-remove"
                  onClick={() => void act(() => liveConsoleApi.removeChat(showId, l.messageId), t('live.console.removed'))} />
                <Dropdown
                  menu={{
                    items: MUTE_MINUTES.map((m) => ({ key: String(m), label: t('live.console.muteFor', { n: m >= 60 ? m / 60 : m, unit: m >= 60 ? t('live.console.hours') : t('live.console.minutes') }) })),
                    onClick: (e) => void act(() => liveConsoleApi.mute(showId, l.customerId, Number(e.key)), t('live.console.mutedOk', { who: l.author })),
                  }}
                >
                  <Button size="small" type="text" icon={<AudioMutedOutlined />} title={t('live.console.mute')} data-testid="console-live-chat-mute" />
                </Dropdown>
                <Popconfirm title={t('live.console.blockConfirm', { who: l.author })} okButtonProps={{ ...testId('console-live-confirm-ok') }}
                  onConfirm={() => act(() => liveConsoleApi.block(showId, l.customerId), t('live.console.blockedOk', { who: l.author }))}>
                  <Button size="small" type="text" danger icon={<StopOutlined />} title={t('live.console.block')} data-testid="console-live-chat-block" />
                </Popconfirm>
              </Space>
            )}
          </div>
        ))}
      </div>
    </Card>
  );
}
