import { lazy, Suspense, useState } from 'react';
import { Button, Input, Typography } from 'antd';
import { CameraOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PICKUP_CODE_LENGTH } from '../../lib/config.js';

// the camera scanner (@zxing/browser) is fetched only when someone taps 扫码
const ScanModal = lazy(() => import('./ScanModal.js'));

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

/** The 8-digit pickup code: typed, tapped on the keypad, or scanned from the neighbour's QR. */
export function CodeEntry({ code, onChange, onSubmit, busy }: { code: string; onChange(c: string): void; onSubmit(c: string): void; busy: boolean }) {
  const { t } = useTranslation();
  const [scanning, setScanning] = useState(false);
  const set = (raw: string) => {
    const c = raw.replace(/\D/g, '').slice(0, PICKUP_CODE_LENGTH);
    onChange(c);
    if (c.length === PICKUP_CODE_LENGTH) onSubmit(c);
  };
  const press = (k: (typeof KEYS)[number]) => {
    if (k === 'clear') onChange('');
    else if (k === 'back') onChange(code.slice(0, -1));
    else set(code + k);
  };
  return (
    <div className="counter-panel">
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('counter.enterCode')}</Typography.Title>
      <Input
        className="counter-code-input"
        value={code}
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        maxLength={PICKUP_CODE_LENGTH}
        placeholder={t('counter.codePlaceholder')}
        onChange={(e) => set(e.target.value)}
        onPressEnter={() => code.length === PICKUP_CODE_LENGTH && onSubmit(code)}
        data-testid="counter-code-input"
      />
      <div className="counter-keypad">
        {KEYS.map((k) => (
          <Button key={k} onClick={() => press(k)} data-testid={`counter-key-${k}`}>
            {k === 'clear' ? t('counter.clear') : k === 'back' ? '⌫' : k}
          </Button>
        ))}
      </div>
      <div className="counter-actions">
        <Button icon={<CameraOutlined />} onClick={() => setScanning(true)} data-testid="counter-scan">{t('counter.scan')}</Button>
        <Button type="primary" icon={<SearchOutlined />} loading={busy} disabled={code.length !== PICKUP_CODE_LENGTH}
          onClick={() => onSubmit(code)} data-testid="counter-lookup">{t('counter.lookup')}</Button>
      </div>
      {scanning && (
        <Suspense fallback={null}>
          <ScanModal
            onClose={() => setScanning(false)}
            onCode={(c) => {
              setScanning(false);
              set(c);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
