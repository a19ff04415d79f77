import { useState } from 'react';
import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { liveConsoleApi, type ShowAccess, type ShowView } from '../../../api/live.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { newId } from '../../../lib/ids.js';
import { testId } from '../../../lib/test-id.js';
import { isoOfPicker, pickerOf } from '../groupbuy/wall-time.js';
import { useSkuOptions } from './sku-options.js';

interface Values {
  title: string;
  at: Dayjs;
  coverImageUrl?: string;
  skuIds?: string[];
  access: ShowAccess;
}

/** 预告直播: title, time (store time), cover, featured products, who may watch. */
export function ScheduleShowModal({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(s: ShowView): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const skus = useSkuOptions();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newId);
  const [form] = Form.useForm<Values>();

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const body = {
        title: v.title,
        scheduledAt: isoOfPicker(v.at),
        coverImageUrl: v.coverImageUrl?.trim() || null,
        skuIds: v.skuIds ?? [],
        access: v.access,
      };
      const s = await liveConsoleApi.schedule(body, key);
      setKey(newId());
      form.resetFields();
      onDone(s);
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('live.console.schedule')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okButtonProps={{ ...testId('console-live-show-submit') }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ access: 'public', at: pickerOf(new Date(Date.now() + 3600_000)).minute(0) }}>
        <Form.Item name="title" label={t('live.console.showTitle')} rules={[{ required: true, max: 60 }]}>
          <Input placeholder={t('live.console.showTitlePlaceholder')} data-testid="console-live-show-title" />
        </Form.Item>
        <Form.Item name="at" label={t('live.console.showTime')} rules={[{ required: true }]} extra={t('live.console.storeTime')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="console-live-show-time" />
        </Form.Item>
        <Form.Item name="coverImageUrl" label={t('live.console.cover')} extra={t('live.console.coverHint')}>
          <Input placeholder="https://… / /media/…" />
        </Form.Item>
        <Form.Item name="skuIds" label={t('live.console.featured')}>
          <Select mode="multiple" options={skus.options} loading={skus.loading} showSearch={{ optionFilterProp: 'label' }} placeholder={t('live.console.featuredHint')} />
        </Form.Item>
        <Form.Item name="access" label={t('live.console.access')}>
          <Radio.Group data-testid="console-live-show-access">
            {(['public', 'members', 'invite'] as const).map((a) => <Radio.Button key={a} value={a}>{t(`live.console.accessKind.${a}`)}</Radio.Button>)}
          </Radio.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
