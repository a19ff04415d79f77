/** How a live show can be played in this browser, cheapest latency first. */
export type EngineKind = 'flv' | 'hls' | 'native-hls';

export interface PlaybackCaps {
  /** MediaSource (or iOS 17's ManagedMediaSource) that takes H.264/AAC: mpegts.js and hls.js work */
  mse: boolean;
  /** fetch with a readable body: mpegts.js streams HTTP-FLV with it */
  streamingFetch: boolean;
  /** the <video> plays an m3u8 itself (Safari, iOS) */
  nativeHls: boolean;
  /** iOS / iPadOS: native HLS is the player Apple tunes (background audio, AirPlay, battery) */
  ios: boolean;
}

const AVC_AAC = 'video/mp4; codecs="avc1.42E01E,mp4a.40.2"';

export function detectCaps(video: HTMLVideoElement, w: Window = window): PlaybackCaps {
  const win = w as Window & { MediaSource?: typeof MediaSource; ManagedMediaSource?: typeof MediaSource; ReadableStream?: unknown };
  const ms = win.MediaSource ?? win.ManagedMediaSource;
  const ua = w.navigator.userAgent;
  return {
    mse: !!ms && typeof ms.isTypeSupported === 'function' && ms.isTypeSupported(AVC_AAC),
    streamingFetch: typeof w.fetch === 'function' && typeof win.ReadableStream === 'function',
    nativeHls: video.canPlayType('application/vnd.apple.mpegurl') !== '',
    ios: /iP(hone|ad|od)/.test(ua) || (/Macintosh/.test(ua) && w.navigator.maxTouchPoints > 1),
  };
}

/**
 * The engines to try, best first. HTTP-FLV through mpegts.js has the lowest lag (no segments);
 * hls.js when FLV cannot run or failed on this device; native HLS on iOS (first) and as the
 * last resort. An engine that failed with a media (decode/MSE) error is not tried again.
 */
export function engineOrder(
  caps: PlaybackCaps,
  urls: { flvUrl: string | null; hlsUrl: string | null },
  mediaFailed: ReadonlySet<EngineKind> = new Set(),
  forced: EngineKind | null = null,
): EngineKind[] {
  const order: EngineKind[] = [];
  if (forced === 'flv' && caps.mse && caps.streamingFetch && urls.flvUrl) order.push('flv');
  if (forced === 'hls' && caps.mse && urls.hlsUrl) order.push('hls');
  if (forced === 'native-hls' && caps.nativeHls && urls.hlsUrl) order.push('native-hls');
  if (caps.ios && caps.nativeHls && urls.hlsUrl) order.push('native-hls');
  if (caps.mse && caps.streamingFetch && urls.flvUrl) order.push('flv');
  if (caps.mse && urls.hlsUrl) order.push('hls');
  if (caps.nativeHls && urls.hlsUrl && !order.includes('native-hls')) order.push('native-hls');
  return [...new Set(order)].filter((k) => !mediaFailed.has(k));
}

/**
 * `?player=hls|flv|native-hls` on the page puts that engine first: support asks a neighbour
 * whose network breaks one of them to try the other, and the video-lag bench compares them.
 */
export function forcedEngine(search: string): EngineKind | null {
  const v = new URLSearchParams(search).get('player');
  return v === 'flv' || v === 'hls' || v === 'native-hls' ? v : null;
}

/**
 * Which engine the n-th consecutive attempt uses: the best one twice (a host reconnecting is
 * back within seconds); after that (the stream keeps failing) the others take turns, so a
 * network that breaks long-lived FLV responses still ends on HLS.
 */
export function engineForAttempt(order: readonly EngineKind[], attempt: number): EngineKind | null {
  if (order.length === 0) return null;
  if (attempt < 2) return order[0]!;
  return order[(attempt - 1) % order.length]!;
}

/** Delay before reconnect attempt n (0-based): 0.5 s doubling to 8 s, ±20 % jitter so viewers spread. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(500 * 2 ** attempt, 8_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}
