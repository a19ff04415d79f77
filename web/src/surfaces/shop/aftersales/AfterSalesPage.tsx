import { useMemo, useState } from 'react';
import { Button, DotLoading, Input, NavBar, TextArea } from 'antd-mobile';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { shopAfterSalesApi, type AfterSalesReason } from '../../../api/shop-aftersales.js';
import { useActionKey } from '../../../lib/action-key.js';
import { toastError, toastOk } from '../../../lib/mobile/notify.js';
import { formatFen, yuanToFen } from '../../../lib/money.js';
import { refundableFen } from '../../../lib/orders.js';
import { useApi } from '../../../lib/use-api.js';
import { Blank } from '../Blank.js';
import { useShop } from '../shop-context.js';
import { AFTER_SALES_STATUSES } from './after-sales-statuses.js';
import { PhotoPicker } from './PhotoPicker.js';
import { shrinkPhoto } from './shrink-photo.js';
import '../shop.css';
import './aftersales.css';

const REASONS: AfterSalesReason[] = ['damaged', 'quality', 'missing', 'wrong_item', 'other'];

/** 申请售后 on one of my orders: reason, what happened, an optional photo and the amount asked for. */
export default function AfterSalesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { api, slug, me, href } = useShop();
  const nav = useNavigate();
  const as = useMemo(() => shopAfterSalesApi(slug), [slug]);
  const order = useApi(me ? () => api.order(id) : null, [api, id, me?.customerId]);
  const [reason, setReason] = useState<AfterSalesReason | null>(null);
  const [text, setText] = useState('');
  const [amount, setAmount] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useActionKey(['after-sales', id, reason, text.trim(), amount]);

  if (me === null) return <Navigate to={href(`/login?next=${encodeURIComponent(href(`/orders/${id}/after-sales`))}`)} replace />;
  if (order.error) return <Blank full title={order.error.message} />;
  const o = order.data;
  if (!o) return <div style={{ padding: 40, textAlign: 'center' }}><DotLoading /></div>;
  if (!AFTER_SALES_STATUSES.has(o.status)) return <Blank full title={t('shopAfterSales.notAllowed')} />;

  const max = refundableFen(o);
  const requestedFen = amount.trim() ? yuanToFen(amount) : null;
  const amountBad = amount.trim() !== '' && (requestedFen === null || requestedFen > max);

  const submit = async () => {
    if (!reason) return toastError(new Error(t('shopAfterSales.reason')));
    if (!text.trim()) return toastError(new Error(t('shopAfterSales.textRequired')));
    if (amountBad) return toastError(new Error(t('shopAfterSales.amountInvalid')));
    setBusy(true);
    try {
      const ticket = await as.open(o.id, { reason, text: text.trim(), ...(requestedFen ? { requestedFen } : {}) }, key.get());
      key.settle();
      if (photo) {
        try {
          await as.photo(ticket.id, await shrinkPhoto(photo), photo.name || 'photo.jpg');
        } catch (e) {
          toastError(new Error(`${t('shopAfterSales.photoFailed')} (${(e as Error).message})`));
          return nav(href('/after-sales'), { replace: true });
        }
      }
      toastOk(t('shopAfterSales.submitted'));
      nav(href('/after-sales'), { replace: true });
    } catch (e) {
      key.settle(e);
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="m-page">
      <NavBar onBack={() => nav(-1)}>{t('shopAfterSales.title')}</NavBar>
      <div className="m-card">
        {o.lines.map((l) => (
          <div className="line-row" key={l.id}><span>{l.productName} <span className="m-muted">{l.spec}</span> × {l.qty}</span></div>
        ))}
      </div>
      <div className="m-card">
        <div className="as-label">{t('shopAfterSales.reason')}</div>
        <div className="as-reasons" data-testid="aftersales-reason" role="radiogroup">
          {REASONS.map((r) => (
            <button type="button" key={r} role="radio" aria-checked={reason === r} className={`as-reason${reason === r ? ' on' : ''}`}
              onClick={() => setReason(r)} data-testid={`aftersales-reason-${r}`}>{t(`shopAfterSales.reasons.${r}`)}</button>
          ))}
        </div>
        <div className="as-label">{t('shopAfterSales.text')}</div>
        <TextArea className="as-text" placeholder={t('shopAfterSales.textPlaceholder')} maxLength={500} showCount rows={3} value={text} onChange={setText}
          data-testid="aftersales-text" />
        <div className="as-label">{t('shopAfterSales.photo')}</div>
        <PhotoPicker file={photo} onChange={setPhoto} />
        <div className="as-label">{t('shopAfterSales.amount')}</div>
        <Input className="as-amount" type="text" inputMode="decimal" placeholder={formatFen(max)} value={amount} onChange={setAmount}
          data-testid="aftersales-amount" />
        <div className={amountBad ? 'as-error' : 'm-muted'}>{amountBad ? t('shopAfterSales.amountInvalid') : t('shopAfterSales.amountHint', { max: formatFen(max) })}</div>
      </div>
      <div style={{ padding: '0 12px' }}>
        <Button block color="primary" size="large" loading={busy} disabled={!reason || !text.trim() || amountBad} onClick={() => void submit()}
          data-testid="aftersales-submit">{t('shopAfterSales.submit')}</Button>
      </div>
    </div>
  );
}
