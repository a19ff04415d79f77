import { useState } from 'react';
import { Alert, AutoComplete, Checkbox, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ordersApi } from '../../../api/orders.js';
import type { OrderView } from '../../../api/types.js';
import { useActionKey } from '../../../lib/action-key.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { fenToYuan, formatFen, yuanToFen } from '../../../lib/money.js';
import { refundableFen } from '../../../lib/orders.js';
import { testId } from '../../../lib/test-id.js';

interface Values {
  amountYuan: number;
  reason: string;
  /** lineId → units handed back (only the ticked lines) */
  lines?: Record<string, number | undefined>;
  picked?: string[];
}

/** 退款: a partial or full refund; ticking lines fills in their amount and releases their stock. */
export function RefundModal({ order, onClose, onDone }: { order: OrderView; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const max = refundableFen(order);
  const values = Form.useWatch([], form) as Values | undefined;
  const key = useActionKey([order.id, values]);
  const reasons = t('orders.refundReasons', { returnObjects: true }) as unknown as string[];

  const recompute = () => {
    const v = form.getFieldsValue();
    const picked = new Set(v.picked ?? []);
    const fen = order.lines.filter((l) => picked.has(l.id)).reduce((sum, l) => sum + l.unitPriceFen * (v.lines?.[l.id] ?? 0), 0);
    if (picked.size) form.setFieldValue('amountYuan', fenToYuan(Math.min(fen, max)));
  };

  const submit = async (v: Values) => {
    const amountFen = yuanToFen(v.amountYuan);
    if (!amountFen || amountFen > max) return notify.error(new Error(t('orders.refundTooMuch', { max: formatFen(max) })));
    const lines = (v.picked ?? []).map((lineId) => ({ lineId, qty: v.lines?.[lineId] ?? 0 })).filter((l) => l.qty > 0);
    setBusy(true);
    const k = key.get();
    try {
      const r = await ordersApi.refund(order.id, { amountFen, reason: v.reason.trim(), ...(lines.length ? { lines } : {}) }, k);
      key.settle();
      if (r.status === 'failed') notify.error(new Error(t('orders.refundQueued')));
      else notify.success(r.status === 'pending' ? t('orders.refundPending') : t('orders.refundDone', { amount: formatFen(amountFen) }));
      onDone();
    } catch (e) {
      key.settle(e);
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('orders.refundTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={t('orders.refundConfirm')}
      okButtonProps={{ danger: true, ...testId('refund-ok') }} destroyOnHidden width={560}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('orders.refundable', { amount: formatFen(max), paid: formatFen(order.paidFen) })} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ amountYuan: fenToYuan(max), lines: Object.fromEntries(order.lines.map((l) => [l.id, l.qty - l.refundedQty])) }}
        onValuesChange={(c: Partial<Values>) => (c.picked || c.lines) && recompute()} data-testid="refund-form">
        <Form.Item name="picked" label={t('orders.refundLines')} extra={t('orders.refundLinesHint')}>
          <Checkbox.Group style={{ width: '100%' }}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {order.lines.map((l) => (
                <Space key={l.id} style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Checkbox value={l.id} disabled={l.qty - l.refundedQty <= 0}>
                    {l.productName} · {l.spec} <Typography.Text type="secondary">{formatFen(l.unitPriceFen)} × {l.qty}</Typography.Text>
                  </Checkbox>
                  <Form.Item name={['lines', l.id]} noStyle>
                    <InputNumber size="small" min={1} max={Math.max(1, l.qty - l.refundedQty)} precision={0} style={{ width: 80 }} />
                  </Form.Item>
                </Space>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="amountYuan" label={t('orders.refundAmount')} rules={[{ required: true, type: 'number', min: 0.01, max: fenToYuan(max) }]}>
          <InputNumber prefix="¥" precision={2} min={0.01} max={fenToYuan(max)} style={{ width: 200 }} data-testid="refund-amount" />
        </Form.Item>
        <Form.Item name="reason" label={t('orders.reason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <AutoComplete options={(Array.isArray(reasons) ? reasons : []).map((r) => ({ value: r }))}>
            <Input placeholder={t('orders.reasonPlaceholder')} data-testid="refund-reason" />
          </AutoComplete>
        </Form.Item>
      </Form>
    </Modal>
  );
}
