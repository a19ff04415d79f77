import { TabBar } from 'antd-mobile';
import { AppOutline, UnorderedListOutline } from 'antd-mobile-icons';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useShop } from './shop-context.js';

export function ShopTabBar() {
  const { t } = useTranslation();
  const { href } = useShop();
  const nav = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.includes('/orders') ? 'orders' : 'home';
  return (
    <div className="m-tabbar">
      <TabBar activeKey={active} onChange={(k) => nav(href(k === 'orders' ? '/orders' : ''))} safeArea>
        <TabBar.Item key="home" icon={<AppOutline />} title={t('shop.tabHome')} data-testid="tab-home" />
        <TabBar.Item key="orders" icon={<UnorderedListOutline />} title={t('shop.tabOrders')} data-testid="tab-orders" />
      </TabBar>
    </div>
  );
}
