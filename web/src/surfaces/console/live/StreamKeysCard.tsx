import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { liveConsoleApi, type StreamKeySecret, type StreamKeyView } from '../../../api/live.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { testId } from '../../../lib/test-id.js';
import { formatTime } from '../../../lib/time.js';
import { useApi } from '../../../lib/use-api.js';

/** 推流密钥: create, rotate, revoke; the key itself is shown once (OBS server + key, or one URL for phone apps). */
export function StreamKeysCard() {
  const { t } = useTranslation();
  const notify = useNotify();
  const keys = useApi(() => liveConsoleApi.keys(), []);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<StreamKeySecret | null>(null);
  const [form] = Form.useForm<{ label: string }>();

  const run = async (fn: () => Promise<StreamKeySecret | StreamKeyView>) => {
    setBusy(true);
    try {
      const r = await fn();
      if ('streamKey' in r) setSecret(r);
      setCreating(false);
      form.resetFields();
      await keys.reload();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={<Space><KeyOutlined />{t('live.console.keys')}</Space>}
      extra={<Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="console-live-key-create">{t('live.console.newKey')}</Button>}
    >
      <Table<StreamKeyView>
        rowKey="id"
        size="small"
        loading={keys.loading}
        dataSource={keys.data ?? []}
        pagination={false}
        onRow={(k) => ({ 'data-testid': 'console-live-key-row', 'data-key-id': k.id }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: keys.error?.message ?? t('live.console.noKeys') }}
        columns={[
          { title: t('live.console.keyLabel'), render: (_, k) => <>{k.label || t('live.console.unnamed')} <Typography.Text type="secondary">…{k.keyHint}</Typography.Text></> },
          { title: t('live.console.host'), render: (_, k) => k.host.name },
          { title: t('live.console.lastPublished'), render: (_, k) => formatTime(k.lastPublishedAt) },
          { title: t('live.console.keyStatus'), render: (_, k) => <Tag color={k.status === 'active' ? 'green' : 'default'}>{t(`live.console.keyState.${k.status}`)}</Tag> },
          {
            title: t('common.actions'),
            render: (_, k) =>
              k.status === 'active' && (
                <Space>
                  <Popconfirm title={t('live.console.rotateConfirm')} onConfirm={() => run(() => liveConsoleApi.rotateKey(k.id))} okButtonProps={{ ...testId('console-live-confirm-ok') }}>
                    <Button size="small" data-testid="console-live-key-rotate">{t('live.console.rotate')}</Button>
                  </Popconfirm>
                  <Popconfirm title={t('live.console.revokeConfirm')} onConfirm={() => run(() => liveConsoleApi.revokeKey(k.id))} okButtonProps={{ ...testId('console-live-confirm-ok') }}>
                    <Button size="small" danger data-testid="console-live-key-revoke">{t('live.console.revoke')}</Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal open={creating} title={t('live.console.newKey')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={busy}
        okButtonProps={{ ...testId('console-live-key-submit') }} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => run(() => liveConsoleApi.createKey(v.label ?? ''))}>
          <Form.Item name="label" label={t('live.console.keyLabel')} extra={t('live.console.keyLabelHint')}>
            <Input maxLength={40} data-testid="console-live-key-label" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={secret !== null} title={t('live.console.secretTitle')} onCancel={() => setSecret(null)} footer={<Button type="primary" onClick={() => setSecret(null)}>{t('live.console.secretDone')}</Button>}>
        {secret && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon title={t('live.console.secretOnce')} />
            <Typography.Text type="secondary">{t('live.console.obsServer')}</Typography.Text>
            <Typography.Text code copyable data-testid="console-live-key-server">{secret.server}</Typography.Text>
            <Typography.Text type="secondary">{t('live.console.obsKey')}</Typography.Text>
            <Typography.Text code copyable data-testid="console-live-key-value">{secret.streamKey}</Typography.Text>
            <Typography.Text type="secondary">{t('live.console.phoneUrl')}</Typography.Text>
            <Typography.Text code copyable data-testid="console-live-key-url">{secret.url}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('live.console.obsHint')}</Typography.Paragraph>
          </Space>
        )}
      </Modal>
    </Card>
  );
}
