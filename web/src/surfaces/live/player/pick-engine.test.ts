import { describe, expect, it } from 'vitest';
import { engineForAttempt, engineOrder, forcedEngine, reconnectDelayMs, type PlaybackCaps } from './pick-engine.js';

const chrome: PlaybackCaps = { mse: true, streamingFetch: true, nativeHls: false, ios: false };
const desktopSafari: PlaybackCaps = { mse: true, streamingFetch: true, nativeHls: true, ios: false };
const oldIos: PlaybackCaps = { mse: false, streamingFetch: true, nativeHls: true, ios: true };
const ios17: PlaybackCaps = { mse: true, streamingFetch: true, nativeHls: true, ios: true };
const both = { flvUrl: '/media/shows/s.flv', hlsUrl: '/media/shows/s/index.m3u8' };

describe('which engine plays the show', () => {
  it('FLV first where MSE exists, hls.js as the fallback', () => {
    expect(engineOrder(chrome, both)).toEqual(['flv', 'hls']);
    expect(engineOrder(desktopSafari, both)).toEqual(['flv', 'hls', 'native-hls']);
  });
  it('iPhones play the HLS rendition natively; without it they still try FLV through ManagedMediaSource', () => {
    expect(engineOrder(oldIos, both)).toEqual(['native-hls']);
    expect(engineOrder(ios17, both)[0]).toBe('native-hls');
    expect(engineOrder(ios17, { ...both, hlsUrl: null })).toEqual(['flv']);
  });
  it('no HLS rendition (server without ffmpeg): FLV only; no MSE either: nothing to play', () => {
    expect(engineOrder(chrome, { ...both, hlsUrl: null })).toEqual(['flv']);
    expect(engineOrder(oldIos, { ...both, hlsUrl: null })).toEqual([]);
  });
  it('an engine that failed to decode is not tried again', () => {
    expect(engineOrder(chrome, both, new Set(['flv']))).toEqual(['hls']);
  });
  it('?player=hls puts hls.js first', () => {
    expect(forcedEngine('?player=hls')).toBe('hls');
    expect(forcedEngine('?player=bogus')).toBeNull();
    expect(engineOrder(chrome, both, new Set(), 'hls')).toEqual(['hls', 'flv']);
  });
  it('network failures retry the best engine twice, then take turns', () => {
    const turns = [0, 1, 2, 3, 4, 5].map((n) => engineForAttempt(['flv', 'hls'], n));
    expect(turns).toEqual(['flv', 'flv', 'hls', 'flv', 'hls', 'flv']);
    expect(engineForAttempt([], 0)).toBeNull();
  });
  it('backoff doubles from 0.5 s to at most 8 s, jittered ±20 %', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => reconnectDelayMs(n, () => 0.5))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(reconnectDelayMs(0, () => 0)).toBe(400);
    expect(reconnectDelayMs(10, () => 1)).toBe(9600);
  });
});
