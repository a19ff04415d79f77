import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Button, Result } from 'antd-mobile';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { liveShopApi, type FlashSale } from '../../../api/live.js';
import { shopApi } from '../../../api/shop.js';
import type { ShopStoreInfo } from '../../../api/types.js';
import { toastError } from './toast.js';
import { useActionKey } from '../../../lib/action-key.js';
import { ChatList } from './ChatList.js';
import { FlashCard } from './FlashCard.js';
import { GiveawayCard } from './GiveawayCard.js';
import { InputBar } from './InputBar.js';
import { PinCard } from './PinCard.js';
import { RoomHeader } from './RoomHeader.js';
import { RoomVideo } from './RoomVideo.js';
import { openFlashFor } from './room-state.js';
import { Ticker } from './Ticker.js';
import { useRoom } from './use-room.js';
import { VoucherCard } from './VoucherCard.js';

// the sheets (popup, stepper, their animation library) load on the first tap, not with the room
const BuySheet = lazy(() => import('./BuySheet.js'));
const PresaleSheet = lazy(() => import('./PresaleSheet.js'));

/** /live/:slug/:showId — the viewer's room (phone first). */
export function RoomPage() {
  const { slug = '', showId = '' } = useParams();
  const [params] = useSearchParams();
  const invite = params.get('invite');
  const { t } = useTranslation();
  const api = useMemo(() => liveShopApi(slug), [slug]);
  const shop = useMemo(() => shopApi(slug), [slug]);
  const { view, dispatch, topic, error, reload } = useRoom(api, showId, invite);
  const [store, setStore] = useState<ShopStoreInfo>();
  const [buying, setBuying] = useState<FlashSale | null>(null);
  const [joining, setJoining] = useState<string | null>(null);
  const [reminding, setReminding] = useState(false);
  const remindKey = useActionKey(showId);

  useEffect(() => {
    shop.store().then(setStore, () => undefined);
  }, [shop]);

  const me = view.room?.me.signedIn ?? false;
  const login = () => {
    window.location.href = `/shop/${encodeURIComponent(slug)}/login?next=${encodeURIComponent(location.pathname + location.search)}`;
  };
  /** actions need a signed-in neighbour */
  const guard = <A extends unknown[]>(fn: (...a: A) => void) => (...a: A) => (me ? fn(...a) : login());

  const remind = async () => {
    if (!me) return login();
    setReminding(true);
    try {
      await api.remind(showId, remindKey.get());
      remindKey.settle();
      await reload();
    } catch (e) {
      remindKey.settle(e);
      toastError(e);
    } finally {
      setReminding(false);
    }
  };

  if (error) {
    const restricted = error.code === 'LIVE_ROOM_RESTRICTED';
    return (
      <div className="lv-room lv-room-error" data-testid={restricted ? 'live-restricted' : 'live-error'}>
        <Result status={restricted ? 'warning' : 'error'} title={restricted ? t('live.room.restricted') : t('live.room.notFound')} description={error.message} />
        <div className="lv-room-error-actions">
          {restricted && !me && <Button block color="primary" shape="rounded" onClick={login}>{t('live.room.loginToWatch')}</Button>}
          <Button block shape="rounded" onClick={() => { window.location.href = `/shop/${slug}`; }}>{t('live.goShop')}</Button>
        </div>
      </div>
    );
  }
  const room = view.room;
  if (!room) return <div className="lv-room lv-loading">{t('shop.loading')}</div>;

  const pinnedFlash = view.pinned?.kind === 'flash_sale' ? view.flash[view.pinned.refId] : view.pinned?.kind === 'product' ? openFlashFor(view, view.pinned.refId) : undefined;
  const flashes = Object.values(view.flash).filter((f) => f.status === 'open' || f.flashSaleId === pinnedFlash?.flashSaleId).slice(-2);
  const drops = Object.values(view.drops).filter((d) => d.remaining > 0 || view.myVouchers.some((v) => v.dropId === d.dropId)).slice(-1);
  const giveaways = Object.values(view.giveaways).slice(-1);
  const campaigns = view.pinned?.kind === 'campaign' ? [] : view.campaigns.slice(0, 2);

  return (
    <div className="lv-room" data-testid="live-room" data-status={room.show.status}>
      <div className="lv-top">
        <RoomHeader show={room.show} storeName={store?.name} viewers={view.viewers} likes={view.likes} online={topic.status === 'open'} />
        <RoomVideo room={room} onRemind={() => void remind()} reminding={reminding} />
      </div>
      <div className="lv-stage">
        <Ticker lines={view.ticker} />
        {view.pinned && view.pinned.kind !== 'flash_sale' && (
          <PinCard pinned={view.pinned} flash={pinnedFlash} onBuy={guard(setBuying)} onJoin={guard(setJoining)} shopHref={`/shop/${slug}`} />
        )}
        {flashes.map((f) => <FlashCard key={f.flashSaleId} sale={f} onBuy={guard(() => setBuying(f))} />)}
        {campaigns.map((c) => (
          <div key={c.id} className="lv-gift lv-campaign" data-testid="live-campaign-card">
            <div className="lv-gift-body">
              <div className="lv-gift-title">{t('live.room.presale')} · {c.title}</div>
              <div className="lv-gift-sub">{t('live.room.presaleProgress', { joined: c.joined, goal: c.goal })}</div>
            </div>
            <Button size="mini" shape="rounded" color="primary" onClick={guard(() => setJoining(c.id))} data-testid="live-campaign-join">{t('live.room.join')}</Button>
          </div>
        ))}
        {drops.map((d) => (
          <VoucherCard
            key={d.dropId}
            drop={d}
            mine={view.myVouchers.find((v) => v.dropId === d.dropId)}
            claim={async (key) => {
              if (!me) {
                login();
                throw new Error(t('live.room.loginToChat'));
              }
              const v = await api.claimVoucher(d.dropId, key);
              dispatch({ type: 'voucher', voucher: { ...v, dropId: v.dropId ?? d.dropId } });
              return v;
            }}
          />
        ))}
        {giveaways.map((g) => (
          <GiveawayCard
            key={g.giveawayId}
            g={g}
            entered={room.giveaway?.id === g.giveawayId && room.giveaway.entered === true}
            enter={(key) => {
              if (!me) {
                login();
                return Promise.reject(new Error(t('live.room.loginToChat')));
              }
              return api.enterGiveaway(g.giveawayId, key);
            }}
          />
        ))}
        <ChatList lines={view.chat} />
      </div>
      <InputBar topic={topic} signedIn={me} muted={room.me.muted || room.me.blocked} onLogin={login} onLiked={(n) => dispatch({ type: 'liked', n })} />
      <Suspense fallback={null}>
        {buying && (
          <BuySheet sale={view.flash[buying.flashSaleId] ?? buying} api={api} orderHref={(id) => `/shop/${slug}/orders/${id}`} onClose={() => setBuying(null)} />
        )}
        {joining && <PresaleSheet slug={slug} showId={showId} campaignId={joining} api={api} onClose={() => setJoining(null)} />}
      </Suspense>
    </div>
  );
}
