import { useTranslation } from 'react-i18next';
import type { TickerLine } from '../../../api/live.js';

/** "张** 抢到 2 × 阳光玫瑰": the newest purchase, sliding in (`what` may already start with 抢到). */
export function Ticker({ lines }: { lines: TickerLine[] }) {
  const { t } = useTranslation();
  const last = lines.at(-1);
  if (!last) return null;
  return (
    <div className="lv-ticker" data-testid="live-ticker" key={`${last.at}-${last.who}`}>
      {t('live.room.tickerLine', { who: last.who, qty: last.qty, what: last.what.replace(/^抢到\s*/, '') })}
    </div>
  );
}
