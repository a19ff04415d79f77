import { Button, Result } from 'antd';
import { Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AntdProvider } from '../../lib/antd/AntdProvider.js';
import { StaffGate } from '../../lib/antd/StaffGate.js';
import { ConsoleLayout } from './ConsoleLayout.js';
import { AfterSalesPage } from './groupbuy/AfterSalesPage.js';
import { CampaignDetailPage } from './groupbuy/CampaignDetailPage.js';
import { CampaignFormPage } from './groupbuy/CampaignFormPage.js';
import { CampaignsPage } from './groupbuy/CampaignsPage.js';
import { NoShowsPage } from './groupbuy/NoShowsPage.js';
import { PurchaseOrdersPage } from './groupbuy/PurchaseOrdersPage.js';
import { LivePage } from './live/LivePage.js';
import { ShowControlPage } from './live/ShowControlPage.js';
import { OrdersPage } from './orders/OrdersPage.js';
import { OutboxPage } from './OutboxPage.js';
import { ProductsPage } from './products/ProductsPage.js';
import { RefundsPage } from './RefundsPage.js';
import { StaffPage } from './StaffPage.js';
import { StockPage } from './stock/StockPage.js';
import '../../lib/antd/staff.css';
import './console.css';

function ConsoleGate() {
  const { t } = useTranslation();
  return (
    <StaffGate title={t('console.title')} subtitle={t('console.subtitle')} demoLogin="laozhao">
      {(me, session) =>
        me.role === 'staff' ? (
          <Result
            status="403"
            title={t('console.staffOnlyCounter')}
            extra={[
              <Button key="c" type="primary" href="/counter">{t('console.goCounter')}</Button>,
              <Button key="o" onClick={() => void session.logout()}>{t('common.logout')}</Button>,
            ]}
          />
        ) : (
          <ConsoleLayout me={me} onLogout={() => void session.logout()}>
            <Routes>
              <Route index element={<Navigate to="orders" replace />} />
              <Route path="orders" element={<OrdersPage />} />
              <Route path="campaigns" element={<CampaignsPage />} />
              <Route path="campaigns/new" element={<CampaignFormPage />} />
              <Route path="campaigns/:id" element={<CampaignDetailPage />} />
              <Route path="campaigns/:id/edit" element={<CampaignFormPage />} />
              <Route path="purchase-orders" element={<PurchaseOrdersPage />} />
              <Route path="after-sales" element={<AfterSalesPage />} />
              <Route path="no-shows" element={<NoShowsPage />} />
              <Route path="products" element={<ProductsPage />} />
              <Route path="stock" element={<StockPage />} />
              <Route path="refunds" element={<RefundsPage />} />
              <Route path="outbox" element={<OutboxPage />} />
              <Route path="staff" element={<StaffPage me={me} />} />
              <Route path="live" element={<LivePage />} />
              <Route path="live/shows/:id" element={<ShowControlPage me={me} />} />
              <Route path="*" element={<Navigate to="orders" replace />} />
            </Routes>
          </ConsoleLayout>
        )
      }
    </StaffGate>
  );
}

export default function ConsoleApp() {
  return (
    <AntdProvider>
      <ConsoleGate />
    </AntdProvider>
  );
}
