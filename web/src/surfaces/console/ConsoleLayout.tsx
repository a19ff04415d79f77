import { useState, type ReactNode } from 'react';
import { Avatar, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import {
  AppstoreOutlined,
  ClockCircleOutlined,
  CustomerServiceOutlined,
  DatabaseOutlined,
  FileExcelOutlined,
  LogoutOutlined,
  MessageOutlined,
  ProfileOutlined,
  RollbackOutlined,
  ScanOutlined,
  ShopOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StaffMe } from '../../api/types.js';
import { LangSwitch } from '../../lib/antd/LangSwitch.js';

const PAGES = [
  { key: 'orders', icon: <ProfileOutlined /> },
  { key: 'campaigns', icon: <UsergroupAddOutlined /> },
  { key: 'purchase-orders', icon: <FileExcelOutlined /> },
  { key: 'after-sales', icon: <CustomerServiceOutlined /> },
  { key: 'no-shows', icon: <ClockCircleOutlined /> },
  { key: 'live', icon: <VideoCameraOutlined /> },
  { key: 'products', icon: <AppstoreOutlined /> },
  { key: 'stock', icon: <DatabaseOutlined /> },
  { key: 'refunds', icon: <RollbackOutlined /> },
  { key: 'outbox', icon: <MessageOutlined /> },
  { key: 'staff', icon: <TeamOutlined /> },
] as const;

export function ConsoleLayout({ me, onLogout, children }: { me: StaffMe; onLogout(): void; children: ReactNode }) {
  const { t } = useTranslation();
  const nav = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const current = pathname.split('/')[2] ?? 'orders';
  return (
    <Layout className="console" hasSider>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} className="console-sider">
        <div className="console-logo">
          <span className="brand-mark small">邻</span>
          {!collapsed && <span className="console-logo-text">{t('console.brand')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[current]}
          items={PAGES.map((p) => ({ key: p.key, icon: p.icon, label: t(`console.menu.${p.key}`), 'data-testid': `menu-${p.key}` }))}
          onClick={(e) => nav(`/console/${e.key}`)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <Space size={10}>
            <ShopOutlined className="console-store-icon" />
            <Typography.Text strong data-testid="console-store-name">{me.store.name}</Typography.Text>
          </Space>
          <Space size={20}>
            <a href="/counter" target="_blank" rel="noreferrer"><ScanOutlined /> {t('console.openCounter')}</a>
            <a href={`/shop/${me.store.slug}`} target="_blank" rel="noreferrer"><ShopOutlined /> {t('console.openShop')}</a>
            <LangSwitch size="small" />
            <Dropdown menu={{ items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('common.logout'), onClick: onLogout }] }}>
              <Space className="console-user" data-testid="console-user">
                <Avatar size="small" style={{ background: '#fa541c' }}>{me.name.slice(0, 1)}</Avatar>
                <span>{me.name}</span>
                <Tag bordered={false}>{t(`staff.role.${me.role}`)}</Tag>
              </Space>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="console-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
