import type { ReactNode } from 'react';
import { Button, Space, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { StaffMe } from '../../api/types.js';
import { LangSwitch } from '../../lib/antd/LangSwitch.js';

export function CounterLayout({ me, onLogout, children }: { me: StaffMe; onLogout(): void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="counter">
      <header className="counter-header">
        <Space size={12}>
          <span className="brand-mark small">邻</span>
          <Typography.Text strong style={{ fontSize: 18 }}>{t('counter.title')}</Typography.Text>
          <Typography.Text type="secondary" data-testid="counter-store-name">{me.store.name}</Typography.Text>
        </Space>
        <Space size={16}>
          <Typography.Text>{t('counter.staffOnDuty', { name: me.name })}</Typography.Text>
          <LangSwitch />
          <Button icon={<LogoutOutlined />} onClick={onLogout} data-testid="counter-logout">{t('common.logout')}</Button>
        </Space>
      </header>
      <main className="counter-main">{children}</main>
    </div>
  );
}
