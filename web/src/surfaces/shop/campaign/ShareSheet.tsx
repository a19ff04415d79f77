import { useState } from 'react';
import { Button, Popup } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { toastOk } from '../../../lib/mobile/notify.js';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // http:// on a LAN address has no clipboard API: fall back to a selected textarea
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}

/** 分享: the link to forward into the WeChat group, and the poster (long-press to save). */
export function ShareSheet({ visible, url, posterUrl, onClose }: { visible: boolean; url: string; posterUrl: string; onClose(): void }) {
  const { t } = useTranslation();
  const [posterFailed, setPosterFailed] = useState(false);
  const close = () => {
    setPosterFailed(false); // try the poster again next time
    onClose();
  };
  return (
    <Popup visible={visible} onMaskClick={close} bodyStyle={{ borderTopLeftRadius: 14, borderTopRightRadius: 14, maxHeight: '90vh', overflowY: 'auto' }}>
      <div className="c-share" data-testid="campaign-share-sheet">
        <div className="c-section-title">{t('shopGroupbuy.shareTitle')}</div>
        <div className="c-share-url" data-testid="campaign-share-url">{url}</div>
        <Button block color="primary" size="large" data-testid="campaign-share-copy"
          onClick={() => void copy(url).then((ok) => toastOk(ok ? t('shopGroupbuy.copied') : t('shopGroupbuy.copyManually')))}>
          {t('shopGroupbuy.copyLink')}
        </Button>
        {visible && !posterFailed && (
          <>
            <img className="c-poster" src={posterUrl} alt={t('shopGroupbuy.poster')} onError={() => setPosterFailed(true)} data-testid="campaign-poster" />
            <div className="m-muted" style={{ textAlign: 'center' }}>{t('shopGroupbuy.posterHint')}</div>
          </>
        )}
        {posterFailed && <div className="m-muted" style={{ textAlign: 'center', padding: 12 }}>{t('shopGroupbuy.posterUnavailable')}</div>}
        <Button block fill="none" onClick={close} style={{ marginTop: 4 }}>{t('common.cancel')}</Button>
      </div>
    </Popup>
  );
}
