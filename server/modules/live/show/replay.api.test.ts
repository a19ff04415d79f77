import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../testing/api.js';
import { roomWorld, type RoomWorld } from '../room/testing.js';
import { endShow } from '../use-cases/end-show.js';

describe('live show replay (api)', async () => {
  const t = await createTestApp();
  const roomUrl = (w: RoomWorld) => `/api/shop/${w.tenant.slug}/live/shows/${w.showId}`;

  it('serves the recording of an ended public show as the replay, with byte ranges', async () => {
    const w = await roomWorld(t);
    await endShow(w.ctx, w.showId);
    await t.dispatcher.drain();
    expect((await t.app.inject(roomUrl(w))).json()).toMatchObject({ show: { status: 'ended' }, playback: null, replayUrl: null });
    const dir = t.live.media.recordingsDir();
    const made = mkdirSync(dir, { recursive: true }); // the first directory it had to make, if any
    const file = join(dir, `${w.showId}.mp4`);
    writeFileSync(file, Buffer.from('0123456789'));
    try {
      expect((await t.app.inject(roomUrl(w))).json().replayUrl).toBe(`/media/replays/${w.showId}.mp4`);
      const all = await t.app.inject(`/media/replays/${w.showId}.mp4`);
      expect(all.statusCode).toBe(200);
      expect(all.body).toBe('0123456789');
      const part = await t.app.inject({ url: `/media/replays/${w.showId}.mp4`, headers: { range: 'bytes=2-5' } });
      expect(part.statusCode).toBe(206);
      expect(part.headers['content-range']).toBe('bytes 2-5/10');
      expect(part.body).toBe('2345');
      // a members-only room's recording is not served by URL
      await w.owner.post(`/api/console/live/shows/${w.showId}/room-settings`, { access: 'members' });
      expect((await t.app.inject(`/media/replays/${w.showId}.mp4`)).statusCode).toBe(404);
    } finally {
      rmSync(file, { force: true });
      if (made) rmSync(made, { recursive: true, force: true });
    }
  });
});
