import { useEffect, useRef, useState } from 'react';
import { Alert, Modal } from 'antd';
import { BrowserQRCodeReader, type IScannerControls } from '@zxing/browser';
import { useTranslation } from 'react-i18next';
import { PICKUP_CODE_LENGTH } from '../../lib/config.js';

const CODE_RE = new RegExp(`\\d{${PICKUP_CODE_LENGTH}}`);

/** Reads the pickup QR with the tablet camera (loaded lazily: @zxing/browser is ~100 kB). */
export default function ScanModal({ onCode, onClose }: { onCode(code: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    let controls: IScannerControls | undefined;
    let stopped = false;
    const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 });
    reader
      .decodeFromConstraints({ video: { facingMode: 'environment' } }, video.current ?? undefined, (result, _err, c) => {
        const m = result ? CODE_RE.exec(result.getText()) : null;
        if (m) {
          c.stop();
          onCodeRef.current(m[0]);
        }
      })
      .then((c) => {
        controls = c;
        if (stopped) c.stop();
      })
      .catch((e: unknown) => setError(e instanceof Error && e.name === 'NotAllowedError' ? t('counter.cameraDenied') : t('counter.cameraUnavailable')));
    return () => {
      stopped = true;
      controls?.stop();
    };
  }, [t]);

  return (
    <Modal open title={t('counter.scanTitle')} onCancel={onClose} footer={null} width={560} destroyOnHidden>
      {error ? <Alert type="warning" showIcon title={error} /> : <video ref={video} className="counter-scan-video" muted playsInline data-testid="counter-scan-video" />}
      <p style={{ color: '#888', marginTop: 12 }}>{t('counter.scanHint')}</p>
    </Modal>
  );
}
