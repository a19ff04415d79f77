import { describe, expect, it } from 'vitest';
import { systemCtx } from '../../../db/system-ctx.js';
import { newId } from '../../../kernel/ids.js';
import { createTestApp } from '../../../testing/api.js';
import { roomWorld, type RoomWorld } from '../room/testing.js';
import { startShow } from '../use-cases/start-show.js';

/** GET /api/shop/:slug/live/current and /live/shows: who learns what of a restricted show. */
describe('live: the current show, as far as the visitor may know it (api)', async () => {
  const t = await createTestApp();
  const current = (w: RoomWorld, q = '') => `/api/shop/${w.tenant.slug}/live/current${q}`;
  const list = (w: RoomWorld) => `/api/shop/${w.tenant.slug}/live/shows`;
  const cover = 'https://cdn.example.com/cover-secret.jpg';

  it('tells an outsider only that a members-only show is on (no title, cover or playback); a member sees it all', async () => {
    const w = await roomWorld(t, { access: 'members' });
    await w.owner.post(`/api/console/live/shows/${w.showId}/room-settings`, { coverImageUrl: cover });
    const locked = { show: { id: w.showId, title: null, access: 'members', locked: true }, playback: null, next: null };
    const anon = await t.app.inject(current(w));
    expect(anon.statusCode).toBe(200);
    expect(anon.json()).toMatchObject(locked);
    expect(anon.body).not.toContain('草莓');
    expect(anon.body).not.toContain('cover-secret');
    // a neighbour signed in with another organisation is an outsider here too
    const stranger = await (await roomWorld(t)).neighbour();
    expect((await stranger.get(current(w))).json()).toMatchObject(locked);

    const member = await w.neighbour();
    expect((await member.get(current(w))).json()).toMatchObject({ show: { id: w.showId, title: '今晚8点草莓专场', access: 'members', locked: false } });

    // the shop's list: the same card, locked and untitled for the outsider, whole for the member
    const anonCard = (await t.app.inject(list(w))).json().find((s: { id: string }) => s.id === w.showId);
    expect(anonCard).toMatchObject({ title: null, coverImageUrl: null, locked: true, access: 'members', status: 'live' });
    expect(JSON.stringify(anonCard)).not.toContain('cover-secret');
    const memberCard = (await member.get(list(w))).json().find((s: { id: string }) => s.id === w.showId);
    expect(memberCard).toMatchObject({ title: '今晚8点草莓专场', coverImageUrl: cover, locked: false });
  });

  it('does not name an invite-only show to anyone without its invite; its invite holders see it', async () => {
    const w = await roomWorld(t, { access: 'invite' });
    const token: string = (await w.owner.get(`/api/console/live/shows/${w.showId}/room`)).json().settings.inviteToken;
    const nothing = { show: null, playback: null, next: null };
    expect((await t.app.inject(current(w))).json()).toEqual(nothing);
    expect((await (await w.neighbour()).get(current(w))).json()).toEqual(nothing);
    expect((await t.app.inject(current(w, '?invite=not-the-token'))).json()).toEqual(nothing);
    const open = { show: { id: w.showId, title: '今晚8点草莓专场', access: 'invite', locked: false } };
    expect((await t.app.inject(current(w, `?invite=${token}`))).json()).toMatchObject(open);
    expect((await t.app.inject({ url: current(w), headers: { cookie: `linli_invite=other.${token}` } })).json()).toMatchObject(open);
  });

  it('offers the public show to everyone while a restricted one is also live, and hides a restricted next show the same way', async () => {
    const w = await roomWorld(t, { access: 'invite' });
    // a second encoder of the same store: a public show goes live beside the invite-only one
    const pub = await w.ok(w.owner.post('/api/console/live/shows', { title: '公开场', scheduledAt: t.clock.now().toISOString() }, newId()));
    const key2 = await w.ok(w.owner.post('/api/console/live/stream-keys', { label: '手机' }));
    const sys = systemCtx(t.database.db, w.tenant, 'test', { clock: t.clock, outboxWake: t.dispatcher.wake });
    expect(await startShow(sys, { channelId: key2.id, orgId: w.tenant.orgId, storeId: w.tenant.storeId, hostStaffId: w.tenant.ownerId })).toEqual({ showId: pub.id });
    await t.dispatcher.drain();
    expect((await t.app.inject(current(w))).json().show).toEqual(expect.objectContaining({ id: pub.id, title: '公开场', access: 'public', locked: false }));

    // the next scheduled show, members-only: locked and untitled for outsiders
    const later = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    const next = await w.ok(w.owner.post('/api/console/live/shows', { title: '会员专场', scheduledAt: later, access: 'members' }, newId()));
    expect((await t.app.inject(current(w))).json().next).toEqual({ id: next.id, title: null, access: 'members', locked: true, scheduledAt: later });
    expect((await (await w.neighbour()).get(current(w))).json().next).toMatchObject({ id: next.id, title: '会员专场', locked: false });
  });
});
