import { describe, expect, it } from 'vitest';
import { hasFfmpeg, probe, push, sleep, startLiveApp, waitFor } from './media-harness.js';
import { liveStore } from './testing.js';

/** The server's ffmpeg is missing (the pushing host still has one): FLV works, no HLS, no recording. */
describe.skipIf(!hasFfmpeg)('live video without ffmpeg on the server', async () => {
  const env = await startLiveApp({ graceSeconds: 1, ffmpegPath: '/nonexistent/ffmpeg' });

  it('says so once at start and carries on with HTTP-FLV only', async () => {
    const { tenant, owner } = await liveStore(env.linli, env.db);
    const key = (await owner.post('/api/console/live/stream-keys', {})).json();
    const current = async () => (await env.linli.app.inject(`/api/shop/${tenant.slug}/live/current`)).json();
    for (let round = 0; round < 2; round++) {
      const host = push(env.rtmp(key.streamKey), 30);
      const cur = await waitFor('live', async () => (await current()).playback && (await current()));
      const av = (await probe(env.httpBase + cur.playback.flvUrl)).streams.filter((s) => s.codec_type !== 'data');
      expect(av.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
      await sleep(3_000); // HLS would be there by now
      expect((await current()).playback.hlsUrl).toBeNull();
      const status = (await owner.get('/api/console/live/status')).json();
      expect(status).toMatchObject({ ffmpeg: false, streams: [{ state: 'publishing', recording: false, hls: false }] });
      await host.stop();
      await waitFor('ended', async () => (await current()).show === null);
      await env.linli.live.media.settled();
    }
    expect(env.logs.filter((l) => l.msg.startsWith('ffmpeg not found'))).toHaveLength(1);
  });
});
