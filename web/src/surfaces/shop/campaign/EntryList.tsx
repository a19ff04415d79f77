import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../../api/shop-groupbuy.js';
import { useLang } from '../../../i18n/index.js';
import { formatClock } from '../../../lib/time.js';

/** The 接龙 list: "1. 张** 2份" for others (masked by the server), my own line in full and marked 我. */
export function EntryList({ entries, live }: { entries: EntryView[]; live: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div className="m-card" data-testid="campaign-entries" data-count={entries.length}>
      <div className="c-section-title">
        {t('shopGroupbuy.listTitle', { n: entries.length })}
        <span className={`c-live${live ? ' on' : ''}`} data-testid="campaign-live">{live ? t('shopGroupbuy.live') : t('shopGroupbuy.offline')}</span>
      </div>
      {entries.length === 0 && <div className="m-muted c-empty">{t('shopGroupbuy.listEmpty')}</div>}
      <ol className="c-entries">
        {entries.map((e, i) => (
          <li key={e.seq} className={`c-entry${e.mine ? ' mine' : ''}`} data-testid="campaign-entry" data-seq={e.seq} data-mine={e.mine}>
            <span className="c-entry-no num">{i + 1}</span>
            <span className="c-entry-who">{e.who}{e.mine && <span className="c-me">{t('shopGroupbuy.me')}</span>}</span>
            <span className="c-entry-what">{e.summary}</span>
            <span className="c-entry-at m-muted num">{formatClock(e.at, lang)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
