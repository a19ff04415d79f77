import { EnvironmentOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { setLang, useLang } from '../../i18n/index.js';
import { useShop } from './shop-context.js';

export function LangToggle() {
  const lang = useLang();
  return (
    <button type="button" className="m-lang" onClick={() => void setLang(lang === 'en' ? 'zh-CN' : 'en')} data-testid="lang-switch">
      {lang === 'en' ? '中文' : 'EN'}
    </button>
  );
}

export function ShopHeader() {
  const { t } = useTranslation();
  const { store } = useShop();
  return (
    <header className="m-header">
      <div className="m-header-name">
        <span data-testid="shop-store-name">{store?.name ?? t('shop.loading')}</span>
        <LangToggle />
      </div>
      {store && (
        <div className="m-header-sub">
          <EnvironmentOutline /> {store.address} · {t('shop.pickupAtStore')}
        </div>
      )}
    </header>
  );
}
