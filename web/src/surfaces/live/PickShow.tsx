import { useEffect, useState } from 'react';
import { Button, Result } from 'antd-mobile';
import { VideoOutline } from 'antd-mobile-icons';
import { Navigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { liveShopApi, type CurrentShow } from '../../api/live.js';

/** /live/:slug → the live show, else the next scheduled one, else the latest replay, else "no show yet". */
export function PickShow() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const [cur, setCur] = useState<CurrentShow | null>();
  const [replay, setReplay] = useState<string | null>(null);
  useEffect(() => {
    const api = liveShopApi(slug);
    api.current().then(setCur, () => setCur(null));
    // nothing live or scheduled: the latest replay
    api.shows().then((list) => setReplay(list.find((s) => s.status === 'ended')?.id ?? null), () => undefined);
  }, [slug]);
  if (cur === undefined) return <div className="lv-room lv-loading">{t('shop.loading')}</div>;
  const id = cur?.show?.id ?? cur?.next?.id ?? replay;
  if (id) return <Navigate to={`/live/${slug}/${id}${location.search}`} replace />;
  return (
    <div className="lv-room lv-room-error" data-testid="live-none">
      <Result icon={<VideoOutline style={{ fontSize: 64, color: '#fa541c' }} />} status="waiting" title={t('live.comingSoon')} description={t('live.desc')} />
      <div className="lv-room-error-actions">
        <Button block color="primary" shape="rounded" onClick={() => { window.location.href = `/shop/${slug}`; }}>{t('live.goShop')}</Button>
      </div>
    </div>
  );
}
