import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../kernel/ids.js';
import { TestClient } from '../../../realtime/test-client.js';
import { createTestApp } from '../../../testing/api.js';
import { notificationTables } from '../../notifications/index.js';
import { endShow } from '../use-cases/end-show.js';
import { ROOM_LIKES_JOB } from './register.js';
import { answer, roomWorld, type RoomWorld } from './testing.js';

describe('live room: access, reminders, presence, pins, giveaways, stats (api)', async () => {
  const t = await createTestApp();
  const roomUrl = (w: RoomWorld, q = '') => `/api/shop/${w.tenant.slug}/live/shows/${w.showId}${q}`;
  const refused = async (c: TestClient, topic: string) => {
    c.send({ type: 'subscribe', topic });
    return c.waitFor('error', (f) => f.topic === topic);
  };

  it('keeps a members-only room closed to visitors who are not signed in, over HTTP and the WebSocket', async () => {
    const w = await roomWorld(t, { access: 'members' });
    const anon = await t.app.inject(roomUrl(w));
    expect(anon.statusCode).toBe(403);
    expect(anon.json()).toMatchObject({ code: 'LIVE_ROOM_RESTRICTED', message: '该直播间仅限本店会员或受邀邻居进入', details: { access: 'members' } });
    const en = await t.app.inject({ url: roomUrl(w), headers: { 'accept-language': 'en' } });
    expect(en.json().message).toBe("This live room is for the store's members or invited neighbours only");
    const c = await TestClient.open(w.url);
    expect(await refused(c, w.topic)).toMatchObject({ code: 'REALTIME_TOPIC_FORBIDDEN' });
    // a neighbour of another organisation is a stranger here
    const elsewhere = await roomWorld(t);
    const stranger = await elsewhere.neighbour();
    expect((await stranger.get(roomUrl(w))).statusCode).toBe(403);
    const sc = await TestClient.open(w.url, { cookie: stranger.cookie });
    expect(await refused(sc, w.topic)).toMatchObject({ code: 'REALTIME_TOPIC_FORBIDDEN' });

    const member = await w.neighbour('周杰');
    expect((await member.get(roomUrl(w))).json()).toMatchObject({ show: { access: 'members', status: 'live' }, me: { signedIn: true } });
    const mc = await w.socket(member.cookie);
    expect(mc.frames.some((f) => f.type === 'subscribed')).toBe(true);
    // the store's staff may always watch their own room
    const staff = await TestClient.open(w.url, { cookie: w.ownerCookie });
    await staff.subscribe(w.topic);
    for (const x of [c, sc, mc, staff]) x.close();
    // not listed to strangers? members rooms are listed (to invite sign-in); invite rooms are not
    expect((await t.app.inject(`/api/shop/${w.tenant.slug}/live/shows`)).json().map((s: { id: string }) => s.id)).toContain(w.showId);
  });

  it('opens an invite-only room with the share link token only, and remembers it for the socket', async () => {
    const w = await roomWorld(t, { access: 'invite' });
    const room = (await w.owner.get(`/api/console/live/shows/${w.showId}/room`)).json();
    const token: string = room.settings.inviteToken;
    expect(room.settings.sharePath).toBe(`/live/${w.tenant.slug}/${w.showId}?invite=${token}`);
    const n = await w.neighbour();
    expect((await n.get(roomUrl(w))).json().code).toBe('LIVE_ROOM_RESTRICTED');
    expect((await n.get(roomUrl(w, '?invite=wrong-token'))).statusCode).toBe(403);
    // nor can a stranger who learnt the show id ask for a reminder (the message carries the invite link)
    expect((await n.post(roomUrl(w, '/reminder'), undefined, newId())).json().code).toBe('LIVE_ROOM_RESTRICTED');
    const ok = await n.get(roomUrl(w, `?invite=${token}`));
    expect(ok.statusCode).toBe(200);
    const remembered = ok.cookies.find((k) => k.name === 'linli_invite');
    expect(remembered?.value).toBe(token);

    // nor enter the room's giveaway; with the invite they can
    const g = (await w.owner.post(`/api/console/live/shows/${w.showId}/giveaways`, { prize: '草莓一盒', durationSec: 120 }, newId())).json();
    const enterUrl = `/api/shop/${w.tenant.slug}/live/giveaways/${g.id}/enter`;
    expect((await n.post(enterUrl)).json()).toMatchObject({ code: 'LIVE_ROOM_RESTRICTED' });
    const withInvite = await t.app.inject({ method: 'POST', url: `${enterUrl}?invite=${token}`, headers: { cookie: n.cookie, 'x-linli-csrf': '1' } });
    expect(withInvite.json()).toMatchObject({ entered: true, entrants: 1 });
    const without = await TestClient.open(w.url, { cookie: n.cookie });
    expect(await refused(without, w.topic)).toMatchObject({ code: 'REALTIME_TOPIC_FORBIDDEN' });
    const withCookie = await w.socket(`${n.cookie}; linli_invite=${token}`);
    const anonWithLink = await w.socket(undefined, { query: `?invite=${token}` });
    // rotating the token kills the old link
    const rotated = (await w.owner.post(`/api/console/live/shows/${w.showId}/room-settings`, { rotateInvite: true })).json();
    expect(rotated.inviteToken).not.toBe(token);
    expect((await t.app.inject({ url: roomUrl(w), headers: { cookie: `linli_invite=${token}` } })).statusCode).toBe(403);
    expect((await t.app.inject(`/api/shop/${w.tenant.slug}/live/shows`)).json().map((s: { id: string }) => s.id)).not.toContain(w.showId);
    for (const x of [without, withCookie, anonWithLink]) x.close();
  });

  it('reminds each neighbour who asked exactly once when the show goes live', async () => {
    const w = await roomWorld(t, { live: false });
    const [a, b] = [await w.neighbour(), await w.neighbour()];
    const url = `/api/shop/${w.tenant.slug}/live/shows/${w.showId}/reminder`;
    expect((await a.post(url)).json().code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const key = newId();
    const first = await a.post(url, undefined, key);
    expect(first.json()).toEqual({ showId: w.showId, reminded: true });
    expect((await a.post(url, undefined, key)).json()).toEqual(first.json());
    expect((await a.post(url, undefined, newId())).statusCode).toBe(200); // asking again: still one reminder
    await b.post(url, undefined, newId());
    expect((await a.get(roomUrl(w))).json()).toMatchObject({ show: { status: 'scheduled' }, playback: null, me: { reminded: true } });
    expect((await t.app.inject(`/api/shop/${w.tenant.slug}/live/shows`)).json()[0]).toMatchObject({ id: w.showId, reminded: false });
    expect((await a.get(`/api/shop/${w.tenant.slug}/live/shows`)).json()[0]).toMatchObject({ id: w.showId, reminded: true });

    const viewer = await w.socket();
    await w.goLive();
    await t.dispatcher.drain();
    await t.dispatcher.drain();
    const msgs = await t.database.db
      .select()
      .from(notificationTables.messages)
      .where(and(eq(notificationTables.messages.storeId, w.tenant.storeId), sql`${notificationTables.messages.params}->>'showId' = ${w.showId}`));
    expect(msgs.map((m) => m.customerId).sort()).toEqual([a.customerId, b.customerId].sort());
    expect(msgs[0]!.body).toContain(`/live/${w.tenant.slug}/${w.showId}`);
    expect(await viewer.waitForEvents(w.topic, 1)).toEqual([expect.objectContaining({ type: 'show_status', payload: expect.objectContaining({ status: 'live' }) })]);
    expect((await a.post(url, undefined, newId())).json().code).toBe('LIVE_REMINDER_CLOSED');
    viewer.close();
  });

  it('counts viewers from heartbeats, likes, pins a product with its price and stock, and reports the stats', async () => {
    const w = await roomWorld(t);
    const [a, b] = [await w.neighbour('钱多多'), await w.neighbour()];
    const [sa, sb, anon] = [await w.socket(a.cookie), await w.socket(b.cookie), await w.socket()];
    let ref = 0;
    const send = async (c: TestClient, name: string, payload: object) => {
      const r = `x${++ref}`;
      c.send({ type: 'send', topic: w.topic, name, payload, ref: r });
      return answer(c, r);
    };
    for (const c of [sa, sb, anon]) expect(await send(c, 'heartbeat', {})).toMatchObject({ type: 'ack' });
    const viewers = await anon.waitFor('events', (f) => f.events.some((e) => e.type === 'viewers' && e.payload.count === 3));
    expect(viewers).toBeTruthy();
    await send(sa, 'like', { n: 3 });
    await send(anon, 'like', { n: 2 });
    await t.scheduler.runNow(ROOM_LIKES_JOB);
    await anon.waitFor('events', (f) => f.events.some((e) => e.type === 'likes' && e.payload.total === 5));

    const pin = await w.owner.post(`/api/console/live/shows/${w.showId}/pin`, { kind: 'product', refId: w.skuId });
    expect(pin.json().pinned).toMatchObject({ kind: 'product', refId: w.skuId, priceFen: 2990, available: 8 });
    await t.dispatcher.drain();
    const pinned = await anon.waitFor('events', (f) => f.events.some((e) => e.type === 'pin'));
    expect(pinned.events.find((e) => e.type === 'pin')).toMatchObject({ payload: { pinned: { refId: w.skuId, priceFen: 2990, available: 8 } } });
    const other = await roomWorld(t);
    expect((await w.owner.post(`/api/console/live/shows/${w.showId}/pin`, { kind: 'product', refId: other.skuId })).json().code).toBe('SKU_NOT_FOUND');
    // a presale campaign through the presale port (live never imports group buy)
    const campaign = (
      await w.owner.post('/api/console/campaigns', {
        title: '周六车厘子接龙', status: 'open', openAt: new Date(t.clock.now().getTime() - 60_000).toISOString(),
        cutoffAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(), pickupDate: '2099-01-01', items: [{ skuId: w.skuId, priceFen: 1990 }],
      })
    ).json();
    const pc = await w.owner.post(`/api/console/live/shows/${w.showId}/pin`, { kind: 'campaign', refId: campaign.id });
    expect(pc.json().pinned).toMatchObject({ kind: 'campaign', refId: campaign.id, title: '周六车厘子接龙', priceFen: 1990 });
    expect((await w.owner.post(`/api/console/live/shows/${w.showId}/pin`, { kind: null })).json()).toEqual({ pinned: null });
    await w.owner.post(`/api/console/live/shows/${w.showId}/pin`, { kind: 'product', refId: w.skuId });

    const state = (await a.get(roomUrl(w))).json();
    expect(state).toMatchObject({ likes: 5, viewers: 3, pinned: { refId: w.skuId }, topic: w.topic, products: [{ skuId: w.skuId, priceFen: 2990, available: 8 }] });
    const figures = (await w.owner.get(`/api/console/live/shows/${w.showId}/room`)).json();
    expect(figures).toMatchObject({ viewersNow: 3, peakViewers: 3, uniqueViewers: 3, likes: 5 });

    // at 30 s A and B beat, at 60 s and 95 s only A: B (last beat 65 s ago) and the anonymous
    // phone are gone, the peak stays. Watch time: A 95 s + B 30 s
    t.clock.advance(30_000);
    for (const c of [sa, sb]) expect(await send(c, 'heartbeat', {})).toMatchObject({ type: 'ack' });
    t.clock.advance(30_000);
    expect(await send(sa, 'heartbeat', {})).toMatchObject({ type: 'ack' });
    t.clock.advance(35_000);
    // (a socket may beat 3 times in a burst, then every 5 s of real time: A's phone reconnected)
    const sa2 = await w.socket(a.cookie);
    expect(await send(sa2, 'heartbeat', {})).toMatchObject({ type: 'ack' });
    expect(await send(sa, 'heartbeat', {})).toMatchObject({ type: 'error', code: 'RATE_LIMITED' });
    expect((await w.owner.get(`/api/console/live/shows/${w.showId}/room`)).json()).toMatchObject({ viewersNow: 1, peakViewers: 3 });
    await endShow(w.ctx, w.showId);
    const stats = (await w.owner.get(`/api/console/live/shows/${w.showId}/stats`)).json();
    expect(stats).toMatchObject({ status: 'ended', uniqueViewers: 3, signedInViewers: 2, peakViewers: 3, likes: 5, watchMinutes: 2.1, chatMessages: 0 });
    expect(stats.sales).toMatchObject({ orders: 0, gmvFen: 0, products: [] });
    for (const c of [sa, sa2, sb, anon]) c.close();
  });

  it('draws a giveaway among entrants still watching, tells the room the entrant count as people enter, and the winner', async () => {
    const w = await roomWorld(t);
    const [stay, leave] = [await w.neighbour('吴敏'), await w.neighbour('郑浩')];
    const [ss, sl, viewer] = [await w.socket(stay.cookie), await w.socket(leave.cookie), await w.socket()];
    ss.send({ type: 'send', topic: w.topic, name: 'heartbeat', payload: {}, ref: 'h1' });
    sl.send({ type: 'send', topic: w.topic, name: 'heartbeat', payload: {}, ref: 'h2' });
    await answer(ss, 'h1');
    await answer(sl, 'h2');
    const url = `/api/console/live/shows/${w.showId}/giveaways`;
    expect((await w.owner.post(url, { prize: '草莓一盒', durationSec: 120 })).json().code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const g = (await w.owner.post(url, { prize: '草莓一盒', durationSec: 120 }, newId())).json();
    expect(g).toMatchObject({ status: 'open', entrants: 0, winner: null });
    for (const n of [stay, leave]) {
      expect((await n.post(`/api/shop/${w.tenant.slug}/live/giveaways/${g.id}/enter`)).json()).toMatchObject({ entered: true });
    }
    expect((await t.app.inject({ method: 'POST', url: `/api/shop/${w.tenant.slug}/live/giveaways/${g.id}/enter`, headers: { 'x-linli-csrf': '1' } })).statusCode).toBe(401);
    // the room sees the entrant count, coalesced: three taps (one of them a repeat) → one message
    expect((await stay.post(`/api/shop/${w.tenant.slug}/live/giveaways/${g.id}/enter`)).json()).toMatchObject({ entered: true, entrants: 2 });
    const entrants = () => viewer.events(w.topic).filter((e) => e.type === 'giveaway_entrants');
    expect(entrants()).toEqual([]);
    await t.scheduler.runNow(ROOM_LIKES_JOB);
    await viewer.waitFor('events', (f) => f.events.some((e) => e.type === 'giveaway_entrants'));
    expect(entrants()).toEqual([{ type: 'giveaway_entrants', payload: { giveawayId: g.id, entrants: 2 } }]);
    await t.scheduler.runNow(ROOM_LIKES_JOB); // nobody entered since: nothing more is sent
    await new Promise((r) => setTimeout(r, 100));
    expect(entrants()).toHaveLength(1);
    t.clock.advance(45_000);
    ss.send({ type: 'send', topic: w.topic, name: 'heartbeat', payload: {}, ref: 'h3' });
    await answer(ss, 'h3');
    t.clock.advance(30_000); // `leave` last beat 75 s ago: not present
    const drawn = (await w.owner.post(`/api/console/live/giveaways/${g.id}/draw`)).json();
    expect(drawn).toMatchObject({ status: 'drawn', entrants: 2, eligible: 1, winner: '吴*', winnerCustomerId: stay.customerId });
    await t.dispatcher.drain();
    const ev = await viewer.waitFor('events', (f) => f.events.some((e) => e.type === 'giveaway' && e.payload.status === 'drawn'));
    expect(ev.events.find((e) => e.type === 'giveaway' && e.payload.status === 'drawn')).toMatchObject({ payload: { winner: '吴*', entrants: 2 } });
    expect(JSON.stringify(viewer.frames)).not.toContain(stay.customerId);
    const [msg] = await t.database.db
      .select()
      .from(notificationTables.messages)
      .where(and(eq(notificationTables.messages.customerId, stay.customerId), sql`${notificationTables.messages.params}->>'giveawayId' = ${g.id}`));
    expect(msg!.body).toContain('草莓一盒');
    expect((await leave.get(roomUrl(w))).json().giveaway).toMatchObject({ id: g.id, status: 'drawn', entered: true, winner: '吴*' });
    for (const c of [ss, sl, viewer]) c.close();
  });
});
