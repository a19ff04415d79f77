import { Button, DotLoading, List, NavBar, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.js';
import { toastError } from '../../lib/mobile/notify.js';
import { STATUS_COLOR } from '../../lib/orders.js';
import { formatFen } from '../../lib/money.js';
import { formatTime } from '../../lib/time.js';
import { useApi } from '../../lib/use-api.js';
import { Blank } from './Blank.js';
import { OrderSummary } from './OrderSummary.js';
import { Price } from './Price.js';
import { useShop } from './shop-context.js';
import { ShopTabBar } from './ShopTabBar.js';
import { MeCard } from './aftersales/MeCard.js';

const MOBILE_COLOR: Record<string, string> = { orange: 'warning', blue: 'primary', green: 'success', red: 'danger', default: 'default' };

export function StatusTag({ status, testId }: { status: keyof typeof STATUS_COLOR; testId?: string }) {
  const { t } = useTranslation();
  return <Tag color={MOBILE_COLOR[STATUS_COLOR[status]]} fill="outline" data-testid={testId}>{t(`order.status.${status}`)}</Tag>;
}

/** 我的订单 */
export default function OrdersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { api, me, href, refreshMe } = useShop();
  const nav = useNavigate();
  const orders = useApi(me ? () => api.orders() : null, [api, me?.customerId]);

  const logout = async () => {
    await api.logout().catch(toastError);
    await refreshMe();
  };

  return (
    <div className="m-page">
      <NavBar back={null} right={me && <Button size="mini" fill="none" onClick={() => void logout()} data-testid="shop-logout">{t('common.logout')}</Button>}>
        {t('shop.myOrders')}
      </NavBar>
      {me === undefined && <div style={{ padding: 40, textAlign: 'center' }}><DotLoading /></div>}
      {me === null && (
        <Blank title={t('shop.loginToSee')}>
          <Button color="primary" onClick={() => nav(href(`/login?next=${encodeURIComponent(href('/orders'))}`))} data-testid="orders-login">{t('shop.login')}</Button>
        </Blank>
      )}
      {me && <div className="m-muted" style={{ padding: '8px 16px' }}>{t('shop.signedInAs', { phone: me.phone })}</div>}
      <MeCard />
      {orders.error && <Blank title={orders.error.message} />}
      {me && orders.data?.length === 0 && <Blank title={t('shop.noOrders')} />}
      {me && !!orders.data?.length && (
        <List mode="card" className="os-list" data-testid="my-orders">
          {orders.data.map((o) => (
            <List.Item key={o.id} onClick={() => nav(href(`/orders/${o.id}`))} data-testid={`my-order-${o.id}`}
              description={<>{formatTime(o.createdAt, lang)}{o.refundedFen > 0 && <span className="os-off">{t('orders.refundedShort', { amount: formatFen(o.refundedFen) })}</span>}</>}
              extra={<Price fen={o.totalFen} />}>
              <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                <StatusTag status={o.status} testId={`order-status-${o.id}`} />
                <OrderSummary order={o} />
              </div>
            </List.Item>
          ))}
        </List>
      )}
      <ShopTabBar />
    </div>
  );
}
