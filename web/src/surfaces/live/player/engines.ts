import type { EngineKind } from './pick-engine.js';

type Mpegts = (typeof import('mpegts.js'))['default'];

/** One attached playback engine on the <video>; `destroy` detaches it and frees its buffers. */
export interface Engine {
  kind: EngineKind;
  destroy(): void;
  /** decoder figures when the engine has them */
  stats(): { decodedFrames?: number; droppedFrames?: number; speedKBps?: number };
}

/**
 * Why an engine gave up. `media`: this browser cannot decode it this way (try another engine);
 * `network`: the request failed or timed out; `ended`: the stream closed (the host stopped or
 * is reconnecting) — both of the latter reconnect with backoff.
 */
export type EngineFailure = 'media' | 'network' | 'ended';
export type OnFailure = (why: EngineFailure, detail: string) => void;

/** the browser's own counters (Chromium, Safari, Firefox all have getVideoPlaybackQuality) */
function videoQuality(video: HTMLVideoElement) {
  const q = video.getVideoPlaybackQuality?.();
  return q ? { decodedFrames: q.totalVideoFrames, droppedFrames: q.droppedVideoFrames } : {};
}

/**
 * HTTP-FLV through mpegts.js (transmuxed to fMP4 into MSE). Latency chasing: no IO stash; when
 * more than 0.7 s is buffered ahead (a viewer joins on the server's cached GOP, up to one
 * keyframe interval old) it plays at 1.15× until 0.35 s is left (liveSync); above 2 s (a stall,
 * a background tab) it seeks (liveBufferLatencyChasing); old buffer is released as it plays.
 */
export async function startFlv(video: HTMLVideoElement, url: string, onFailure: OnFailure): Promise<Engine> {
  // a UMD bundle: bundlers hand its module.exports over as `default`
  const mod = (await import('mpegts.js')) as unknown as { default: Mpegts & { default?: Mpegts } };
  const mpegts = mod.default.default ?? mod.default;
  // failures reach the page through onFailure (and onStats.lastError), not the console
  mpegts.LoggingControl.applyConfig({ enableAll: false, enableError: false, enableWarn: false, enableInfo: false, enableDebug: false, enableVerbose: false });
  const player = mpegts.createPlayer(
    // tracks from the FLV header: a phone app may stream without a microphone
    { type: 'flv', isLive: true, url },
    {
      isLive: true,
      enableWorker: false,
      enableStashBuffer: false,
      stashInitialSize: 128 * 1024,
      lazyLoad: false,
      liveSync: true,
      liveSyncMaxLatency: 0.7,
      liveSyncTargetLatency: 0.35,
      liveSyncPlaybackRate: 1.15,
      liveBufferLatencyChasing: true,
      liveBufferLatencyChasingOnPaused: true,
      liveBufferLatencyMaxLatency: 2.0,
      liveBufferLatencyMinRemain: 0.4,
      autoCleanupSourceBuffer: true,
      autoCleanupMaxBackwardDuration: 20,
      autoCleanupMinBackwardDuration: 10,
    },
  );
  let speed = 0;
  player.on(mpegts.Events.STATISTICS_INFO, (s: { speed?: number }) => (speed = s.speed ?? 0));
  player.on(mpegts.Events.ERROR, (type: string, detail: string) => {
    onFailure(type === mpegts.ErrorTypes.MEDIA_ERROR ? 'media' : 'network', `${type}: ${detail}`);
  });
  // the server ends the response when the publisher leaves
  player.on(mpegts.Events.LOADING_COMPLETE, () => onFailure('ended', 'flv stream closed'));
  player.attachMediaElement(video);
  player.load();
  return {
    kind: 'flv',
    destroy() {
      try {
        player.pause();
        player.unload();
        player.detachMediaElement();
      } finally {
        player.destroy();
      }
    },
    stats: () => ({ ...videoQuality(video), speedKBps: Math.round(speed) }),
  };
}

/** HLS through hls.js (browsers with MSE when FLV is not possible), kept near the live edge. */
export async function startHls(video: HTMLVideoElement, url: string, onFailure: OnFailure): Promise<Engine> {
  // the light build: no subtitles, alternate audio or DRM (a live room needs none of them)
  const { default: Hls } = await import('hls.js/light');
  const hls = new Hls({
    lowLatencyMode: true,
    liveSyncDurationCount: 2,
    liveMaxLatencyDurationCount: 5,
    maxLiveSyncPlaybackRate: 1.2,
    backBufferLength: 10,
    manifestLoadingMaxRetry: 2,
    levelLoadingMaxRetry: 3,
  });
  let mediaRecoveries = 0;
  hls.on(Hls.Events.ERROR, (_e, data) => {
    if (!data.fatal) return;
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR && mediaRecoveries++ < 1) return hls.recoverMediaError();
    onFailure(data.type === Hls.ErrorTypes.MEDIA_ERROR ? 'media' : 'network', `${data.type}: ${data.details}`);
  });
  const ended = () => onFailure('ended', 'hls playlist ended');
  video.addEventListener('ended', ended);
  hls.loadSource(url);
  hls.attachMedia(video);
  return {
    kind: 'hls',
    destroy() {
      video.removeEventListener('ended', ended);
      hls.destroy();
    },
    stats: () => videoQuality(video),
  };
}

/** The <video>'s own HLS (iOS Safari; the last resort elsewhere). */
export function startNativeHls(video: HTMLVideoElement, url: string, onFailure: OnFailure): Engine {
  const error = () => onFailure('network', `native hls: ${video.error?.message ?? video.error?.code ?? 'error'}`);
  const ended = () => onFailure('ended', 'native hls ended');
  video.addEventListener('error', error);
  video.addEventListener('ended', ended);
  video.src = url;
  video.load();
  return {
    kind: 'native-hls',
    destroy() {
      video.removeEventListener('error', error);
      video.removeEventListener('ended', ended);
      video.removeAttribute('src');
      video.load();
    },
    stats: () => videoQuality(video),
  };
}

export function startEngine(kind: EngineKind, video: HTMLVideoElement, urls: { flvUrl: string | null; hlsUrl: string | null }, onFailure: OnFailure): Promise<Engine> {
  if (kind === 'flv') return startFlv(video, urls.flvUrl!, onFailure);
  if (kind === 'hls') return startHls(video, urls.hlsUrl!, onFailure);
  return Promise.resolve(startNativeHls(video, urls.hlsUrl!, onFailure));
}
