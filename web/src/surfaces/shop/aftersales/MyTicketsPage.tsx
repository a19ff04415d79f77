import { useMemo, useState } from 'react';
import { Button, DotLoading, NavBar, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { shopAfterSalesApi, type TicketView } from '../../../api/shop-aftersales.js';
import { useLang } from '../../../i18n/index.js';
import { toastError, toastOk } from '../../../lib/mobile/notify.js';
import { formatFen } from '../../../lib/money.js';
import { formatTime } from '../../../lib/time.js';
import { useApi } from '../../../lib/use-api.js';
import { Blank } from '../Blank.js';
import { useShop } from '../shop-context.js';
import { PhotoPicker } from './PhotoPicker.js';
import { shrinkPhoto } from './shrink-photo.js';
import '../shop.css';
import './aftersales.css';

const COLOR = { open: 'warning', approved: 'success', rejected: 'default' } as const;

function Ticket({ tk, onPhoto }: { tk: TicketView; onPhoto(f: File): Promise<void> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const first = tk.order.lines[0];
  return (
    <div className="m-card as-ticket" data-testid="aftersales-ticket" data-status={tk.status} data-order-id={tk.orderId}>
      <div className="as-ticket-head">
        <span className="as-ticket-reason">{t(`shopAfterSales.reasons.${tk.reason}`)}</span>
        <Tag color={COLOR[tk.status]} fill="outline" data-testid="aftersales-status">{t(`shopAfterSales.status.${tk.status}`)}</Tag>
      </div>
      {first && <div className="m-muted">{t('shopAfterSales.order')}: {first.productName} × {first.qty}{tk.order.lines.length > 1 ? ' …' : ''}</div>}
      <div className="as-ticket-text">{tk.text}</div>
      {tk.photoUrl && <a href={tk.photoUrl} target="_blank" rel="noreferrer"><img className="as-ticket-photo" src={tk.photoUrl} alt="" loading="lazy" /></a>}
      <div className="kv">
        <span>{formatTime(tk.createdAt, lang)}</span>
        <span>
          {tk.requestedFen !== null && t('shopAfterSales.requested', { amount: formatFen(tk.requestedFen) })}
          {tk.refundFen !== null && <b className="as-refunded"> {t('shopAfterSales.refunded', { amount: formatFen(tk.refundFen) })}</b>}
        </span>
      </div>
      {tk.decisionNote && (
        <div className="as-note" data-testid="aftersales-note"><b>{t('shopAfterSales.staffNote')}：</b>{tk.decisionNote}</div>
      )}
      {tk.status === 'open' && !tk.photoUrl && (
        busy ? <DotLoading /> : (
          <details className="as-more">
            <summary>{t('shopAfterSales.addPhoto2')}</summary>
            <PhotoPicker file={null} testId="aftersales-photo-later"
              onChange={(f) => {
                if (!f) return;
                setBusy(true);
                void onPhoto(f).finally(() => setBusy(false));
              }} />
          </details>
        )
      )}
    </div>
  );
}

/** 我的售后: my tickets, newest first, with the status and the store's reply. */
export default function MyTicketsPage() {
  const { t } = useTranslation();
  const { slug, me, href } = useShop();
  const nav = useNavigate();
  const as = useMemo(() => shopAfterSalesApi(slug), [slug]);
  const list = useApi(me ? (signal) => as.mine(signal) : null, [as, me?.customerId]);

  const addPhoto = async (tk: TicketView, f: File) => {
    try {
      await as.photo(tk.id, await shrinkPhoto(f), f.name || 'photo.jpg');
      toastOk(t('common.saved'));
      await list.reload();
    } catch (e) {
      toastError(e);
    }
  };

  return (
    <div className="m-page">
      <NavBar onBack={() => nav(href('/orders'))}>{t('shopAfterSales.myTickets')}</NavBar>
      {me === null && (
        <Blank title={t('shop.loginToSee')}>
          <Button color="primary" onClick={() => nav(href(`/login?next=${encodeURIComponent(href('/after-sales'))}`))}>{t('shop.login')}</Button>
        </Blank>
      )}
      {list.error && <Blank title={list.error.message} />}
      {me && list.loading && !list.data && <div style={{ padding: 40, textAlign: 'center' }}><DotLoading /></div>}
      {list.data?.length === 0 && <Blank title={t('shopAfterSales.noTickets')} />}
      <div data-testid="aftersales-list">
        {[...(list.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((tk) => (
          <Ticket key={tk.id} tk={tk} onPhoto={(f) => addPhoto(tk, f)} />
        ))}
      </div>
    </div>
  );
}
