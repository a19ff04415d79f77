import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phoneContext, shot, watchPage } from './harness/browser.js';
import { pushTestPattern, requireFfmpeg, rtmpListening, type Encoder } from './harness/ffmpeg.js';
import { until } from './harness/api-people.js';
import { ApiClient, sleep, startLinli, type LinliServer } from './harness/server.js';

/**
 * The live player on a phone's terms, with a real encoder (ffmpeg → RTMP → Linli):
 * - Chromium with a phone's autoplay policy (`--autoplay-policy=document-user-activation-required`:
 *   sound needs a tap, muted autoplay is allowed) — the room starts the show muted with a
 *   点击开启声音 pill, never a black box; one tap gives sound and the picture keeps moving;
 * - the iPhone path: no MediaSource (removed before the page loads), so the player takes native
 *   HLS — this Chromium plays HLS itself (`canPlayType('application/vnd.apple.mpegurl')` is
 *   "maybe") — and the video plays from the HLS rendition.
 * Screenshots: artifacts/screenshots/live-player-*.png.
 */
const SLUG = 'xiangkou';
interface Current { show: { id: string } | null; playback: { flvUrl: string; hlsUrl: string | null } | null }

let server: LinliServer;
let browser: Browser;
let host: Encoder | undefined;
let showId: string;

const video = (p: Page) =>
  p.locator('[data-testid=live-video]').evaluate((v: HTMLVideoElement) => ({ t: v.currentTime, ready: v.readyState, paused: v.paused, muted: v.muted, src: v.currentSrc }));

/** the picture moves: at least `min` s of video in ~`wallMs` of wall time */
async function advances(p: Page, min: number, wallMs = 3_000): Promise<number> {
  const a = await video(p);
  await sleep(wallMs);
  const b = await video(p);
  expect(b.paused).toBe(false);
  expect(b.t - a.t).toBeGreaterThanOrEqual(min);
  return b.t - a.t;
}

interface Probe { sound: string; plays: Array<{ muted: boolean; activated: boolean; result: string }> }

/** Runs in the page before its scripts (no user gesture yet). */
function soundProbe(): void {
  const w = window as unknown as { __autoplay: Probe };
  w.__autoplay = { sound: 'pending', plays: [] };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    const note = { muted: this.muted, activated: navigator.userActivation?.hasBeenActive ?? false, result: 'pending' };
    if (this.dataset.probe !== 'tone') w.__autoplay.plays.push(note);
    const r = play.call(this);
    r.then(() => (note.result = 'ok'), (e: Error) => (note.result = e.name));
    return r;
  };
  // 0.2 s of a 440 Hz tone as a WAV: played with sound, before any tap
  const rate = 8000;
  const n = rate / 5;
  const buf = new DataView(new ArrayBuffer(44 + n));
  const str = (o: number, t: string) => [...t].forEach((c, i) => buf.setUint8(o + i, c.charCodeAt(0)));
  str(0, 'RIFF'); buf.setUint32(4, 36 + n, true); str(8, 'WAVEfmt '); buf.setUint32(16, 16, true); buf.setUint16(20, 1, true);
  buf.setUint16(22, 1, true); buf.setUint32(24, rate, true); buf.setUint32(28, rate, true); buf.setUint16(32, 1, true); buf.setUint16(34, 8, true);
  str(36, 'data'); buf.setUint32(40, n, true);
  for (let i = 0; i < n; i++) buf.setUint8(44 + i, 128 + Math.round(100 * Math.sin((2 * Math.PI * 440 * i) / rate)));
  const tone = new Audio(URL.createObjectURL(new Blob([buf.buffer], { type: 'audio/wav' })));
  tone.dataset.probe = 'tone';
  tone.play().then(() => (w.__autoplay.sound = 'played'), (e: Error) => (w.__autoplay.sound = e.name));
}

/** Runs in the page before its scripts: every play() refused until a real (trusted) tap. */
function lowPowerMode(): void {
  let tapped = false;
  for (const type of ['pointerdown', 'touchend', 'click']) {
    window.addEventListener(type, (e) => (tapped ||= e.isTrusted), { capture: true });
  }
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    if (!tapped) return Promise.reject(new DOMException('play() needs a tap (Low Power Mode)', 'NotAllowedError'));
    return play.call(this);
  };
  // nor does the autoplay attribute start anything before the tap
  document.addEventListener('play', (e) => void (!tapped && (e.target as HTMLMediaElement).pause()), { capture: true });
}

beforeAll(async () => {
  requireFfmpeg();
  [server, browser] = await Promise.all([
    startLinli({ name: 'live-player' }),
    launchBrowser(['--autoplay-policy=document-user-activation-required']),
  ]);
  const owner = new ApiClient(server.url);
  expect((await owner.post('/api/auth/staff/login', { login: 'laozhao', password: 'linli-demo-2026' })).status).toBe(200);
  const key = await owner.post<{ streamKey: string }>('/api/console/live/stream-keys', { label: 'e2e 播放器' });
  expect(key.status).toBe(200);
  await until('the RTMP listener', () => rtmpListening(server.rtmpPort));
  host = pushTestPattern(`rtmp://127.0.0.1:${server.rtmpPort}/live/${key.body.streamKey}`);
  // both renditions: HTTP-FLV at once, HLS once ffmpeg cut the first segment
  const cur = await until('the show to be live with an HLS rendition', async () => {
    if (host!.proc.exitCode !== null) throw new Error(`the encoder exited: ${host!.stderr()}`);
    const c = (await owner.get<Current>(`/api/shop/${SLUG}/live/current`)).body;
    return c.show && c.playback?.hlsUrl ? c : null;
  });
  showId = cur.show!.id;
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  await server?.stop();
});

describe('live player on a phone', () => {
  it('sound refused without a tap: starts muted with 点击开启声音, a tap gives sound and it keeps playing', async () => {
    const ctx = await phoneContext(browser, server.url);
    // before any page script and any Playwright call (an evaluate or a wait counts as a user
    // gesture): a tone played with sound is refused; every play() the page makes is noted
    await ctx.addInitScript(soundProbe);
    const p = await ctx.newPage();
    const watch = watchPage(p);
    await p.goto(`/live/${SLUG}/${showId}`);
    const pill = p.locator('[data-testid=live-unmute]');
    await pill.waitFor({ timeout: 30_000 });
    const before = await video(p);
    expect(before).toMatchObject({ muted: true, paused: false });
    expect(before.ready).toBeGreaterThanOrEqual(2);
    await shot(p, 'live-player-01-muted-tap-for-sound');

    const probe = await p.evaluate(() => (window as unknown as { __autoplay: Probe }).__autoplay);
    // the policy really refused sound at load; the room's own first play() was muted, and played
    expect(probe.sound).toBe('NotAllowedError');
    expect(probe.plays[0]).toMatchObject({ muted: true, result: 'ok' });

    await pill.tap();
    await pill.waitFor({ state: 'detached', timeout: 5_000 });
    const plays = (await p.evaluate(() => (window as unknown as { __autoplay: Probe }).__autoplay)).plays;
    expect(plays.at(-1)).toMatchObject({ muted: false, activated: true, result: 'ok' });
    expect(await video(p)).toMatchObject({ muted: false, paused: false });
    const moved = await advances(p, 1.5);
    console.log(`after the tap: sound on, video advanced ${moved.toFixed(2)} s in 3 s`);
    expect(await p.locator('[data-testid=live-play]').count()).toBe(0);
    expect((await video(p)).muted).toBe(false);
    await shot(p, 'live-player-02-sound-on');
    expect(watch.errors, 'uncaught errors on the room page').toEqual([]);
    await ctx.close();
  });

  it('even muted autoplay refused (iOS Low Power Mode): a clear tap-to-play, and the tap starts it with sound', async () => {
    const ctx = await phoneContext(browser, server.url);
    // Chromium always allows muted autoplay, so the refusal is made here: play() is refused
    // (NotAllowedError, as Safari does) until the person has touched the page with a real tap
    await ctx.addInitScript(lowPowerMode);
    const p = await ctx.newPage();
    const watch = watchPage(p);
    await p.goto(`/live/${SLUG}/${showId}`);
    const play = p.locator('[data-testid=live-play]');
    await play.waitFor({ timeout: 30_000 });
    await sleep(1_000);
    const before = await video(p);
    expect(before.paused).toBe(true);
    expect(await p.locator('[data-testid=live-player-wait]').count()).toBe(0); // no spinner under the ▶
    expect(await play.textContent()).toContain('点击播放');
    await shot(p, 'live-player-04-tap-to-play');

    await play.tap();
    await play.waitFor({ state: 'detached', timeout: 5_000 });
    await p.locator('[data-testid=live-player][data-state=playing]').waitFor({ timeout: 15_000 });
    expect(await video(p)).toMatchObject({ muted: false, paused: false });
    const moved = await advances(p, 1.5);
    console.log(`after tap-to-play: video advanced ${moved.toFixed(2)} s in 3 s`);
    await shot(p, 'live-player-05-playing-after-tap');
    expect(watch.errors, 'uncaught errors on the room page').toEqual([]);
    await ctx.close();
  });

  it('no MediaSource (an iPhone): the player takes native HLS and plays the HLS rendition', async () => {
    const ctx = await phoneContext(browser, server.url, {
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    });
    // before any page script runs: no MSE, as on an iPhone without ManagedMediaSource
    await ctx.addInitScript(() => {
      for (const k of ['MediaSource', 'ManagedMediaSource', 'WebKitMediaSource']) delete (window as unknown as Record<string, unknown>)[k];
    });
    const p = await ctx.newPage();
    const watch = watchPage(p);
    const hlsRequests: string[] = [];
    p.on('request', (r) => {
      if (r.url().includes('/media/shows/')) hlsRequests.push(new URL(r.url()).pathname);
    });
    await p.goto(`/live/${SLUG}/${showId}`);
    expect(await p.evaluate(() => ({ mse: 'MediaSource' in window, hls: document.createElement('video').canPlayType('application/vnd.apple.mpegurl') }))).toEqual({ mse: false, hls: 'maybe' });
    const player = p.locator('[data-testid=live-player][data-state=playing]');
    await player.waitFor({ timeout: 40_000 });
    expect(await player.getAttribute('data-engine')).toBe('native-hls');
    const v = await video(p);
    expect(v.src).toBe(`${server.url}/media/shows/${showId}/index.m3u8`);
    const moved = await advances(p, 1.5);
    console.log(`native HLS: video advanced ${moved.toFixed(2)} s in 3 s`);
    // the picture came from HLS: the playlist and its segments, never the FLV
    expect(hlsRequests.some((u) => u.endsWith('/index.m3u8'))).toBe(true);
    expect(hlsRequests.some((u) => u.endsWith('.ts') || u.endsWith('.m4s'))).toBe(true);
    expect(hlsRequests.filter((u) => u.endsWith('.flv'))).toEqual([]);
    await shot(p, 'live-player-03-native-hls');
    expect(watch.errors, 'uncaught errors on the room page').toEqual([]);
    await ctx.close();
  });
});
