import { Button } from 'antd-mobile';
import { BellOutline, VideoOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import type { RoomState } from '../../../api/live.js';
import { useLang } from '../../../i18n/index.js';
import { formatTime } from '../../../lib/time.js';
import { PlayerSlot } from './PlayerSlot.js';

/** The top of the room: the live player, "starts at …" with a reminder, or the replay. */
export function RoomVideo({ room, onRemind, reminding }: { room: RoomState; onRemind(): void; reminding: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { show, playback } = room;
  if (show.status === 'live' && playback) {
    return <div className="lv-video"><PlayerSlot flvUrl={playback.flvUrl} hlsUrl={playback.hlsUrl} poster={show.coverImageUrl ?? undefined} /></div>;
  }
  if (show.status === 'ended') {
    return (
      <div className="lv-video" data-testid="live-replay">
        {room.replayUrl ? (
          <video src={room.replayUrl} controls playsInline className="lv-video-el" />
        ) : (
          <div className="lv-video-msg"><VideoOutline fontSize={40} /><div>{t('live.room.ended')}</div></div>
        )}
      </div>
    );
  }
  const reminded = room.me.reminded;
  return (
    <div className="lv-video" data-testid="live-waiting" style={show.coverImageUrl ? { backgroundImage: `url(${show.coverImageUrl})` } : undefined}>
      <div className="lv-video-msg">
        <VideoOutline fontSize={40} />
        <div className="lv-video-title">
          {show.status === 'live' ? t('live.room.reconnecting') : show.scheduledAt ? t('live.room.startsAt', { time: formatTime(show.scheduledAt, lang) }) : t('live.room.notStarted')}
        </div>
        {show.status === 'scheduled' && (
          <Button size="small" shape="rounded" color="primary" disabled={reminded} loading={reminding} onClick={onRemind} data-testid="live-remind">
            <BellOutline /> {reminded ? t('live.room.reminded') : t('live.room.remindMe')}
          </Button>
        )}
      </div>
    </div>
  );
}
