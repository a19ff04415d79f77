import { ProgressBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { PublicCampaignView } from '../../../api/shop-groupbuy.js';

/** 成团 progress: buyers (or portions) joined against the minimum; never padded with fake joiners. */
export function CampaignProgress({ progress, decided }: { progress: PublicCampaignView['progress']; decided: boolean }) {
  const { t } = useTranslation();
  const joined = progress.minKind === 'buyers' ? progress.buyers : progress.qty;
  const goal = progress.minValue;
  const unit = t(`shopGroupbuy.unit.${progress.minKind}`);
  const percent = goal > 0 ? Math.min(100, Math.round((joined / goal) * 100)) : 100;
  return (
    <div className="c-progress" data-testid="campaign-progress" data-joined={joined} data-goal={goal} data-reached={progress.reached}>
      <div className="c-progress-row">
        <span>
          {t('shopGroupbuy.joinedCount', { n: progress.buyers })}
          {progress.minKind === 'qty' && <span className="m-muted"> · {t('shopGroupbuy.qtyCount', { n: progress.qty })}</span>}
        </span>
        {goal > 0 && !(decided && !progress.reached) && (
          progress.reached
            ? <span className="c-reached">{t('shopGroupbuy.reached')}</span>
            : <span className="c-need">{t('shopGroupbuy.need', { n: goal - joined, unit })}</span>
        )}
      </div>
      {goal > 0 ? (
        <>
          <ProgressBar percent={percent} style={{ '--track-width': '10px', '--fill-color': progress.reached ? '#52c41a' : '#fa541c' }} />
          <div className="m-muted" style={{ marginTop: 4 }}>{t('shopGroupbuy.goal', { n: goal, unit })}</div>
        </>
      ) : (
        <div className="m-muted">{t('shopGroupbuy.noGoal')}</div>
      )}
    </div>
  );
}
