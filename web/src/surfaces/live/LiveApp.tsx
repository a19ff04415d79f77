import { Button, NavBar, Result } from 'antd-mobile';
import { VideoOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { DEMO_SLUG } from '../../lib/config.js';
import { MobileProvider } from '../../lib/mobile/MobileProvider.js';

/** 直播间: a placeholder until the live room lands. */
export default function LiveApp() {
  const { t } = useTranslation();
  return (
    <MobileProvider>
      <NavBar back={null}>{t('live.title')}</NavBar>
      <div style={{ background: '#fff', margin: 12, borderRadius: 12 }}>
        <Result
          icon={<VideoOutline style={{ fontSize: 64, color: '#fa541c' }} />}
          status="waiting"
          title={<span data-testid="live-placeholder">{t('live.comingSoon')}</span>}
          description={t('live.desc')}
        />
        <div style={{ padding: '0 24px 24px' }}>
          <Button block color="primary" shape="rounded" onClick={() => {
            window.location.href = `/shop/${DEMO_SLUG}`;
          }}>{t('live.goShop')}</Button>
        </div>
      </div>
    </MobileProvider>
  );
}
