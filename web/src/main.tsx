import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { initI18n } from './i18n/index.js';
import { DEMO_SLUG } from './lib/config.js';

// One lazy chunk per surface: the shop and live pages never download antd, the console never antd-mobile.
const ConsoleApp = lazy(() => import('./surfaces/console/ConsoleApp.js'));
const CounterApp = lazy(() => import('./surfaces/counter/CounterApp.js'));
const ShopApp = lazy(() => import('./surfaces/shop/ShopApp.js'));
const LiveApp = lazy(() => import('./surfaces/live/LiveApp.js'));

function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<div id="boot">邻里 · Linli</div>}>
        <Routes>
          <Route path="/console/*" element={<ConsoleApp />} />
          <Route path="/counter/*" element={<CounterApp />} />
          <Route path="/shop" element={<Navigate to={`/shop/${DEMO_SLUG}`} replace />} />
          <Route path="/shop/:slug/*" element={<ShopApp />} />
          <Route path="/live/*" element={<LiveApp />} />
          <Route path="*" element={<Navigate to="/shop" replace />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}

void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
