import { useCallback, useRef, useState, type CSSProperties } from 'react';
import { SpinLoading } from 'antd-mobile';
import { SoundMuteOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { useLivePlayback, type LivePlayerStats } from './use-live-playback.js';

export type { LivePlayerStats } from './use-live-playback.js';
export type { EngineKind } from './pick-engine.js';

export interface LivePlayerProps {
  /** HTTP-FLV of the show (same origin, `/media/shows/<id>.flv`); null while not on air */
  flvUrl: string | null;
  /** HLS rendition when the server has ffmpeg; null otherwise */
  hlsUrl: string | null;
  /** once a second: engine, state, buffer, frames (the host console shows them; the lag bench reads them) */
  onStats?: (s: LivePlayerStats) => void;
  poster?: string;
  style?: CSSProperties;
}

const overlay: CSSProperties = {
  position: 'absolute', inset: 0, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center',
  gap: 8, color: '#fff', background: 'rgba(0,0,0,.35)', fontSize: 14, border: 0, width: '100%',
};
const pill: CSSProperties = {
  position: 'absolute', left: 12, bottom: 12, display: 'flex', alignItems: 'center', gap: 6, padding: '6px 12px',
  borderRadius: 16, border: 0, background: 'rgba(0,0,0,.55)', color: '#fff', fontSize: 13, zIndex: 2,
};

/**
 * The live room's video: HTTP-FLV (mpegts.js) with latency chasing where MSE exists, hls.js or
 * native HLS otherwise, reconnecting with backoff when the stream drops. Starts muted (browsers
 * allow only muted autoplay) with a tap-to-unmute pill. The engines are separate chunks, loaded
 * only when a show plays, so the page's first load stays small.
 */
export function LivePlayer({ flvUrl, hlsUrl, onStats, poster, style }: LivePlayerProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [muted, setMuted] = useState(true);
  const [blocked, setBlocked] = useState(false);
  const onBlocked = useCallback(() => setBlocked(true), []);
  const { state, engine } = useLivePlayback(videoRef, flvUrl, hlsUrl, { onStats, onBlocked });

  // a tap is a user gesture: the browser now lets it play with sound
  const unmute = () => {
    const v = videoRef.current;
    if (!v) return;
    v.muted = false;
    setMuted(false);
    setBlocked(false);
    void v.play()?.catch(() => {
      v.muted = true;
      setMuted(true);
    });
  };

  return (
    <div data-testid="live-player" data-state={state} data-engine={engine ?? ''} style={{ position: 'relative', background: '#000', width: '100%', height: '100%', overflow: 'hidden', ...style }}>
      <video
        ref={videoRef}
        data-testid="live-video"
        muted={muted}
        autoPlay
        playsInline
        poster={poster}
        disablePictureInPicture
        style={{ width: '100%', height: '100%', objectFit: 'contain', display: 'block' }}
      />
      {(state === 'connecting' || state === 'reconnecting') && !blocked && (
        <div style={overlay} data-testid="live-player-wait">
          <SpinLoading color="white" />
          <span>{t(state === 'connecting' ? 'livePlayer.connecting' : 'livePlayer.reconnecting')}</span>
        </div>
      )}
      {(state === 'offline' || state === 'unsupported') && (
        <div style={overlay} data-testid="live-player-offline">
          <span>{t(state === 'offline' ? 'livePlayer.offline' : 'livePlayer.unsupported')}</span>
        </div>
      )}
      {blocked ? (
        <button type="button" style={overlay} data-testid="live-play" onClick={unmute}>
          <span style={{ fontSize: 40 }}>▶</span>
          <span>{t('livePlayer.tapToPlay')}</span>
        </button>
      ) : (
        muted && state === 'playing' && (
          <button type="button" style={pill} data-testid="live-unmute" onClick={unmute}>
            <SoundMuteOutline fontSize={16} />
            {t('livePlayer.tapToUnmute')}
          </button>
        )
      )}
    </div>
  );
}

export default LivePlayer;
