import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../testing/api.js';
import { roomWorld, type RoomWorld } from '../room/testing.js';
import { endShow } from '../use-cases/end-show.js';

describe('live show replay (api)', async () => {
  const t = await createTestApp();
  const roomUrl = (w: RoomWorld, q = '') => `/api/shop/${w.tenant.slug}/live/shows/${w.showId}${q}`;
  const replay = (w: RoomWorld) => `/media/replays/${w.showId}.mp4`;
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const f of cleanup.splice(0)) f();
  });

  /** ends the show and puts a 10-byte "recording" where the media server writes it */
  async function recorded(w: RoomWorld): Promise<void> {
    await endShow(w.ctx, w.showId);
    await t.dispatcher.drain();
    const dir = t.live.media.recordingsDir();
    const made = mkdirSync(dir, { recursive: true }); // the first directory it had to make, if any
    const file = join(dir, `${w.showId}.mp4`);
    writeFileSync(file, Buffer.from('0123456789'));
    cleanup.push(() => {
      rmSync(file, { force: true });
      if (made) rmSync(made, { recursive: true, force: true });
    });
  }

  it('serves the recording of an ended public show as the replay, with byte ranges', async () => {
    const w = await roomWorld(t);
    await endShow(w.ctx, w.showId);
    await t.dispatcher.drain();
    expect((await t.app.inject(roomUrl(w))).json()).toMatchObject({ show: { status: 'ended' }, playback: null, replayUrl: null });
    expect((await t.app.inject(replay(w))).statusCode).toBe(404);
    await recorded(w);
    expect((await t.app.inject(roomUrl(w))).json().replayUrl).toBe(`/media/replays/${w.showId}.mp4`);
    const all = await t.app.inject(replay(w));
    expect(all.statusCode).toBe(200);
    expect(all.body).toBe('0123456789');
    const part = await t.app.inject({ url: replay(w), headers: { range: 'bytes=2-5' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 2-5/10');
    expect(part.body).toBe('2345');
  });

  it("serves a members-only show's replay to the store's members and staff, and refuses everyone else like the live room", async () => {
    const w = await roomWorld(t, { access: 'members' });
    await recorded(w);
    const member = await w.neighbour();
    expect((await member.get(roomUrl(w))).json()).toMatchObject({ show: { access: 'members', status: 'ended' }, replayUrl: replay(w) });
    const seek = await member.get(replay(w));
    expect(seek.statusCode).toBe(200);
    expect(seek.body).toBe('0123456789');
    const ranged = await t.app.inject({ url: replay(w), headers: { cookie: member.cookie, range: 'bytes=8-' } });
    expect([ranged.statusCode, ranged.body]).toEqual([206, '89']);
    expect((await w.owner.get(replay(w))).body).toBe('0123456789');

    // outsiders: nobody signed in, and a neighbour of another organisation — the room's refusal
    const anon = await t.app.inject(replay(w));
    expect(anon.statusCode).toBe(403);
    expect(anon.json()).toMatchObject({ code: 'LIVE_ROOM_RESTRICTED', message: '该直播间仅限本店会员或受邀邻居进入', details: { access: 'members', signedIn: false } });
    expect((await t.app.inject(roomUrl(w))).json().code).toBe('LIVE_ROOM_RESTRICTED');
    const stranger = await (await roomWorld(t)).neighbour();
    const refused = await stranger.get(replay(w));
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'LIVE_ROOM_RESTRICTED']);
    const rangedOut = await t.app.inject({ url: replay(w), headers: { cookie: stranger.cookie, range: 'bytes=0-3' } });
    expect(rangedOut.statusCode).toBe(403);
    expect(rangedOut.body).not.toContain('0123');
  });

  it("serves an invite-only show's replay to holders of the invite (link or remembered cookie) only; a rotated invite stops it", async () => {
    const w = await roomWorld(t, { access: 'invite' });
    await recorded(w);
    const token: string = (await w.owner.get(`/api/console/live/shows/${w.showId}/room`)).json().settings.inviteToken;
    const n = await w.neighbour();
    // a member of the store without the invite is an outsider here
    expect((await n.get(replay(w))).json()).toMatchObject({ code: 'LIVE_ROOM_RESTRICTED', details: { access: 'invite', signedIn: true } });
    expect((await t.app.inject(`${replay(w)}?invite=wrong`)).statusCode).toBe(403);
    // opening the room with the link remembers the invite; the <video> then sends that cookie
    const opened = await n.get(roomUrl(w, `?invite=${token}`));
    expect(opened.json().replayUrl).toBe(replay(w));
    const cookie = `${n.cookie}; linli_invite=${opened.cookies.find((k) => k.name === 'linli_invite')!.value}`;
    const viaCookie = await t.app.inject({ url: replay(w), headers: { cookie, range: 'bytes=0-1' } });
    expect([viaCookie.statusCode, viaCookie.body]).toEqual([206, '01']);
    expect((await t.app.inject(`${replay(w)}?invite=${token}`)).body).toBe('0123456789');
    // a new invite link: the old one no longer opens the replay
    await w.owner.post(`/api/console/live/shows/${w.showId}/room-settings`, { rotateInvite: true });
    const stale = await t.app.inject({ url: replay(w), headers: { cookie } });
    expect([stale.statusCode, stale.json().code]).toEqual([403, 'LIVE_ROOM_RESTRICTED']);
  });
});
