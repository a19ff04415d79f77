import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The pickup code as large digits plus a QR for the counter's camera (qrcode is loaded on demand). */
export function PickupCode({ code }: { code: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    void import('qrcode').then(async (mod) => {
      // qrcode is CommonJS: the bundler puts module.exports on `default`
      const QR = (mod as unknown as { default?: typeof mod }).default ?? mod;
      const url = await QR.toDataURL(code, { margin: 1, width: 360, errorCorrectionLevel: 'M' });
      if (live) setSrc(url);
    });
    return () => {
      live = false;
    };
  }, [code]);
  return (
    <div className="m-card" style={{ textAlign: 'center' }}>
      <div className="m-muted">{t('shop.pickupCode')}</div>
      <div className="pickup-code" data-testid="pickup-code" data-code={code}>{`${code.slice(0, 4)} ${code.slice(4)}`}</div>
      {src ? <img className="pickup-qr" src={src} alt={code} data-testid="pickup-qr" /> : <div className="pickup-qr" />}
      <div className="m-muted" style={{ marginTop: 8 }}>{t('shop.pickupCodeHint')}</div>
    </div>
  );
}
