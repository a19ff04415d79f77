/**
 * Video lag behind live, measured on the picture: how long after the host's encoder got a frame
 * does a neighbour's screen show it. The sender (this process) draws each frame itself with its
 * number in a binary strip (video-lag-signal.ts), pipes it at 25 fps into ffmpeg (x264 veryfast
 * zerolatency, 1 s keyframes, AAC tone: what the docs tell streamers) which pushes RTMP into a
 * real Linli; it notes the wall-clock time each frame went into the encoder. Viewers read the
 * number back from the frame they show:
 *   - Chromium on the real room page /live/<slug>/<showId> (LivePlayer, HTTP-FLV via mpegts.js
 *     with latency chasing): requestVideoFrameCallback → drawImage of the presented frame →
 *     its number; display time = performance.timeOrigin + expectedDisplayTime;
 *   - the same page with ?player=hls (hls.js on the HLS rendition): the baseline a player gets
 *     without FLV;
 *   - ffmpeg pulling the HTTP-FLV directly (nobuffer, low_delay, one decoder thread, raw frames
 *     to a pipe): the floor of encoder + RTMP + server + HTTP + decode, no player buffer.
 * lag = display time − encoder-in time, per frame, over a steady window after a warm-up.
 * Same machine, same clock. Needs ffmpeg and Chromium (as the e2e tier).
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Writable } from 'node:stream';
import type { Browser } from 'playwright-core';
import { launchBrowser, phoneContext } from '../e2e/harness/browser.js';
import { FFMPEG, X264_LIVE, requireFfmpeg, rtmpListening, track, type Encoder } from '../e2e/harness/ffmpeg.js';
import { ApiClient, ROOT, sleep, startLinli } from '../e2e/harness/server.js';
import { percentile, printTable, registerBench } from './harness.js';
import { BITS, CELL, FPS, FrameMaker, H, STRIP_X, W, cellCentre, decodeLuma } from './video-lag-signal.js';

const SECONDS = Number(process.env.BENCH_VIDEO_LAG_SECONDS ?? 20);
const WARMUP_MS = 4_000;
const RATE = 44_100;
/** keyframe interval in seconds (the docs advise 1–2) */
const KEYFRAME_S = Number(process.env.BENCH_VIDEO_LAG_KEYFRAME_S ?? 1);
const wall = () => performance.timeOrigin + performance.now();

interface Sender { sentAt: Map<number, number>; enc: Encoder; stop(): Promise<void> }

/**
 * The host: numbered frames into ffmpeg's stdin in real time, the time each went in noted, and
 * 40 ms of a 440 Hz tone per frame on fd 3 — both from one clock, as a real encoder stamps its
 * camera and microphone (an audio track on its own clock would skew the FLV's interleaving).
 */
function startSender(rtmpUrl: string): Sender {
  const enc = track(
    spawn(FFMPEG, [
      ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
      ...['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${W}x${H}`, '-r', String(FPS), '-i', 'pipe:0'],
      ...['-f', 's16le', '-ar', String(RATE), '-ac', '1', '-i', 'pipe:3'],
      ...X264_LIVE, ...['-g', String(FPS * KEYFRAME_S), '-keyint_min', String(FPS * KEYFRAME_S)],
      ...['-c:a', 'aac', '-b:a', '64k', '-f', 'flv', rtmpUrl],
    ], { stdio: ['pipe', 'ignore', 'pipe', 'pipe'] }),
  );
  const video = enc.proc.stdin!;
  const audio = enc.proc.stdio[3] as Writable;
  video.on('error', () => {});
  audio.on('error', () => {});
  const samples = RATE / FPS;
  let phase = 0;
  const maker = new FrameMaker();
  const sentAt = new Map<number, number>();
  const t0 = performance.now();
  let n = 0;
  let stopped = false;
  const loop = () => {
    if (stopped) return;
    while (t0 + (n * 1000) / FPS <= performance.now()) {
      sentAt.set(n, wall());
      video.write(Buffer.from(maker.make(n))); // a copy: the write may be queued
      const pcm = Buffer.alloc(samples * 2);
      for (let i = 0; i < samples; i++) pcm.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * phase++) / RATE)), i * 2);
      audio.write(pcm);
      n++;
    }
    setTimeout(loop, Math.max(0, t0 + (n * 1000) / FPS - performance.now()));
  };
  loop();
  return {
    sentAt,
    enc,
    stop: async () => {
      stopped = true;
      video.end();
      audio.end();
      await enc.stop();
    },
  };
}

/**
 * Runs in the page (kept as source text: the bench's TypeScript transform would inject helpers
 * into a function passed to evaluate). For every presented frame: the strip's cell luminances,
 * when it is on screen, and how much video is buffered ahead of the playhead.
 */
const COLLECT = `(o) => new Promise((resolve) => {
  const v = document.querySelector('video[data-testid=live-video]');
  const c = document.createElement('canvas');
  c.width = o.W;
  c.height = o.CELL;
  const g = c.getContext('2d', { willReadFrequently: true });
  const out = [];
  const end = performance.now() + o.ms;
  const row = (o.CELL / 2) * o.W;
  function onFrame(_now, meta) {
    g.drawImage(v, 0, 0, o.W, o.CELL, 0, 0, o.W, o.CELL);
    const px = g.getImageData(0, 0, o.W, o.CELL).data;
    const lumas = [];
    for (let i = 0; i < o.BITS; i++) lumas.push(px[(row + o.STRIP_X + i * o.CELL + o.CELL / 2) * 4]);
    const b = v.buffered;
    out.push({ lumas, at: performance.timeOrigin + meta.expectedDisplayTime, bufferMs: b.length ? (b.end(b.length - 1) - v.currentTime) * 1000 : 0 });
    if (performance.now() < end) v.requestVideoFrameCallback(onFrame);
    else resolve(out);
  }
  v.requestVideoFrameCallback(onFrame);
})`;

interface Sample { n: number | null; at: number; bufferMs?: number }

/** ffmpeg as the viewer: the top strip of every decoded frame as raw gray bytes, stamped on arrival. */
async function viaFfmpeg(url: string, ms: number): Promise<Sample[]> {
  const p = spawn(FFMPEG, [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-fflags', 'nobuffer', '-flags', 'low_delay', '-threads', '1', '-i', url],
    ...['-an', '-vf', `crop=${W}:${CELL}:0:0`, '-pix_fmt', 'gray', '-f', 'rawvideo', '-flush_packets', '1', 'pipe:1'],
  ], { stdio: ['ignore', 'pipe', 'ignore'] });
  const size = W * CELL;
  const out: Sample[] = [];
  let buf = Buffer.alloc(0);
  let from = Infinity;
  p.stdout.on('data', (d: Buffer) => {
    const at = wall();
    buf = Buffer.concat([buf, d]);
    while (buf.length >= size) {
      const f = buf.subarray(0, size);
      if (from === Infinity) from = at + WARMUP_MS;
      if (at >= from) out.push({ n: decodeLuma((i) => f[cellCentre(i).y * W + cellCentre(i).x]!), at });
      buf = buf.subarray(size);
    }
  });
  const end = Date.now() + WARMUP_MS + ms + 10_000;
  while (out.length === 0 || out.at(-1)!.at - out[0]!.at < ms) {
    if (Date.now() > end) break;
    await sleep(100);
  }
  p.kill('SIGKILL');
  return out;
}

/** Chromium on the room page: the number in each presented frame and when it was presented. */
async function viaBrowser(browser: Browser, baseUrl: string, path: string, ms: number): Promise<{ samples: Sample[]; engine: string | null }> {
  const ctx = await phoneContext(browser, baseUrl);
  try {
    const page = await ctx.newPage();
    await page.goto(path);
    const player = page.locator('[data-testid=live-player][data-state=playing]');
    await player.waitFor({ timeout: 60_000 });
    await sleep(WARMUP_MS);
    const engine = await player.getAttribute('data-engine');
    const raw = (await page.evaluate(`(${COLLECT})(${JSON.stringify({ W, CELL, BITS, STRIP_X, ms })})`)) as Array<{ lumas: number[]; at: number; bufferMs: number }>;
    return { engine, samples: raw.map((r) => ({ n: decodeLuma((i) => r.lumas[i]!), at: r.at, bufferMs: r.bufferMs })) };
  } finally {
    await ctx.close();
  }
}

function summarise(name: string, samples: Sample[], sentAt: Map<number, number>) {
  const lags = samples.flatMap((s) => (s.n !== null && sentAt.has(s.n) ? [s.at - sentAt.get(s.n)!] : []));
  const buffers = samples.flatMap((s) => (s.bufferMs === undefined ? [] : [s.bufferMs]));
  return {
    name,
    frames: samples.length,
    unreadable: samples.filter((s) => s.n === null).length,
    p50: percentile(lags, 50),
    p95: percentile(lags, 95),
    max: Math.max(...lags),
    buffer: buffers.length ? percentile(buffers, 50) : NaN,
  };
}

async function run(): Promise<void> {
  requireFfmpeg();
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-web-if-stale.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the web app failed');
  const [server, browser] = await Promise.all([startLinli({ name: 'bench-video-lag' }), launchBrowser()]);
  let sender: Sender | undefined;
  try {
    const owner = new ApiClient(server.url);
    await owner.post('/api/auth/staff/login', { login: 'laozhao', password: 'linli-demo-2026' });
    const key = (await owner.post<{ streamKey: string }>('/api/console/live/stream-keys', { label: 'bench' })).body;
    for (let i = 0; i < 300 && !(await rtmpListening(server.rtmpPort)); i++) await sleep(100);
    sender = startSender(`rtmp://127.0.0.1:${server.rtmpPort}/live/${key.streamKey}`);
    let cur: { show: { id: string } | null; playback: { flvUrl: string; hlsUrl: string | null } | null } = { show: null, playback: null };
    for (let i = 0; i < 300 && !cur.playback?.hlsUrl; i++) {
      await sleep(100);
      cur = (await owner.get<typeof cur>('/api/shop/xiangkou/live/current')).body;
    }
    if (!cur.show || !cur.playback?.hlsUrl) throw new Error(`the show did not go live with HLS: ${sender.enc.stderr()}`);
    const room = `/live/xiangkou/${cur.show.id}`;
    const ms = SECONDS * 1000;
    console.log(`pushing ${W}×${H} @ ${FPS} fps, x264 veryfast zerolatency, ${KEYFRAME_S} s keyframes; ${SECONDS} s per viewer after a ${WARMUP_MS / 1000} s warm-up`);
    const flv = await viaBrowser(browser, server.url, `${room}?player=flv`, ms);
    const hls = await viaBrowser(browser, server.url, `${room}?player=hls`, ms);
    const direct = await viaFfmpeg(server.url + cur.playback.flvUrl, ms);
    const rows = [
      summarise(`Chromium, room page, HTTP-FLV (${flv.engine})`, flv.samples, sender.sentAt),
      summarise(`Chromium, room page, HLS (${hls.engine})`, hls.samples, sender.sentAt),
      summarise('ffmpeg pulling the HTTP-FLV (no player)', direct, sender.sentAt),
    ];
    const f = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');
    printTable(
      ['viewer', 'frames', 'unreadable', 'lag p50 ms', 'lag p95 ms', 'max ms', 'buffered ahead p50 ms'],
      rows.map((r) => [r.name, r.frames, r.unreadable, f(r.p50), f(r.p95), f(r.max), f(r.buffer)]),
    );
    const [b, h, d] = rows as [typeof rows[0], typeof rows[0], typeof rows[0]];
    console.log(`\nHLS / HTTP-FLV in the browser: ${(h.p50 / b.p50).toFixed(1)}× (p50), ${(h.p95 / b.p95).toFixed(1)}× (p95)`);
    console.log(`the browser player adds ${f(b.p50 - d.p50)} ms (p50) over ffmpeg reading the same FLV`);
  } finally {
    await sender?.stop();
    await browser.close();
    await server.stop();
  }
}

registerBench({
  name: 'video-lag',
  title: 'video lag behind live on the picture: browser HTTP-FLV (LivePlayer) beside browser HLS and ffmpeg pulling the FLV',
  run,
});
