import { lazy, Suspense, useMemo } from 'react';
import { DotLoading } from 'antd-mobile';
import { Route, Routes, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { shopApi } from '../../api/shop.js';
import { MobileProvider } from '../../lib/mobile/MobileProvider.js';
import { DEMO_SLUG } from '../../lib/config.js';
import { useApi } from '../../lib/use-api.js';
import { Blank } from './Blank.js';
import { useCart } from './cart.js';
import { ShopContext, type ShopCtx } from './shop-context.js';
import { ShopHome } from './ShopHome.js';

// The product list is the first load (≤ 150 kB JS gzipped); the rest comes when it is needed.
const LoginPage = lazy(() => import('./LoginPage.js'));
const CheckoutPage = lazy(() => import('./CheckoutPage.js'));
const OrdersPage = lazy(() => import('./OrdersPage.js'));
const OrderPage = lazy(() => import('./OrderPage.js'));
const CampaignPage = lazy(() => import('./campaign/CampaignPage.js'));
const AfterSalesPage = lazy(() => import('./aftersales/AfterSalesPage.js'));
const MyTicketsPage = lazy(() => import('./aftersales/MyTicketsPage.js'));

function Shop({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const api = useMemo(() => shopApi(slug), [slug]);
  const store = useApi(() => api.store(), [api]);
  const me = useApi(async () => {
    try {
      return await api.me();
    } catch (e) {
      if ((e as { status?: number }).status === 401) return null;
      throw e;
    }
  }, [api]);
  const cart = useCart(slug);
  const ctx: ShopCtx = {
    slug,
    api,
    store: store.data,
    me: me.loading && me.data === undefined ? undefined : (me.data ?? null),
    refreshMe: me.reload,
    cart,
    href: (path = '') => `/shop/${slug}${path}`,
  };
  if (store.error?.code === 'STORE_NOT_FOUND') return (
      <Blank full title={`${t('shop.storeNotFound')}: ${slug}`}>
        <a href={`/shop/${DEMO_SLUG}`}>{t('shop.goDemoStore')}</a>
      </Blank>
    );
  return (
    <ShopContext.Provider value={ctx}>
      <Suspense fallback={<div style={{ padding: 40, textAlign: 'center' }}><DotLoading /></div>}>
        <Routes>
          <Route index element={<ShopHome />} />
          <Route path="login" element={<LoginPage />} />
          <Route path="checkout" element={<CheckoutPage />} />
          <Route path="orders" element={<OrdersPage />} />
          <Route path="orders/:id" element={<OrderPage />} />
          <Route path="orders/:id/after-sales" element={<AfterSalesPage />} />
          <Route path="after-sales" element={<MyTicketsPage />} />
          <Route path="c/:id" element={<CampaignPage />} />
          <Route path="*" element={<ShopHome />} />
        </Routes>
      </Suspense>
    </ShopContext.Provider>
  );
}

/** 邻里商城: the neighbours' phone pages (antd-mobile, ≤ 150 kB JS on first load). */
export default function ShopApp() {
  const { slug = '' } = useParams();
  return (
    <MobileProvider>
      <Shop slug={slug} />
    </MobileProvider>
  );
}
