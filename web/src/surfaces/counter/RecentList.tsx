import { Button, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.js';
import { formatFen } from '../../lib/money.js';
import { formatClock } from '../../lib/time.js';
import type { RecentVerification } from './recent.js';

export function RecentList({ items, onUndo }: { items: RecentVerification[]; onUndo(id: string): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const now = Date.now();
  return (
    <div className="counter-panel" style={{ marginTop: 20 }} data-testid="counter-recent">
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t('counter.recent')}</Typography.Title>
      {items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('counter.recentEmpty')} />}
      {items.slice(0, 8).map((r) => (
        <div className="counter-recent-item" key={r.verificationId}>
          <div>
            <div className="num">{formatClock(r.verifiedAt, lang)} · {r.code}</div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>{r.summary} · {formatFen(r.totalFen)}</Typography.Text>
          </div>
          {r.undone ? (
            <Tag>{t('counter.undoneTag')}</Tag>
          ) : new Date(r.undoUntil).getTime() > now ? (
            <Button size="small" danger onClick={() => onUndo(r.verificationId)}>{t('counter.undo')}</Button>
          ) : (
            <Tag color="green">{t('counter.doneTag')}</Tag>
          )}
        </div>
      ))}
    </div>
  );
}
