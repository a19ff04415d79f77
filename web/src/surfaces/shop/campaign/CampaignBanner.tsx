import { useTranslation } from 'react-i18next';
import type { PublicCampaignView } from '../../../api/shop-groupbuy.js';
import { CampaignProgress } from './CampaignProgress.js';
import { Countdown } from './Countdown.js';

/** what the page says about the campaign's state once joining is over (or before it starts) */
function stateOf(v: PublicCampaignView, beforeOpen: boolean, pastCutoff: boolean): 'soon' | 'open' | 'deciding' | 'formed' | 'failed' | 'cancelled' {
  if (v.status === 'formed' || v.status === 'failed' || v.status === 'cancelled') return v.status;
  if (v.status === 'closed' || pastCutoff) return 'deciding';
  return beforeOpen ? 'soon' : 'open';
}

/** Title, the countdown to the cut-off (or to the opening), pickup date and 成团 progress. */
export function CampaignBanner({ view: v, skewMs, beforeOpen, pastCutoff, onZero }: {
  view: PublicCampaignView; skewMs: number; beforeOpen: boolean; pastCutoff: boolean; onZero(): void;
}) {
  const { t } = useTranslation();
  const state = stateOf(v, beforeOpen, pastCutoff);
  return (
    <div className={`c-banner ${state}`} data-testid="campaign-banner" data-state={state}>
      <div className="c-title" data-testid="campaign-title">{v.title}</div>
      {v.description && <div className="c-desc">{v.description}</div>}
      {state === 'open' && <Countdown to={v.cutoffAt} skewMs={skewMs} label={t('shopGroupbuy.endsIn')} onZero={onZero} />}
      {state === 'soon' && <Countdown to={v.openAt} skewMs={skewMs} label={t('shopGroupbuy.startsIn')} onZero={onZero} />}
      {state !== 'open' && state !== 'soon' && (
        <div className="c-state" data-testid="campaign-state">
          <div className="c-state-title">{t(`shopGroupbuy.state.${state}`)}</div>
          <div className="c-state-hint">{t(`shopGroupbuy.stateHint.${state}`, { date: v.pickupDate })}</div>
        </div>
      )}
      {(state === 'open' || state === 'soon' || state === 'deciding') && <div className="c-pickup">{t('shopGroupbuy.pickupOn', { date: v.pickupDate })}</div>}
      <div className="c-banner-card">
        <CampaignProgress progress={v.progress} decided={state === 'formed' || state === 'failed' || state === 'cancelled'} />
      </div>
    </div>
  );
}
