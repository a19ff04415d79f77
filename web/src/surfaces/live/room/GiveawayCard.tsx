import { useState } from 'react';
import { Button } from 'antd-mobile';
import { StarOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import type { Giveaway } from '../../../api/live.js';
import { useKeyedAction } from '../../../lib/use-keyed-action.js';
import { toastError } from './toast.js';
import { mmss, useSecondsLeft } from './use-seconds-left.js';

/** 福袋: enter while it is open (no purchase needed); the winner is drawn among those still watching. */
export function GiveawayCard({ g, entered: enteredBefore, enter }: { g: Giveaway; entered: boolean; enter(key: string): Promise<unknown> }) {
  const { t } = useTranslation();
  const left = useSecondsLeft(g.endsAt);
  const [entered, setEntered] = useState(enteredBefore);
  const action = useKeyedAction(g.giveawayId, toastError);
  const onEnter = async () => {
    if ((await action.run(enter)).ok) setEntered(true);
  };
  return (
    <div className="lv-gift lv-giveaway" data-testid="live-giveaway-card" data-giveaway-id={g.giveawayId} data-status={g.status}>
      <StarOutline className="lv-gift-icon" />
      <div className="lv-gift-body">
        <div className="lv-gift-title">{t('live.room.giveaway', { prize: g.prize })}</div>
        <div className="lv-gift-sub">
          {g.status === 'drawn' ? (
            <span data-testid="live-giveaway-winner">{g.winner ? t('live.room.winner', { who: g.winner }) : t('live.room.noWinner')}</span>
          ) : g.status === 'cancelled' ? (
            t('live.room.giveawayCancelled')
          ) : (
            <span data-testid="live-giveaway-entrants" data-entrants={g.entrants}>
              {t('live.room.giveawayOpen', { n: g.entrants, time: mmss(left) })}
            </span>
          )}
        </div>
      </div>
      {g.status === 'open' && (
        <Button size="mini" shape="rounded" color="warning" disabled={entered || left === 0} loading={action.busy} onClick={() => void onEnter()} data-testid="live-giveaway-enter">
          {entered ? t('live.room.entered') : t('live.room.enter')}
        </Button>
      )}
    </div>
  );
}
