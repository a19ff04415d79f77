import { useEffect, useRef, useState, type RefObject } from 'react';
import { startEngine, type Engine, type EngineFailure } from './engines.js';
import { detectCaps, engineForAttempt, engineOrder, forcedEngine, reconnectDelayMs, type EngineKind } from './pick-engine.js';

/**
 * connecting: first load; playing: the picture moves; reconnecting: the stream dropped (the host's
 * network, a proxy) and we retry with backoff; offline: no URL to play; unsupported: every
 * engine this browser has failed to decode it.
 */
export type PlaybackState = 'connecting' | 'playing' | 'reconnecting' | 'offline' | 'unsupported';

export interface LivePlayerStats {
  engine: EngineKind | null;
  state: PlaybackState;
  currentTime: number;
  /** seconds buffered ahead of the playhead (what latency chasing keeps small) */
  bufferSec: number;
  decodedFrames?: number;
  droppedFrames?: number;
  speedKBps?: number;
  reconnects: number;
  lastError: string | null;
}

/** no progress for this long while playing: the connection is dead even if it is still open */
const STALL_MS = 6_000;
/** a (re)connection that shows no picture in this time is given up and retried */
const CONNECT_TIMEOUT_MS = 12_000;
const TICK_MS = 500;

function bufferAhead(video: HTMLVideoElement): number {
  const b = video.buffered;
  return b.length ? Math.max(0, b.end(b.length - 1) - video.currentTime) : 0;
}

/**
 * Plays a live show on `videoRef` with the best engine this browser has (see engineOrder),
 * watches that the picture keeps moving, and reconnects with backoff when the stream ends,
 * fails or stalls. `onBlocked` is called when even muted autoplay was refused.
 */
export function useLivePlayback(
  videoRef: RefObject<HTMLVideoElement | null>,
  flvUrl: string | null,
  hlsUrl: string | null,
  o: { onStats?: (s: LivePlayerStats) => void; onBlocked: () => void },
): { state: PlaybackState; engine: EngineKind | null } {
  const [state, setState] = useState<PlaybackState>('connecting');
  const [engine, setEngine] = useState<EngineKind | null>(null);
  const callbacks = useRef(o);
  useEffect(() => {
    callbacks.current = o;
  });

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const caps = detectCaps(video);
    const forced = forcedEngine(window.location.search);
    const urls = { flvUrl, hlsUrl };
    const mediaFailed = new Set<EngineKind>();
    let current: Engine | null = null;
    let gen = 0;
    let attempt = 0;
    let reconnects = 0;
    let playing = false;
    let lastError: string | null = null;
    let retry: number | undefined;
    let lastTime = -1;
    let lastAdvance = performance.now();
    let lastStats = 0;
    let disposed = false;
    let phase: PlaybackState = 'connecting';
    const set = (s: PlaybackState) => {
      phase = s;
      setState(s);
    };

    const teardown = () => {
      const e = current;
      current = null;
      playing = false;
      try {
        e?.destroy();
      } catch {
        // a half-attached engine may throw on detach; the next one attaches afresh
      }
    };

    const failed = (kind: EngineKind, why: EngineFailure, detail: string) => {
      gen++;
      teardown();
      lastError = detail;
      if (why === 'media') {
        mediaFailed.add(kind);
        attempt = 0;
      }
      set('reconnecting');
      const delay = why === 'media' ? 0 : reconnectDelayMs(attempt);
      attempt++;
      reconnects++;
      retry = window.setTimeout(() => void connect(), delay);
    };

    const connect = async () => {
      retry = undefined;
      if (disposed) return;
      const kind = engineForAttempt(engineOrder(caps, urls, mediaFailed, forced), attempt);
      setEngine(kind);
      if (!kind) {
        set(mediaFailed.size ? 'unsupported' : 'offline');
        return;
      }
      const my = ++gen;
      set(reconnects === 0 ? 'connecting' : 'reconnecting');
      lastTime = -1;
      lastAdvance = performance.now();
      try {
        const e = await startEngine(kind, video, urls, (why, detail) => {
          if (my === gen) failed(kind, why, detail);
        });
        if (disposed || my !== gen) return e.destroy();
        current = e;
        video.play()?.catch((err: unknown) => {
          if (my === gen && (err as Error)?.name === 'NotAllowedError') callbacks.current.onBlocked();
        });
      } catch (err) {
        // the engine's chunk did not load (network) or it refused the URL
        if (my === gen) failed(kind, 'network', (err as Error)?.message ?? String(err));
      }
    };

    const tick = window.setInterval(() => {
      const at = performance.now();
      if (current && !video.paused) {
        const t = video.currentTime;
        if (lastTime >= 0 && t > lastTime) {
          lastAdvance = at;
          if (!playing) {
            playing = true;
            attempt = 0;
            set('playing');
          }
        }
        lastTime = t;
        if (at - lastAdvance > (playing ? STALL_MS : CONNECT_TIMEOUT_MS)) failed(current.kind, 'network', 'no picture (stalled)');
      } else if (current && video.paused) {
        lastAdvance = at; // paused by autoplay policy: not a stall
      }
      const cb = callbacks.current.onStats;
      if (cb && at - lastStats >= 1_000) {
        lastStats = at;
        cb({
          engine: current?.kind ?? null,
          state: phase,
          currentTime: video.currentTime,
          bufferSec: bufferAhead(video),
          ...(current?.stats() ?? {}),
          reconnects,
          lastError,
        });
      }
    }, TICK_MS);

    void connect();
    return () => {
      disposed = true;
      gen++;
      window.clearInterval(tick);
      if (retry !== undefined) window.clearTimeout(retry);
      teardown();
    };
  }, [videoRef, flvUrl, hlsUrl]);

  return { state, engine };
}
