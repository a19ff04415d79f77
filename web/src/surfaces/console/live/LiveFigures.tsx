import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../lib/money.js';
import type { ShowControl } from './use-show-control.js';

/** viewers now / peak / unique, likes, orders, GMV — while the show runs */
export function LiveFigures({ c }: { c: ShowControl }) {
  const { t } = useTranslation();
  const items = [
    { id: 'viewers', title: t('live.console.viewersNow'), value: c.viewers ?? '—' },
    { id: 'peak', title: t('live.console.peak'), value: c.room?.peakViewers ?? '—' },
    { id: 'unique', title: t('live.console.unique'), value: c.room?.uniqueViewers ?? '—' },
    { id: 'likes', title: t('live.console.likes'), value: c.likes ?? '—' },
    { id: 'orders', title: t('live.console.orders'), value: c.sales?.orders ?? '—' },
    { id: 'gmv', title: t('live.console.gmv'), value: c.sales ? formatFen(c.sales.gmvFen) : '—' },
  ];
  return (
    <Card size="small">
      <Row gutter={16}>
        {items.map((i) => (
          <Col key={i.id} xs={8} md={4}>
            <Statistic title={i.title} value={i.value} valueRender={(n) => <span data-testid={`console-live-${i.id}`}>{n}</span>} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
