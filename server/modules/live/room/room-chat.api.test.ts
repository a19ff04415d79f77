import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../testing/api.js';
import { answer, chatTexts, roomWorld, say } from './testing.js';

describe('live room chat over real WebSockets (api)', async () => {
  const t = await createTestApp();

  it('rate-limits a flood from one neighbour (across their sockets) while another keeps chatting promptly', async () => {
    const w = await roomWorld(t);
    const flooder = await w.neighbour('刘强');
    const calm = await w.neighbour('张伟');
    const [a1, a2, b, viewer] = [await w.socket(flooder.cookie), await w.socket(flooder.cookie), await w.socket(calm.cookie), await w.socket()];

    // the clock stands still (ManualClock): the flooder's bucket never refills, so exactly the burst of 3 passes
    for (let i = 0; i < 12; i++) {
      a1.send({ type: 'send', topic: w.topic, name: 'chat', payload: { text: `刷屏${i}` }, ref: `a1-${i}` });
      a2.send({ type: 'send', topic: w.topic, name: 'chat', payload: { text: `刷屏${i}` }, ref: `a2-${i}` });
    }
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const sent = Date.now();
      expect(await say(b, w.topic, `你好${i}`)).toMatchObject({ type: 'ack' });
      await viewer.waitFor('events', (f) => f.events.some((e) => e.type === 'chat' && e.payload.text === `你好${i}`));
      delays.push(Date.now() - sent);
    }
    const answers = await Promise.all([...Array(12).keys()].flatMap((i) => [answer(a1, `a1-${i}`), answer(a2, `a2-${i}`)]));
    expect(answers.filter((f) => f.type === 'ack')).toHaveLength(3);
    const limited = answers.filter((f) => f.type === 'error');
    expect(limited).toHaveLength(21);
    expect(limited.every((f) => f.type === 'error' && f.code === 'RATE_LIMITED' && f.message === '操作太频繁，请稍后再试')).toBe(true);

    await viewer.waitForEvents(w.topic, 6);
    const seen = chatTexts(viewer, w.topic);
    expect(seen.filter((x) => x.startsWith('刷屏'))).toHaveLength(3);
    expect(seen.filter((x) => x.startsWith('你好'))).toEqual(['你好0', '你好1', '你好2']);
    // every calm line reached another viewer promptly, flood or not (a generous bound: the machine
    // is shared; the point is that the flood does not queue the others behind it)
    expect(Math.max(...delays)).toBeLessThan(2000);
    // refused lines were never stored
    const stored = (await w.owner.get(`/api/console/live/shows/${w.showId}/room`)).json().chat;
    expect(stored).toHaveLength(6);
    // the author is masked on the wire, never the phone
    const line = viewer.events(w.topic).find((e) => e.type === 'chat' && e.payload.text === '你好0');
    expect(line).toMatchObject({ payload: { author: '张*' } });
    expect(JSON.stringify(viewer.frames)).not.toContain(calm.phone);
    expect(a1.closed).toBeNull();

    // a refill lets the flooder speak again
    t.clock.advance(2_000);
    expect(await say(a1, w.topic, '好了不刷了')).toMatchObject({ type: 'ack' });
    // the anonymous viewer may watch but not chat
    expect(await say(viewer, w.topic, '路过')).toMatchObject({ type: 'error', code: 'UNAUTHENTICATED' });
    for (const c of [a1, a2, b, viewer]) c.close();
  });

  it('refuses muted and blocked neighbours and blocked words; nobody else sees those lines', async () => {
    const w = await roomWorld(t);
    const [talker, muted, blocked] = [await w.neighbour('王芳'), await w.neighbour('李雷'), await w.neighbour('赵四')];
    const s = { talker: await w.socket(talker.cookie), muted: await w.socket(muted.cookie), blocked: await w.socket(blocked.cookie) };
    const viewer = await w.socket();

    expect((await w.put('/api/console/live/settings', { blockedWords: ['微信', 'VX', '微信'] })).json()).toEqual({ blockedWords: ['微信', 'VX'] });
    expect((await w.owner.get('/api/console/live/settings')).json()).toEqual({ blockedWords: ['微信', 'VX'] });

    expect(await say(s.talker, w.topic, '加我 微 信！')).toMatchObject({ type: 'error', code: 'LIVE_CHAT_BLOCKED_WORD' });
    expect(await say(s.talker, w.topic, 'vx: 12345')).toMatchObject({ type: 'error', code: 'LIVE_CHAT_BLOCKED_WORD' });

    expect((await w.owner.post(`/api/console/live/shows/${w.showId}/mute`, { customerId: muted.customerId, minutes: 10 })).json()).toMatchObject({ until: expect.any(String) });
    expect((await w.owner.post(`/api/console/live/shows/${w.showId}/block`, { customerId: blocked.customerId })).json()).toEqual({ customerId: blocked.customerId, blocked: true });
    expect(await say(s.muted, w.topic, '我要说话')).toMatchObject({ type: 'error', code: 'LIVE_CHAT_MUTED', message: '你已被主播禁言' });
    expect(await say(s.blocked, w.topic, '我也要')).toMatchObject({ type: 'error', code: 'LIVE_CHAT_BLOCKED' });
    expect(await say(s.talker, w.topic, '草莓甜吗')).toMatchObject({ type: 'ack' });

    const room = (await w.owner.get(`/api/console/live/shows/${w.showId}/room`)).json();
    expect(room.chat.map((m: { text: string }) => m.text)).toEqual(['草莓甜吗']);
    expect(room.muted).toEqual([{ customerId: muted.customerId, until: expect.any(String) }]);
    expect(room.blocked).toEqual([blocked.customerId]);
    const state = (await muted.get(`/api/shop/${w.tenant.slug}/live/shows/${w.showId}`)).json();
    expect(state.me).toMatchObject({ signedIn: true, muted: true, blocked: false });

    // a lifted mute lets them talk again
    await w.owner.post(`/api/console/live/shows/${w.showId}/mute`, { customerId: muted.customerId, minutes: 0 });
    expect(await say(s.muted, w.topic, '谢谢老板')).toMatchObject({ type: 'ack' });

    await viewer.waitForEvents(w.topic, 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(chatTexts(viewer, w.topic)).toEqual(['草莓甜吗', '谢谢老板']);
    for (const c of [...Object.values(s), viewer]) c.close();
  });

  it('removes a line for everyone, and for anyone who joins later', async () => {
    const w = await roomWorld(t);
    const n = await w.neighbour('孙丽');
    const [writer, viewer] = [await w.socket(n.cookie), await w.socket()];
    await say(writer, w.topic, '广告：低价代购');
    await say(writer, w.topic, '这个多少钱');
    const room = (await w.owner.get(`/api/console/live/shows/${w.showId}/room`)).json();
    const ad = room.chat.find((m: { text: string }) => m.text.startsWith('广告'));
    expect(ad.customerId).toBe(n.customerId);

    const res = await w.owner.post(`/api/console/live/shows/${w.showId}/chat/${ad.messageId}/remove`);
    expect(res.json()).toEqual({ messageId: ad.messageId, removed: true });
    await t.dispatcher.drain();
    for (const c of [writer, viewer]) {
      const f = await c.waitFor('events', (x) => x.events.some((e) => e.type === 'chat_removed'));
      expect(f.events.find((e) => e.type === 'chat_removed')).toMatchObject({ payload: { messageId: ad.messageId } });
    }
    const late = await w.socket(undefined, { tail: 50 });
    expect(late.events(w.topic).map((e) => e.type)).toEqual(['show_status', 'chat', 'chat', 'chat_removed']);
    const after = (await w.owner.get(`/api/console/live/shows/${w.showId}/room`)).json();
    expect(after.chat.map((m: { removed: boolean }) => m.removed)).toEqual([true, false]);
    // again: nothing changes; an unknown line is not found
    expect((await w.owner.post(`/api/console/live/shows/${w.showId}/chat/${ad.messageId}/remove`)).statusCode).toBe(200);
    const other = await roomWorld(t);
    expect((await other.owner.post(`/api/console/live/shows/${other.showId}/chat/${ad.messageId}/remove`)).json().code).toBe('LIVE_CHAT_MESSAGE_NOT_FOUND');
    for (const c of [writer, viewer, late]) c.close();
  });
});
