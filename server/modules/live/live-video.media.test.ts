import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outboxEvents } from '../../events/tables.js';
import { decode, hasFfmpeg, probe, probeFile, push, sleep, startLiveApp, waitFor } from './media-harness.js';
import { liveShows } from './tables.js';
import { liveStore } from './testing.js';

// long enough for a kicked host to be refused on the old key and push the new one on a loaded CI machine
const GRACE_S = 6;

/** Real video: ffmpeg pushes RTMP into the running app, ffprobe/ffmpeg play it back. */
describe.skipIf(!hasFfmpeg)('live video end to end (ffmpeg → RTMP → HTTP-FLV / HLS / recording)', async () => {
  const env = await startLiveApp({ graceSeconds: GRACE_S });
  const { linli, db, httpBase } = env;
  const figures: Record<string, number> = {};

  async function world() {
    const s = await liveStore(linli, db);
    const key = (await s.owner.post('/api/console/live/stream-keys', { label: 'OBS' })).json();
    const current = async () => (await linli.app.inject(`/api/shop/${s.tenant.slug}/live/current`)).json();
    const events = async (type: string) =>
      db.select().from(outboxEvents).where(and(eq(outboxEvents.storeId, s.tenant.storeId), eq(outboxEvents.type, type)));
    const show = async (id: string) => (await db.select().from(liveShows).where(eq(liveShows.id, id)))[0]!;
    return { ...s, key, current, events, show };
  }

  it('refuses a push with an unknown key: the session is closed and no show goes live', async () => {
    const w = await world();
    const bad = push(env.rtmp(`lk_${'x'.repeat(32)}`), 5);
    expect(await bad.exited).not.toBe(0);
    expect((await w.owner.get('/api/console/live/shows')).json()).toEqual([]);
    expect((await w.current()).show).toBeNull();
    expect(env.logs.some((l) => l.msg.startsWith('refused RTMP push'))).toBe(true);
  });

  it('a push starts the scheduled show; neighbours play it by show id as HTTP-FLV and HLS; stopping ends it after the grace period', async () => {
    const w = await world();
    const scheduled = (
      await w.owner.post('/api/console/live/shows', { title: '今晚8点草莓专场', scheduledAt: new Date(Date.now() + 600_000).toISOString() }, { 'idempotency-key': 'media-show-0001' })
    ).json();
    const t0 = performance.now();
    const host = push(env.rtmp(w.key.streamKey), 60);
    const cur = await waitFor('the show to go live', async () => {
      const c = await w.current();
      return c.playback ? c : null;
    });
    figures.pushToLiveMs = Math.round(performance.now() - t0);
    const hlsReady = waitFor('the HLS playlist', async () => ((await w.current()).playback?.hlsUrl as string | null) ?? null).then((url) => {
      figures.pushToHlsMs = Math.round(performance.now() - t0);
      return url;
    });
    expect(cur.show.id).toBe(scheduled.id);
    expect(cur.playback.flvUrl).toBe(`/media/shows/${scheduled.id}.flv`);
    expect(cur.playback.flvUrl).not.toContain(w.key.streamKey);

    const flvUrl = httpBase + cur.playback.flvUrl;
    const p = await probe(flvUrl);
    figures.ffprobeFlvMs = p.ms;
    expect(p.code).toBe(0);
    expect(p.streams).toEqual(
      expect.arrayContaining([expect.objectContaining({ codec_type: 'video', codec_name: 'h264', width: 320, height: 240 }), expect.objectContaining({ codec_type: 'audio', codec_name: 'aac' })]),
    );
    // nobody pulls by key: RTMP play is refused even with a valid stream key
    expect((await decode(env.rtmp(w.key.streamKey), 5)).code).not.toBe(0);
    const frames = await decode(flvUrl, 25);
    figures.decode25FlvFramesMs = frames.ms;
    expect(frames.code, frames.err).toBe(0);

    // a viewer is counted while connected
    const ac = new AbortController();
    const t1 = performance.now();
    const res = await fetch(flvUrl, { signal: ac.signal });
    const reader = res.body!.getReader();
    const first = await reader.read();
    figures.flvFirstByteMs = Math.round(performance.now() - t1);
    expect(res.headers.get('content-type')).toBe('video/x-flv');
    expect(Buffer.from(first.value!).subarray(0, 3).toString()).toBe('FLV');
    const status = await waitFor('status with stats', async () => {
      const s = (await w.owner.get('/api/console/live/status')).json();
      return s.streams[0].bitrateKbps > 0 && s.streams[0].flvViewers === 1 ? s : null;
    });
    expect(status.rtmpServer).toBe(`rtmp://localhost:${env.rtmpPort}/live`); // the Host the console was reached by
    expect(status.streams[0]).toMatchObject({
      streamKeyId: w.key.id,
      state: 'publishing',
      showId: scheduled.id,
      video: { codec: 'H.264', width: 320, height: 240, fps: 25 },
      audio: { codec: 'AAC' },
      recording: true,
    });
    ac.abort();
    await waitFor('the viewer to leave', async () => (await w.owner.get('/api/console/live/status')).json().streams[0].flvViewers === 0);

    const hls = await hlsReady;
    const playlist = await (await fetch(httpBase + hls)).text();
    expect(playlist).toMatch(/^#EXTM3U/);
    const seg = playlist.split('\n').find((l) => l.endsWith('.ts'))!;
    const segRes = await fetch(`${httpBase}/media/shows/${scheduled.id}/${seg}`);
    expect(segRes.headers.get('content-type')).toBe('video/mp2t');
    expect((await segRes.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect((await decode(httpBase + hls, 10)).code).toBe(0);

    await sleep(2_000); // some more video to record
    await host.stop(); // ffmpeg closes the RTMP session (exit 255 on SIGINT)
    const stopped = performance.now();
    await sleep((GRACE_S * 1000) / 2);
    expect((await w.show(scheduled.id)).status).toBe('live'); // within grace: still on
    await waitFor('the show to end', async () => (await w.show(scheduled.id)).status === 'ended', GRACE_S * 1000 + 10_000);
    figures.stopToEndedMs = Math.round(performance.now() - stopped);
    expect(figures.stopToEndedMs).toBeGreaterThanOrEqual(GRACE_S * 1000 - 100);
    expect(await w.events('live.show_started')).toHaveLength(1);
    expect(await w.events('live.show_ended')).toHaveLength(1);
    expect((await w.current()).show).toBeNull();

    // the sidecar stopped cleanly: a playable recording, the live HLS files gone
    await linli.live.media.settled();
    const rec = await probeFile(join(env.dataDir, 'recordings', `${scheduled.id}.mp4`));
    expect(rec?.codecs).toEqual(['aac', 'h264']);
    expect(rec!.duration).toBeGreaterThan(4);
    expect(existsSync(join(env.dataDir, 'hls', scheduled.id))).toBe(false);
    expect((await fetch(flvUrl)).status).toBe(404);
  });

  it('a reconnect within the grace period continues the same show', async () => {
    const w = await world();
    const first = push(env.rtmp(w.key.streamKey), 4);
    const live = await waitFor('live', async () => (await w.current()).playback && (await w.current()));
    expect(await first.exited).toBe(0);
    await sleep(500); // the encoder comes back half a second later
    const second = push(env.rtmp(w.key.streamKey), 4);
    await sleep(GRACE_S * 1000 + 500); // longer than the grace period after the first push left
    expect((await w.current()).show?.id).toBe(live.show.id);
    expect((await w.show(live.show.id)).status).toBe('live');
    expect(await second.exited).toBe(0);
    await waitFor('the show to end', async () => (await w.show(live.show.id)).status === 'ended', GRACE_S * 1000 + 10_000);
    expect(await w.events('live.show_started')).toHaveLength(1);
    expect(await w.events('live.show_ended')).toHaveLength(1);
    // node-media-server resumed the same broadcast: one uninterrupted recording
    await linli.live.media.settled();
    expect(existsSync(join(env.dataDir, 'recordings', `${live.show.id}.mp4`))).toBe(true);
    expect(existsSync(join(env.dataDir, 'recordings', `${live.show.id}-2.mp4`))).toBe(false);
  });

  it('rotating drops the old key at once; revoking stops the stream and refuses the key', async () => {
    const w = await world();
    const host = push(env.rtmp(w.key.streamKey), 60);
    const live = await waitFor('live', async () => (await w.current()).playback && (await w.current()));

    const rotated = (await w.owner.post(`/api/console/live/stream-keys/${w.key.id}/rotate`)).json();
    expect(await host.exited).not.toBe(0); // kicked
    expect(await push(env.rtmp(w.key.streamKey), 3).exited).not.toBe(0); // the old key is refused
    const again = push(env.rtmp(rotated.streamKey), 60); // the host enters the new key within grace
    await waitFor('the same show back on air', async () => (await w.current()).playback && (await w.current()).show.id === live.show.id);
    await sleep(2_000);

    await w.owner.post(`/api/console/live/stream-keys/${w.key.id}/revoke`);
    expect(await again.exited).not.toBe(0); // kicked
    expect(await push(env.rtmp(rotated.streamKey), 3).exited).not.toBe(0); // refused
    await waitFor('the show to end', async () => (await w.show(live.show.id)).status === 'ended', GRACE_S * 1000 + 10_000);
    expect(await w.events('live.show_started')).toHaveLength(1);
    // the new key is a new stream path: a second recording part of the same show
    await linli.live.media.settled();
    expect((await probeFile(join(env.dataDir, 'recordings', `${live.show.id}-2.mp4`)))?.codecs).toEqual(['aac', 'h264']);
  });

  it('prints the measured figures', () => {
    // server side: TCP connect of the encoder → show live in the database
    const server = env.logs.filter((l) => l.msg.endsWith(' publishing')).map((l) => l as unknown as { publishedAfterMs: number; liveAfterMs: number });
    const connectToPublish = server.map((l) => l.publishedAfterMs);
    const connectToLive = server.map((l) => l.liveAfterMs);
    console.log('live video figures (ms):', JSON.stringify({ ...figures, connectToPublish, connectToLive }));
  });
});
