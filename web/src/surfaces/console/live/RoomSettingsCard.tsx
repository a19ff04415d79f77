import { useEffect, useState } from 'react';
import { Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { SettingOutlined, ShareAltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { liveConsoleApi, type RoomSettings, type ShowAccess } from '../../../api/live.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { useSkuOptions } from './sku-options.js';

interface Values {
  access: ShowAccess;
  coverImageUrl: string;
  skuIds: string[];
}

/** Who may watch (public / members / invite link), the cover, the featured products, and the share link. */
export function RoomSettingsCard({ showId, settings, onChange }: { showId: string; settings: RoomSettings | undefined; onChange(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const skus = useSkuOptions();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const loaded = settings !== undefined;
  useEffect(() => {
    if (settings) form.setFieldsValue({ access: settings.access, coverImageUrl: settings.coverImageUrl ?? '', skuIds: settings.skuIds });
    // only when it first arrives: the host may be typing
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  const save = async (body: Parameters<typeof liveConsoleApi.roomSettings>[1]) => {
    setBusy(true);
    try {
      const s = await liveConsoleApi.roomSettings(showId, body);
      form.setFieldsValue({ access: s.access, coverImageUrl: s.coverImageUrl ?? '', skuIds: s.skuIds });
      notify.success(t('common.saved'));
      onChange();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };
  const link = settings ? `${location.origin}${settings.sharePath}` : '';

  return (
    <Card size="small" title={<Space><SettingOutlined />{t('live.console.roomSettings')}</Space>}>
      <Typography.Text type="secondary"><ShareAltOutlined /> {t('live.console.shareLink')}</Typography.Text>
      <Typography.Paragraph copyable={link ? { text: link } : false} data-testid="console-live-share-link" style={{ wordBreak: 'break-all' }}>
        {link ? <a href={link} target="_blank" rel="noreferrer">{link}</a> : '—'}
      </Typography.Paragraph>
      {settings && (
        <Typography.Paragraph>
          <a href={`/api/console/live/shows/${settings.showId}/poster.png`} target="_blank" rel="noreferrer" data-testid="console-live-poster">
            {t('live.console.poster')}
          </a>
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void save({ access: v.access, coverImageUrl: v.coverImageUrl.trim() || null, skuIds: v.skuIds })}>
        <Form.Item name="access" label={t('live.console.access')}>
          <Radio.Group>
            {(['public', 'members', 'invite'] as const).map((a) => <Radio.Button key={a} value={a}>{t(`live.console.accessKind.${a}`)}</Radio.Button>)}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="coverImageUrl" label={t('live.console.cover')}><Input placeholder="https://… / /media/…" /></Form.Item>
        <Form.Item name="skuIds" label={t('live.console.featured')}>
          <Select mode="multiple" options={skus.options} loading={skus.loading} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="console-live-settings-save">{t('common.save')}</Button>
          {settings?.access === 'invite' && <Button onClick={() => void save({ rotateInvite: true })}>{t('live.console.rotateInvite')}</Button>}
        </Space>
      </Form>
    </Card>
  );
}
