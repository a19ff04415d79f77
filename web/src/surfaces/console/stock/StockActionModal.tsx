import { useState } from 'react';
import { AutoComplete, Descriptions, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { inventoryApi } from '../../../api/inventory.js';
import type { StockRow } from '../../../api/types.js';
import { useActionKey } from '../../../lib/action-key.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { testId } from '../../../lib/test-id.js';

export type StockAction = 'receive' | 'adjust' | 'loss';

interface Values {
  qty?: number;
  text?: string;
}

/** 入库 receive / 盘点 adjust (to a counted quantity) / 报损 loss, each with its own Idempotency-Key. */
export function StockActionModal({ kind, row, onClose, onDone }: { kind: StockAction; row: StockRow; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const values = Form.useWatch([], form) as Values | undefined;
  const key = useActionKey([kind, row.skuId, values?.qty, values?.text]);
  const reasons = (t(`stock.reasons.${kind}`, { returnObjects: true }) as unknown as string[]) ?? [];

  const submit = async (v: Values) => {
    setBusy(true);
    const k = key.get();
    try {
      const qty = v.qty ?? 0;
      const text = v.text?.trim() ?? '';
      if (kind === 'receive') await inventoryApi.receive({ skuId: row.skuId, qty, ...(text ? { note: text } : {}) }, k);
      else if (kind === 'adjust') await inventoryApi.adjust({ skuId: row.skuId, countedQty: qty, reason: text }, k);
      else await inventoryApi.loss({ skuId: row.skuId, qty, reason: text }, k);
      key.settle();
      notify.success(t(`stock.done.${kind}`));
      onDone();
    } catch (e) {
      key.settle(e);
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  const diff = kind === 'adjust' && values?.qty != null ? values.qty - row.onHand : null;
  return (
    <Modal open title={`${t(`stock.${kind}`)} · ${row.productName}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy}
      okButtonProps={{ ...testId('stock-action-ok') }} destroyOnHidden>
      <Descriptions size="small" column={3} style={{ marginBottom: 16 }}
        items={[
          { key: 's', label: t('stock.spec'), children: row.spec },
          { key: 'h', label: t('stock.onHand'), children: row.onHand },
          { key: 'r', label: t('stock.reserved'), children: row.reserved },
        ]} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid={`stock-form-${kind}`}>
        <Form.Item name="qty" label={t(`stock.qtyLabel.${kind}`)} rules={[{ required: true, type: 'number', min: kind === 'adjust' ? 0 : 1 }]}
          extra={diff != null ? t('stock.adjustDiff', { diff: diff > 0 ? `+${diff}` : String(diff) }) : undefined}>
          <InputNumber min={kind === 'adjust' ? 0 : 1} max={1_000_000} precision={0} style={{ width: 200 }} autoFocus data-testid="stock-qty" />
        </Form.Item>
        <Form.Item name="text" label={t(kind === 'receive' ? 'stock.note' : 'stock.reason')} rules={kind === 'receive' ? [] : [{ required: true, whitespace: true }]}>
          {kind === 'receive' ? (
            <Input.TextArea rows={2} maxLength={200} placeholder={t('stock.notePlaceholder')} />
          ) : (
            <AutoComplete options={reasons.map((r) => ({ value: r }))} placeholder={t('stock.reasonPlaceholder')}>
              <Input data-testid="stock-reason" />
            </AutoComplete>
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}
