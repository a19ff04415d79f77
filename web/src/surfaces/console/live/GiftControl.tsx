import { useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Row, Space, Tag, Typography } from 'antd';
import { GiftOutlined, TrophyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { liveConsoleApi, type ConsoleRoom } from '../../../api/live.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { newId } from '../../../lib/ids.js';
import { formatClock } from '../../../lib/time.js';

const GIVEAWAY_COLOR = { open: 'gold', drawn: 'green', cancelled: 'default' } as const;

/** 明天到店有惊喜 (vouchers for the viewers present) and 福袋 (a giveaway drawn among those still watching). */
export function GiftControl({ showId, room, onChange }: { showId: string; room: ConsoleRoom | undefined; onChange(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const [dropKey, setDropKey] = useState(newId);
  const [giveKey, setGiveKey] = useState(newId);

  const run = async (what: string, fn: () => Promise<unknown>, ok: string, after?: () => void) => {
    setBusy(what);
    try {
      await fn();
      after?.();
      notify.success(ok);
      onChange();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={<Space><GiftOutlined />{t('live.console.vouchers')}</Space>} style={{ height: '100%' }}>
          <Typography.Paragraph type="secondary">{t('live.console.vouchersHint')}</Typography.Paragraph>
          <Form layout="inline" className="lc-inline-form" initialValues={{ title: t('live.console.voucherDefault'), count: 20, validDays: 3 }}
            onFinish={(v: { title: string; count: number; validDays: number }) =>
              run('drop', () => liveConsoleApi.dropVouchers(showId, v, dropKey), t('live.console.dropped', { n: v.count }), () => setDropKey(newId()))}>
            <Form.Item name="title" rules={[{ required: true, max: 60 }]} style={{ flex: 1, minWidth: 160 }}>
              <Input placeholder={t('live.console.voucherTitle')} data-testid="console-live-voucher-title" />
            </Form.Item>
            <Form.Item name="count" label={t('live.console.voucherCount')} rules={[{ required: true }]}>
              <InputNumber min={1} max={10000} style={{ width: 80 }} data-testid="console-live-voucher-count" />
            </Form.Item>
            <Form.Item name="validDays" label={t('live.console.voucherDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={90} style={{ width: 64 }} data-testid="console-live-voucher-days" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy === 'drop'} data-testid="console-live-voucher-drop">{t('live.console.drop')}</Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={<Space><TrophyOutlined />{t('live.console.giveaway')}</Space>} style={{ height: '100%' }}>
          <Form layout="inline" className="lc-inline-form" initialValues={{ durationSec: 60 }}
            onFinish={(v: { prize: string; durationSec: number }) =>
              run('give', () => liveConsoleApi.openGiveaway(showId, v, giveKey), t('live.console.giveawayOpened'), () => setGiveKey(newId()))}>
            <Form.Item name="prize" rules={[{ required: true, max: 60 }]} style={{ flex: 1 }}>
              <Input placeholder={t('live.console.prizePlaceholder')} data-testid="console-live-giveaway-prize" />
            </Form.Item>
            <Form.Item name="durationSec" label={t('live.console.seconds')}>
              <InputNumber min={10} max={3600} style={{ width: 80 }} data-testid="console-live-giveaway-duration" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy === 'give'} data-testid="console-live-giveaway-open">{t('live.console.giveawayOpen')}</Button>
          </Form>
          <div className="lc-giveaways">
            {(room?.giveaways.length ?? 0) === 0 && <Typography.Text type="secondary">{t('live.console.noGiveaways')}</Typography.Text>}
            {[...(room?.giveaways ?? [])].reverse().map((g) => (
              <div key={g.id} className="lc-giveaway" data-testid="console-live-giveaway-row">
                <Space wrap>
                  <Tag color={GIVEAWAY_COLOR[g.status]}>{t(`live.console.giveawayState.${g.status}`)}</Tag>
                  <Typography.Text strong>{g.prize}</Typography.Text>
                  <Typography.Text type="secondary">{t('live.console.entrants', { n: g.entrants })} · {formatClock(g.endsAt)}</Typography.Text>
                  {g.status === 'drawn' && (
                    <Typography.Text data-testid="console-live-giveaway-winner">
                      {g.winner ? t('live.room.winner', { who: g.winner }) : t('live.room.noWinner')}
                      {g.eligible != null && ` (${t('live.console.eligible', { n: g.eligible })})`}
                    </Typography.Text>
                  )}
                </Space>
                {g.status === 'open' && (
                  <Button size="small" type="primary" loading={busy === g.id} data-testid="console-live-giveaway-draw"
                    onClick={() => void run(g.id, () => liveConsoleApi.draw(g.id), t('live.console.drawn'))}>{t('live.console.draw')}</Button>
                )}
              </div>
            ))}
          </div>
        </Card>
      </Col>
    </Row>
  );
}
