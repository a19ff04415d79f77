import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phoneContext, shot, watchPage } from './harness/browser.js';
import { pushTestPattern, requireFfmpeg, rtmpListening, type Encoder } from './harness/ffmpeg.js';
import { until, neighbourApi as signIn } from './harness/api-people.js';
import { ApiClient, sleep, startLinli, type LinliServer } from './harness/server.js';

/**
 * 福袋 on a watching phone: the host opens a giveaway in a live show (a real encoder pushes), two
 * neighbours enter from their phones, and the room on a third phone shows "N 人已参与" grow
 * without a reload (the coalesced `giveaway_entrants` message). Screenshot:
 * artifacts/screenshots/live-giveaway-entrants.png.
 */
const SLUG = 'xiangkou';
interface Current { show: { id: string } | null; playback: { flvUrl: string } | null }

let server: LinliServer;
let browser: Browser;
let host: Encoder | undefined;

beforeAll(async () => {
  requireFfmpeg();
  [server, browser] = await Promise.all([startLinli({ name: 'live-giveaway' }), launchBrowser()]);
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  await server?.stop();
});

const neighbourApi = (owner: ApiClient, phone: string) => signIn(server.url, SLUG, owner, phone);

describe('live giveaway', () => {
  it('the room shows the entrant count grow as neighbours enter', async () => {
    const owner = new ApiClient(server.url);
    expect((await owner.post('/api/auth/staff/login', { login: 'laozhao', password: 'linli-demo-2026' })).status).toBe(200);
    const key = await owner.post<{ streamKey: string }>('/api/console/live/stream-keys', { label: 'e2e 福袋' });
    await until('the RTMP listener', () => rtmpListening(server.rtmpPort));
    host = pushTestPattern(`rtmp://127.0.0.1:${server.rtmpPort}/live/${key.body.streamKey}`, { size: '320x180' });
    const showId = (
      await until('the show to go live', async () => {
        if (host!.proc.exitCode !== null) throw new Error(`the encoder exited: ${host!.stderr()}`);
        return (await owner.get<Current>(`/api/shop/${SLUG}/live/current`)).body.show;
      })
    ).id;

    // a phone watching (not signed in: it only looks)
    const ctx = await phoneContext(browser, server.url);
    const p = await ctx.newPage();
    const watch = watchPage(p);
    await p.goto(`/live/${SLUG}/${showId}`);
    await p.locator('[data-testid=live-room][data-status=live]').waitFor({ timeout: 30_000 });

    const g = await owner.post<{ id: string }>(`/api/console/live/shows/${showId}/giveaways`, { prize: '阳光玫瑰一盒', durationSec: 600 }, { 'idempotency-key': `e2e-giveaway-${showId}` });
    expect(g.status, JSON.stringify(g.body)).toBe(200);
    const count = p.locator(`[data-testid=live-giveaway-card][data-giveaway-id="${g.body.id}"] [data-testid=live-giveaway-entrants]`);
    await count.waitFor({ timeout: 15_000 });
    expect(await count.getAttribute('data-entrants')).toBe('0');

    const [a, b] = [await neighbourApi(owner, '13912340011'), await neighbourApi(owner, '13912340012')];
    const enter = (n: ApiClient) => n.post<{ entered: boolean }>(`/api/shop/${SLUG}/live/giveaways/${g.body.id}/enter`, {});
    expect((await enter(a)).body).toMatchObject({ entered: true });
    const t0 = Date.now();
    await until('"1 人已参与" on the phone', async () => (await count.getAttribute('data-entrants')) === '1', 10_000);
    console.log(`entrant count on the phone ${Date.now() - t0} ms after the entry`);
    // two more taps at once (one a repeat): the count is people, not taps
    await Promise.all([enter(b), enter(a)]);
    await until('"2 人已参与" on the phone', async () => (await count.getAttribute('data-entrants')) === '2', 10_000);
    expect(await count.textContent()).toContain('2 人已参与');
    await shot(p, 'live-giveaway-entrants');
    await sleep(1_500); // a later flush sends nothing that lowers it
    expect(await count.getAttribute('data-entrants')).toBe('2');
    expect(watch.errors, 'uncaught errors on the room page').toEqual([]);
    await ctx.close();
  });
});
