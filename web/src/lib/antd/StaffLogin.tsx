import { useState } from 'react';
import { Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { staffApi } from '../../api/staff.js';
import { LangSwitch } from './LangSwitch.js';
import { useNotify } from './notify.js';

interface Props {
  title: string;
  subtitle: string;
  /** shown only as placeholders */
  demoLogin: string;
  demoPassword: string;
  onDone(): void;
}

export function StaffLogin({ title, subtitle, demoLogin, demoPassword, onDone }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { login: string; password: string }) => {
    setBusy(true);
    try {
      await staffApi.login(v.login, v.password);
      onDone();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="staff-login">
      <div className="staff-login-lang">
        <LangSwitch />
      </div>
      <Card className="staff-login-card" variant="borderless">
        <div className="staff-login-brand">
          <span className="brand-mark">邻</span>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>{title}</Typography.Title>
            <Typography.Text type="secondary">{subtitle}</Typography.Text>
          </div>
        </div>
        <Form layout="vertical" size="large" onFinish={submit} data-testid="login-form" requiredMark={false}>
          <Form.Item name="login" label={t('login.account')} rules={[{ required: true, message: t('login.accountRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" placeholder={t('login.accountPlaceholder', { demo: demoLogin })} data-testid="login-name" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder={t('login.passwordPlaceholder', { demo: demoPassword })} data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
