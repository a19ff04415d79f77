import { useState } from 'react';
import { Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { staffApi } from '../../api/staff.js';
import type { StaffMe, StaffMember } from '../../api/types.js';
import { useNotify } from '../../lib/antd/notify.js';
import { useApi } from '../../lib/use-api.js';
import { PageHeader } from './PageHeader.js';

const ROLE_COLOR = { owner: 'volcano', manager: 'blue', staff: 'default' } as const;

export function StaffPage({ me }: { me: StaffMe }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const list = useApi(() => staffApi.list(), []);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ login: string; name: string; password: string; role: 'manager' | 'staff' }>();

  const add = async (v: { login: string; name: string; password: string; role: 'manager' | 'staff' }) => {
    setBusy(true);
    try {
      await staffApi.add(v);
      notify.success(t('staff.added', { name: v.name }));
      setAdding(false);
      form.resetFields();
      await list.reload();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('staff.title')} sub={t('staff.sub', { store: me.store.name })}
        extra={<Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="staff-add">{t('staff.add')}</Button>} />
      <Table<StaffMember>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={list.error ? { emptyText: list.error.message } : undefined}
        columns={[
          { title: t('staff.name'), render: (_, s) => <>{s.name}{s.id === me.staffId && <Tag style={{ marginLeft: 8 }}>{t('staff.you')}</Tag>}</> },
          { title: t('staff.login'), dataIndex: 'login' },
          { title: t('staff.roleLabel'), render: (_, s) => <Tag color={ROLE_COLOR[s.role]}>{t(`staff.role.${s.role}`)}</Tag> },
          { title: t('staff.status'), render: (_, s) => (s.active ? <Tag color="green">{t('staff.active')}</Tag> : <Tag>{t('staff.inactive')}</Tag>) },
        ]}
      />
      <Modal open={adding} title={t('staff.add')} onCancel={() => setAdding(false)} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={add} initialValues={{ role: 'staff' }}>
          <Form.Item name="name" label={t('staff.name')} rules={[{ required: true, max: 40 }]}><Input /></Form.Item>
          <Form.Item name="login" label={t('staff.login')} rules={[{ required: true, min: 3, max: 64, pattern: /^[a-zA-Z0-9_.-]+$/, message: t('staff.loginRule') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="password" label={t('staff.password')} rules={[{ required: true, min: 8, message: t('staff.passwordRule') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label={t('staff.roleLabel')}>
            <Select options={(['staff', 'manager'] as const).map((r) => ({ value: r, label: t(`staff.role.${r}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
