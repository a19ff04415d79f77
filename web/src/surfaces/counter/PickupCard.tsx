import { Alert, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PickupLookup } from '../../api/types.js';
import { useLang } from '../../i18n/index.js';
import { formatFen } from '../../lib/money.js';
import { STATUS_COLOR } from '../../lib/orders.js';
import { maskName, maskPhone } from '../../../../server/kernel/privacy.js';
import { formatTime } from '../../lib/time.js';
import { OrderLines } from './OrderLines.js';

export function PickupCard({ lookup, busy, onVerify, onUndo, onCancel }: { lookup: PickupLookup; busy: boolean; onVerify(): void; onUndo(id: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const o = lookup.order;
  // the tablet faces the queue: 张* · 138****1234 is enough to match the person at the counter
  const c = lookup.customer;
  const who = c ? `${c.name.trim() ? maskName(c.name) : t('counter.neighbour')} · ${maskPhone(c.phone)}` : null;
  const undoable = lookup.lastVerification && !lookup.lastVerification.undoneAt && new Date(lookup.lastVerification.undoUntil) > new Date();
  return (
    <div className="counter-panel" data-testid="counter-order">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{who ?? t('counter.neighbour')}</Typography.Title>
        <Tag color={STATUS_COLOR[o.status]} style={{ fontSize: 16, padding: '4px 10px' }} data-testid="counter-order-status">{t(`order.status.${o.status}`)}</Tag>
      </Space>
      <Descriptions column={2} size="small" style={{ marginTop: 12 }}
        items={[
          { key: 'p', label: t('orders.payment'), children: <b>{t(`order.payment.${o.paymentMethod}`)}</b> },
          { key: 't', label: t('orders.total'), children: <b className="num">{formatFen(o.totalFen)}</b> },
          { key: 'c', label: t('orders.createdAt'), children: formatTime(o.createdAt, lang) },
          ...(o.note ? [{ key: 'n', label: t('orders.note'), children: o.note }] : []),
        ]} />
      <OrderLines order={o} />
      {lookup.dueFen > 0 && (
        <div className="counter-due" data-testid="counter-due">
          <span style={{ fontSize: 18 }}>{t('counter.collect')}</span>
          <span className="counter-due-amount">{formatFen(lookup.dueFen)}</span>
        </div>
      )}
      {lookup.canVerify ? (
        <Button type="primary" block className="counter-big-btn" loading={busy} onClick={onVerify} data-testid="counter-verify">
          {lookup.dueFen > 0 ? t('counter.verifyCollect', { amount: formatFen(lookup.dueFen) }) : t('counter.verify')}
        </Button>
      ) : (
        <Alert type="warning" showIcon style={{ marginTop: 16, fontSize: 16 }} title={t(`counter.cannot.${o.status}`, { defaultValue: t('counter.cannot.other') })}
          action={undoable ? <Button danger onClick={() => onUndo(lookup.lastVerification!.id)}>{t('counter.undo')}</Button> : undefined} />
      )}
      <Button block size="large" type="text" style={{ marginTop: 12 }} onClick={onCancel}>{t('common.cancel')}</Button>
    </div>
  );
}
