import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phoneContext, shot, watchPage } from './harness/browser.js';
import { decodeLive, pushTestPattern, requireFfmpeg, rtmpListening, type Encoder } from './harness/ffmpeg.js';
import { until, neighbourApi as signIn, ownerApi as ownerSignIn } from './harness/api-people.js';
import { ApiClient, sleep, startLinli, type LinliServer } from './harness/server.js';

/**
 * The live journey, all real: 老赵 creates a stream key in the console and his encoder (ffmpeg:
 * a test pattern and a tone, x264 with 1 s keyframes) pushes RTMP into Linli; the show goes live;
 * a viewer that is not a browser (ffprobe) pulls the HTTP-FLV and decodes it; on a neighbour's
 * phone (Chromium) the room plays it — the picture keeps moving — while she chats and buys in the
 * flash sale the host opened, on the same page; the host's encoder drops and comes back and the
 * picture moves again. Screenshots: artifacts/screenshots/live-*.png.
 */
const SLUG = 'xiangkou';
interface Current { show: { id: string; title: string } | null; playback: { flvUrl: string; hlsUrl: string | null } | null }
interface ShopProduct { name: string; skus: Array<{ skuId: string; priceFen: number; available: number }> }
interface OrderRow { id: string; pickupCode: string; channel: string; sourceRef: string | null; status: string; lines: Array<{ skuId: string; qty: number }> }

let server: LinliServer;
let browser: Browser;
let host: Encoder | undefined;

beforeAll(async () => {
  requireFfmpeg();
  [server, browser] = await Promise.all([startLinli({ name: 'live-journey' }), launchBrowser()]);
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  await server?.stop();
});

const ownerApi = () => ownerSignIn(server.url);

const neighbourApi = (owner: ApiClient, phone: string) => signIn(server.url, SLUG, owner, phone);

/** video.currentTime and readyState of the room's player */
const videoState = (p: Page) =>
  p.locator('[data-testid=live-video]').evaluate((v: HTMLVideoElement) => ({ t: v.currentTime, ready: v.readyState, paused: v.paused }));

describe('live journey', () => {
  it('an encoder goes live with a console stream key; ffprobe decodes the FLV; the phone plays it while chatting and buying in a flash sale, and through a host reconnect', async () => {
    const owner = await ownerApi();

    // — the host: a stream key from the console, the encoder pushes to rtmp://…/live/<key> —
    const key = await owner.post<{ id: string; streamKey: string }>('/api/console/live/stream-keys', { label: 'e2e 编码器' });
    expect(key.status).toBe(200);
    await until('the RTMP listener', () => rtmpListening(server.rtmpPort));
    host = pushTestPattern(`rtmp://127.0.0.1:${server.rtmpPort}/live/${key.body.streamKey}`);
    const t0 = Date.now();
    const cur = await until('the show to go live and be playable', async () => {
      if (host!.proc.exitCode !== null) throw new Error(`the encoder exited: ${host!.stderr()}`);
      const c = (await owner.get<Current>(`/api/shop/${SLUG}/live/current`)).body;
      return c.playback && c.show ? c : null;
    });
    const showId = cur.show!.id;
    const shows = (await owner.get<Array<{ id: string; status: string }>>('/api/console/live/shows')).body;
    expect(shows.find((s) => s.id === showId)?.status).toBe('live');
    console.log(`push → show live and playable in ${Date.now() - t0} ms`);

    // — a non-browser viewer: ffprobe pulls the HTTP-FLV by show id and decodes it —
    const decoded = await decodeLive(server.url + cur.playback!.flvUrl, 2);
    expect(decoded.video, decoded.err).toMatchObject({ codec: 'h264', width: 640, height: 360 });
    expect(decoded.video!.frames).toBeGreaterThan(0);
    expect(decoded.audio?.codec).toBe('aac');

    // — the host opens a flash sale (20 % off, 5 units, 2 per person) on something in stock —
    const products = (await owner.get<ShopProduct[] | { items: ShopProduct[] }>(`/api/shop/${SLUG}/products`)).body;
    const sku = (Array.isArray(products) ? products : products.items).flatMap((x) => x.skus).find((k) => k.available >= 5 && k.priceFen >= 100)!;
    const flash = await owner.post<{ id: string; remaining: number }>(
      `/api/console/live/shows/${showId}/flash-sales`,
      { skuId: sku.skuId, priceFen: Math.floor(sku.priceFen * 0.8), qty: 5, perPersonLimit: 2, durationSec: 600 },
      { 'idempotency-key': `e2e-flash-${showId}` },
    );
    expect([200, 201], JSON.stringify(flash.body)).toContain(flash.status);

    // — the neighbour's phone, signed in, opens the room —
    const neighbour = await neighbourApi(owner, '13912340001');
    const ctx = await phoneContext(browser, server.url);
    await ctx.addCookies(
      neighbour.cookieHeader().split('; ').map((c) => {
        const [name, ...v] = c.split('=');
        return { name: name!, value: v.join('='), url: server.url };
      }),
    );
    const p = await ctx.newPage();
    const watch = watchPage(p);
    await p.goto(`/live/${SLUG}/${showId}`);
    await p.locator('[data-testid=live-room][data-status=live]').waitFor({ timeout: 30_000 });
    await p.locator('[data-testid=live-video]').waitFor();
    await until('the video to have a picture', async () => (await videoState(p)).ready >= 2, 30_000);

    // the picture moves: ≥ 2 s of video in ~3 s of wall time
    const a = await videoState(p);
    const wall0 = Date.now();
    await sleep(3_000);
    const b = await videoState(p);
    const wall = (Date.now() - wall0) / 1000;
    console.log(`video advanced ${(b.t - a.t).toFixed(2)} s in ${wall.toFixed(2)} s of wall time (readyState ${b.ready})`);
    expect(b.ready).toBeGreaterThanOrEqual(2);
    expect(b.paused).toBe(false);
    expect(b.t - a.t).toBeGreaterThanOrEqual(2);
    expect(await p.locator('[data-testid=live-player]').getAttribute('data-engine')).toBe('flv');
    await shot(p, 'live-01-room-playing');

    // — she chats —
    const text = `草莓甜不甜？${Date.now() % 10_000}`;
    const input = p.locator('input[data-testid=live-chat-input], [data-testid=live-chat-input] input').first();
    await input.fill(text);
    await p.click('[data-testid=live-chat-send]');
    await p.locator('[data-testid=live-chat-line]', { hasText: text }).waitFor({ timeout: 15_000 });
    await shot(p, 'live-02-chat-sent');

    // — and buys 2 in the flash sale —
    await p.locator('[data-testid=live-flash-card]').first().waitFor({ timeout: 15_000 });
    await p.locator('[data-testid=live-flash-buy]').first().click();
    const plus = p.locator('[data-testid=live-flash-qty] button').last();
    await plus.click();
    await shot(p, 'live-03-flash-sheet');
    await p.click('[data-testid=live-flash-confirm]');
    const codeEl = p.locator('[data-testid=live-order-code]');
    await codeEl.waitFor({ timeout: 20_000 });
    const pickupCode = (await codeEl.textContent())!.trim();
    await shot(p, 'live-04-flash-ordered');

    // the order is in the same order core: channel live, from this show, 2 units for pickup
    const orders = (await owner.get<{ items: OrderRow[] } | OrderRow[]>('/api/console/orders')).body;
    const order = (Array.isArray(orders) ? orders : orders.items).find((o) => o.pickupCode === pickupCode);
    expect(order, `an order with pickup code ${pickupCode}`).toBeDefined();
    expect(order).toMatchObject({ channel: 'live', sourceRef: `live:${showId}` });
    expect(order!.lines).toEqual([expect.objectContaining({ skuId: sku.skuId, qty: 2 })]);
    await p.click('[data-testid=live-order-back]');
    await expect.poll(() => p.locator('[data-testid=live-flash-remaining]').first().textContent(), { timeout: 10_000 }).toContain('3');

    // the video kept playing through all of it
    const c = await videoState(p);
    expect(c.t).toBeGreaterThan(b.t + 1);
    await shot(p, 'live-05-still-playing');

    // — the host's network drops; the encoder is back 3 s later (within the grace period): the
    // same show goes on and the phone's picture moves again without a reload —
    const rtmp = `rtmp://127.0.0.1:${server.rtmpPort}/live/${key.body.streamKey}`;
    host.proc.kill('SIGKILL');
    await host.exited;
    await sleep(3_000);
    const stalled = await videoState(p);
    host = pushTestPattern(rtmp);
    const t1 = Date.now();
    await until('the picture to move again', async () => (await videoState(p)).t > stalled.t + 2, 45_000);
    console.log(`picture moving again ${Date.now() - t1} ms after the encoder came back`);
    expect((await owner.get<Current>(`/api/shop/${SLUG}/live/current`)).body.show?.id).toBe(showId);
    await shot(p, 'live-06-after-host-reconnect');

    expect(watch.errors, 'uncaught errors on the room page').toEqual([]);
    expect(watch.failedRequests.filter((r) => !r.includes('/media/')), 'failed requests').toEqual([]);
    await ctx.close();
  });
});
