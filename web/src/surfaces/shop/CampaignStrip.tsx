import { useEffect, useMemo, useState } from 'react';
import { ProgressBar } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { shopGroupbuyApi, type ShopCampaignCard } from '../../api/shop-groupbuy.js';
import { useApi } from '../../lib/use-api.js';
import { Price } from './Price.js';
import { useShop } from './shop-context.js';

const REFRESH_MS = 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** "1天 02:03:04" to the cut-off, ticking every second on its own; skew: server time − this phone's. */
function CutoffIn({ to, skewMs }: { to: string; skewMs: number }) {
  const { t } = useTranslation();
  const left = () => Math.max(0, new Date(to).getTime() - (Date.now() + skewMs));
  const [ms, setMs] = useState(left);
  useEffect(() => {
    setMs(left());
    const id = setInterval(() => setMs(left()), 1000);
    return () => clearInterval(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [to, skewMs]);
  if (ms === 0) return <span className="hc-ended">{t('shopGroupbuy.homeEnded')}</span>;
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86400);
  return (
    <span className="hc-countdown" data-testid="home-campaign-countdown" data-left-s={s}>
      {t('shopGroupbuy.homeEndsIn')} {days > 0 && t('shopGroupbuy.days', { n: days })}
      <span className="num">{pad(Math.floor((s % 86400) / 3600))}:{pad(Math.floor((s % 3600) / 60))}:{pad(s % 60)}</span>
    </span>
  );
}

function Card({ c, skewMs }: { c: ShopCampaignCard; skewMs: number }) {
  const { t } = useTranslation();
  const { href } = useShop();
  const nav = useNavigate();
  const main = c.items[0]!;
  const now = Math.min(...c.items.map((i) => i.currentPriceFen));
  // the best ladder tier still ahead ("满 10 份低至 ¥32.90"), when cheaper than today's price
  const best = c.items.flatMap((i) => i.tiers).filter((x) => x.priceFen < now).sort((a, b) => a.priceFen - b.priceFen)[0];
  const p = c.progress;
  const joined = p.minKind === 'buyers' ? p.buyers : p.qty;
  const unit = t(`shopGroupbuy.unit.${p.minKind}`);
  return (
    <button type="button" className="hc-card" onClick={() => nav(href(`/c/${c.id}`))} data-testid={`home-campaign-${c.id}`}>
      <div className="hc-top">
        {main.imageUrl ? <img className="hc-img" src={main.imageUrl} alt="" loading="lazy" /> : <div className="hc-img hc-img-empty">{main.productName.slice(0, 1)}</div>}
        <div className="hc-body">
          <div className="hc-title">{c.title}</div>
          <div className="m-muted hc-sub">
            {main.productName} {main.spec}
            {c.items.length > 1 && ` · ${t('shopGroupbuy.homeItems', { n: c.items.length })}`}
          </div>
          <div className="hc-price">
            <Price fen={now} size={18} />
            <span className="p-unit">/{main.unit}</span>
            {now < main.priceFen && <s className="m-muted"><Price fen={main.priceFen} size={11} /></s>}
          </div>
          {best && (
            <div className="hc-tier" data-testid="home-campaign-tier">
              {t('shopGroupbuy.homeLowest', { n: best.minQty })} <Price fen={best.priceFen} size={12} />
            </div>
          )}
        </div>
      </div>
      <div className="hc-progress" data-testid="home-campaign-progress" data-joined={joined} data-goal={p.minValue} data-reached={p.reached}>
        <div className="hc-progress-row">
          <span>{t(p.minKind === 'buyers' ? 'shopGroupbuy.homeJoined' : 'shopGroupbuy.homeQty', { n: joined })}</span>
          {p.minValue > 0 && (p.reached ? <span className="hc-reached">{t('shopGroupbuy.reached')}</span> : <span className="hc-need">{t('shopGroupbuy.need', { n: p.minValue - joined, unit })}</span>)}
        </div>
        {p.minValue > 0 && (
          <ProgressBar percent={Math.min(100, Math.round((joined / p.minValue) * 100))} style={{ '--track-width': '6px', '--fill-color': p.reached ? '#52c41a' : '#fa541c' }} />
        )}
      </div>
      <CutoffIn to={c.cutoffAt} skewMs={skewMs} />
    </button>
  );
}

/** 正在接龙 on the shop home: the store's open campaigns as cards, each opening its 接龙 page. */
export function CampaignStrip() {
  const { t } = useTranslation();
  const { slug } = useShop();
  const gb = useMemo(() => shopGroupbuyApi(slug), [slug]);
  const list = useApi((signal) => gb.list(signal), [gb]);
  const { reload } = list;
  useEffect(() => {
    const id = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(id);
  }, [reload]);
  // server clock − this phone's, taken when the list arrived (a phone's clock may be minutes off)
  const skewMs = useMemo(() => (list.data ? new Date(list.data.now).getTime() - Date.now() : 0), [list.data]);
  const campaigns = list.data?.campaigns ?? [];
  if (campaigns.length === 0) return null;
  return (
    <section className="hc-strip" data-testid="home-campaigns">
      <div className="hc-head">{t('shopGroupbuy.homeTitle')} · {campaigns.length}</div>
      <div className="hc-row">
        {campaigns.map((c) => <Card key={c.id} c={c} skewMs={skewMs} />)}
      </div>
    </section>
  );
}
