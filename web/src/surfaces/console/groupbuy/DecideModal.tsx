import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { afterSalesApi, type StaffTicketView } from '../../../api/aftersales.js';
import { useActionKey } from '../../../lib/action-key.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { fenToYuan, formatFen, yuanToFen } from '../../../lib/money.js';
import { testId } from '../../../lib/test-id.js';

interface Values {
  amountYuan?: number;
  note?: string;
}

/** 同意退款 (an amount in 元, at most what is still refundable) or 拒绝 (a note the neighbour sees). */
export function DecideModal({ ticket, kind, onClose, onDone }: { ticket: StaffTicketView; kind: 'approve' | 'reject'; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const max = ticket.order.refundableFen;
  const values = Form.useWatch([], form) as Values | undefined;
  const key = useActionKey([ticket.id, values]);
  const suggested = Math.min(max, ticket.requestedFen ?? max);

  const submit = async (v: Values) => {
    setBusy(true);
    const k = key.get();
    try {
      if (kind === 'approve') {
        const refundFen = yuanToFen(v.amountYuan ?? null);
        if (!refundFen || refundFen > max) throw new Error(t('afterSales.tooMuch', { max: formatFen(max) }));
        await afterSalesApi.approve(ticket.id, { refundFen, note: (v.note ?? '').trim() }, k);
        notify.success(t('afterSales.approved', { amount: formatFen(refundFen) }));
      } else {
        await afterSalesApi.reject(ticket.id, { note: (v.note ?? '').trim() });
        notify.success(t('afterSales.rejected'));
      }
      key.settle();
      onDone();
    } catch (e) {
      key.settle(e);
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open destroyOnHidden title={t(`afterSales.${kind}Title`)} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy}
      okText={t(`afterSales.${kind}`)} cancelText={t('common.cancel')} okButtonProps={{ danger: kind === 'reject', ...testId(`aftersales-${kind}-ok`) }}>
      {kind === 'approve' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }}
          title={t('afterSales.refundable', { amount: formatFen(max), paid: formatFen(ticket.order.paidFen) })} />
      )}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ amountYuan: fenToYuan(suggested), note: '' }}>
        {kind === 'approve' && (
          <Form.Item name="amountYuan" label={t('afterSales.refundAmount')}
            rules={[{ required: true, type: 'number', min: 0.01, max: fenToYuan(max), message: t('afterSales.tooMuch', { max: formatFen(max) }) }]}>
            <InputNumber prefix="¥" precision={2} min={0.01} max={fenToYuan(max)} style={{ width: 200 }} data-testid="aftersales-refund-amount" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t(kind === 'approve' ? 'afterSales.noteOptional' : 'afterSales.noteRequired')}
          rules={kind === 'reject' ? [{ required: true, whitespace: true, max: 200 }] : [{ max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} placeholder={t('afterSales.notePlaceholder')} data-testid={`aftersales-${kind}-note`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
