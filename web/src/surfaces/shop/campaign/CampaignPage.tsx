import { useMemo, useRef, useState } from 'react';
import { Button, Dialog, DotLoading, NavBar } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { shopGroupbuyApi } from '../../../api/shop-groupbuy.js';
import type { OrderView } from '../../../api/types.js';
import { useActionKey } from '../../../lib/action-key.js';
import { isApiError } from '../../../api/client.js';
import { newId } from '../../../lib/ids.js';
import { toastError, toastOk } from '../../../lib/mobile/notify.js';
import { useApi } from '../../../lib/use-api.js';
import { Blank } from '../Blank.js';
import { Price } from '../Price.js';
import { useShop } from '../shop-context.js';
import { useSandboxPay } from '../use-sandbox-pay.js';
import { WalletSheet } from '../WalletSheet.js';
import { CampaignBanner } from './CampaignBanner.js';
import { CampaignItems } from './CampaignItems.js';
import { EntryList } from './EntryList.js';
import { maxFor } from './join-caps.js';
import { PayChoice, SlotPicker } from './JoinOptions.js';
import { MyEntries } from './MyEntries.js';
import { ShareSheet } from './ShareSheet.js';
import { useCampaign } from './use-campaign.js';
import { useJoinDraft } from './use-join-draft.js';
import '../shop.css';
import './campaign.css';

const GONE = new Set(['cancelled', 'refunded']);

/** 接龙页 (/shop/:slug/c/:id, the link neighbours forward): countdown, 成团 progress, live list, join and pay. */
export default function CampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { slug, api, me, href, store } = useShop();
  const nav = useNavigate();
  const gb = useMemo(() => shopGroupbuyApi(slug), [slug]);
  const c = useCampaign(gb, id, me?.customerId);
  const orders = useApi(me ? () => api.orders() : null, [api, me?.customerId]);
  const mine = useMemo(() => (orders.data ?? []).filter((o) => o.sourceRef === `groupbuy:${id}` && !GONE.has(o.status)), [orders.data, id]);
  const { draft, setQty, setSlot, setMethod, keep, reset } = useJoinDraft(id, c.view);
  const [busy, setBusy] = useState(false);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [share, setShare] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const joinKey = useActionKey(['join', id, draft]);
  // one Idempotency-Key per order withdrawn: a retry after a timeout cannot refund twice
  const withdrawKeys = useRef(new Map<string, string>());
  const refresh = () => Promise.all([c.refetch(), orders.reload()]);
  const pay = useSandboxPay(() => {
    toastOk(t('shopGroupbuy.paid'));
    void refresh();
  }, toastError);

  const v = c.view;
  if (c.error && !v) return <Blank full title={c.error.message}><Button onClick={() => nav(href())}>{t('shopGroupbuy.backToShop')}</Button></Blank>;
  if (!v) return <div style={{ padding: 40, textAlign: 'center' }}><DotLoading /></div>;

  const serverNow = now + c.skewMs;
  const beforeOpen = serverNow < new Date(v.openAt).getTime();
  const pastCutoff = serverNow >= new Date(v.cutoffAt).getTime();
  const open = v.status === 'open' && !beforeOpen && !pastCutoff;
  const mineQty: Record<string, number> = {};
  for (const o of mine) for (const l of o.lines) {
    const item = v.items.find((i) => i.skuId === l.skuId);
    // the per-person cap counts what was ordered (a partial refund does not give it back)
    if (item) mineQty[item.id] = (mineQty[item.id] ?? 0) + l.qty;
  }
  const picked = v.items.map((i) => ({ item: i, qty: Math.min(draft.qty[i.id] ?? 0, maxFor(i, mineQty[i.id] ?? 0)) })).filter((p) => p.qty > 0);
  const totalFen = picked.reduce((s, p) => s + p.qty * p.item.currentPriceFen, 0);
  const needSlot = v.slots.length > 0 && !v.slots.some((s) => s.id === draft.slotId && s.capacity > s.booked);
  const shareUrl = `${location.origin}${v.sharePath}`;

  const submit = async () => {
    if (me === null) {
      keep();
      return nav(href(`/login?next=${encodeURIComponent(href(`/c/${id}`))}`));
    }
    if (picked.length === 0) return toastError(new Error(t('shopGroupbuy.pickQty')));
    if (needSlot) return toastError(new Error(t('shopGroupbuy.pickSlotFirst')));
    setBusy(true);
    const k = joinKey.get();
    try {
      const body = { items: picked.map((p) => ({ itemId: p.item.id, qty: p.qty })), slotId: v.slots.length ? draft.slotId : null, paymentMethod: draft.method };
      const o = await gb.join(id, body, k);
      joinKey.settle();
      reset();
      toastOk(t('shopGroupbuy.joined'));
      void refresh();
      if (o.paymentMethod === 'sandbox' && o.status === 'pending_payment') await pay.open(o);
    } catch (e) {
      joinKey.settle(e);
      toastError(e);
      void c.refetch();
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async (o: OrderView) => {
    const ok = await Dialog.confirm({ content: o.paidFen > 0 ? t('shop.refundConfirm') : t('shopGroupbuy.withdrawConfirm'), confirmText: t('common.confirm'), cancelText: t('common.cancel') });
    if (!ok) return;
    setWithdrawing(o.id);
    let k = withdrawKeys.current.get(o.id);
    if (!k) withdrawKeys.current.set(o.id, (k = newId()));
    try {
      await gb.withdraw(id, o.id, k);
      toastOk(o.paidFen > 0 ? t('shop.refunded') : t('shopGroupbuy.withdrawn'));
      await refresh();
    } catch (e) {
      if (isApiError(e) && e.definite) withdrawKeys.current.delete(o.id);
      toastError(e);
    } finally {
      setWithdrawing(null);
    }
  };

  return (
    <div className="m-page c-page" data-testid="campaign-page" data-status={v.status}>
      <NavBar onBack={() => nav(href())}
        right={<button type="button" className="c-share-btn" onClick={() => setShare(true)} data-testid="campaign-share">{t('shopGroupbuy.share')}</button>}>
        {t('shopGroupbuy.title')}
      </NavBar>
      <CampaignBanner view={v} skewMs={c.skewMs} beforeOpen={beforeOpen} pastCutoff={pastCutoff} onZero={() => setNow(Date.now())} />
      <MyEntries orders={mine} busyId={withdrawing} onPay={(o) => void pay.open(o)} onWithdraw={(o) => void withdraw(o)} />
      <CampaignItems items={v.items} qty={draft.qty} mine={mineQty} canJoin={open} onQty={setQty} />
      {open && <SlotPicker slots={v.slots} value={draft.slotId} onChange={setSlot} />}
      {open && <PayChoice value={draft.method} onChange={setMethod} />}
      <EntryList entries={v.entries} live={c.live} />
      {open && (
        <div className="m-footer-bar c-footer" style={{ bottom: 0, paddingBottom: 'calc(8px + env(safe-area-inset-bottom))' }}>
          <div style={{ flex: 1 }}>{t('shop.total')}: <Price fen={totalFen} size={20} /></div>
          <Button color="primary" shape="rounded" size="large" loading={busy} disabled={me === undefined || (me !== null && picked.length === 0)}
            onClick={() => void submit()} data-testid="campaign-join-submit">
            {me === null ? t('shopGroupbuy.loginToJoin') : t('shopGroupbuy.join')}
          </Button>
        </div>
      )}
      <ShareSheet visible={share} url={shareUrl} posterUrl={gb.posterUrl(id)} onClose={() => setShare(false)} />
      <WalletSheet phase={pay.phase} amountFen={pay.amountFen} storeName={store?.name ?? ''} onConfirm={() => void pay.confirm()} onClose={pay.close} />
    </div>
  );
}
