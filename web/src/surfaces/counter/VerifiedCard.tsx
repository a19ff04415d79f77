import { useEffect, useState } from 'react';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VerificationResult } from '../../api/types.js';
import { formatFen } from '../../lib/money.js';
import { formatClock } from '../../lib/time.js';
import { useLang } from '../../i18n/index.js';
import { OrderLines } from './OrderLines.js';

function useNow(ms: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

export function VerifiedCard({ result, dueFen, busy, onUndo, onNext }: { result: VerificationResult; dueFen: number; busy: boolean; onUndo(): void; onNext(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const now = useNow(15_000);
  const v = result.verification;
  const left = Math.max(0, Math.ceil((new Date(v.undoUntil).getTime() - now) / 60_000));
  return (
    <div className="counter-panel" data-testid="counter-verified">
      <Result
        status="success"
        title={t('counter.verified')}
        subTitle={t('counter.verifiedAt', { time: formatClock(v.verifiedAt, lang) })}
        extra={[
          <Button key="next" type="primary" size="large" onClick={onNext} data-testid="counter-next" style={{ height: 56, minWidth: 160 }}>{t('counter.next')}</Button>,
          left > 0 && !v.undoneAt && (
            <Button key="undo" danger size="large" loading={busy} onClick={onUndo} data-testid="counter-undo" style={{ height: 56 }}>
              {t('counter.undoWithin', { min: left })}
            </Button>
          ),
        ]}
      />
      {(v.collectedFen > 0 || dueFen > 0) && (
        <div className="counter-due">
          <span style={{ fontSize: 18 }}>{t('counter.collected')}</span>
          <span className="counter-due-amount">{formatFen(v.collectedFen || dueFen)}</span>
        </div>
      )}
      <OrderLines order={result.order} />
    </div>
  );
}
