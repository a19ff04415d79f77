import { useState } from 'react';
import { ScanOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { counterApi } from '../../api/counter.js';
import type { PickupLookup, VerificationResult } from '../../api/types.js';
import { useNotify } from '../../lib/antd/notify.js';
import { newId } from '../../lib/ids.js';
import { lineSummary } from '../../lib/orders.js';
import { CodeEntry } from './CodeEntry.js';
import { PickupCard } from './PickupCard.js';
import { RecentList } from './RecentList.js';
import { deviceName, useRecent } from './recent.js';
import { VerifiedCard } from './VerifiedCard.js';
import { VoucherRedeem } from './VoucherRedeem.js';

type View = { kind: 'idle' } | { kind: 'found'; lookup: PickupLookup; code: string; requestId: string } | { kind: 'verified'; result: VerificationResult; code: string; dueFen: number };

export function CounterPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const recent = useRecent();
  const [code, setCode] = useState('');
  const [view, setView] = useState<View>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);

  const lookup = async (c: string) => {
    setBusy(true);
    try {
      const l = await counterApi.lookup(c);
      // one request id per verification attempt: pressing 确认核销 again after a timeout reuses it
      setView({ kind: 'found', lookup: l, code: c, requestId: newId() });
    } catch (e) {
      setView({ kind: 'idle' });
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  const verify = async () => {
    if (view.kind !== 'found') return;
    setBusy(true);
    try {
      const r = await counterApi.verify(view.code, view.requestId, deviceName());
      const o = r.order;
      recent.add({
        verificationId: r.verification.id,
        orderId: o.id,
        code: view.code,
        summary: lineSummary(o, (n) => t('orders.moreItems', { n })),
        totalFen: o.totalFen,
        collectedFen: r.verification.collectedFen,
        verifiedAt: r.verification.verifiedAt,
        undoUntil: r.verification.undoUntil,
        undone: false,
      });
      setView({ kind: 'verified', result: r, code: view.code, dueFen: view.lookup.dueFen });
      setCode('');
    } catch (e) {
      notify.error(e);
      if (isApiError(e) && e.definite) await lookup(view.code);
    } finally {
      setBusy(false);
    }
  };

  const undo = async (verificationId: string) => {
    setBusy(true);
    try {
      await counterApi.undo(verificationId);
      recent.markUndone(verificationId);
      notify.success(t('counter.undone'));
      if (view.kind === 'verified' && view.result.verification.id === verificationId) await lookup(view.code);
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setView({ kind: 'idle' });
    setCode('');
  };

  return (
    <>
      <div>
        <CodeEntry code={code} onChange={setCode} onSubmit={(c) => void lookup(c)} busy={busy && view.kind === 'idle'} />
        <RecentList items={recent.items} onUndo={(id) => void undo(id)} />
      </div>
      <div>
        {view.kind === 'idle' && (
          <div className="counter-panel counter-empty">
            <ScanOutlined />
            <span>{t('counter.idle')}</span>
          </div>
        )}
        {view.kind === 'found' && <PickupCard lookup={view.lookup} busy={busy} onVerify={() => void verify()} onUndo={(id) => void undo(id)} onCancel={reset} />}
        {view.kind === 'verified' && (
          <VerifiedCard result={view.result} dueFen={view.dueFen} busy={busy} onUndo={() => void undo(view.result.verification.id)} onNext={reset} />
        )}
        <VoucherRedeem />
      </div>
    </>
  );
}
