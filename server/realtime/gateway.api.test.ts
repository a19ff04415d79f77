import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProduct } from '../modules/catalog/index.js';
import { receive } from '../modules/inventory/index.js';
import { createTestApp, type TestApp } from '../testing/api.js';
import { makeTenant, TEST_PASSWORD } from '../testing/factories.js';
import { RealtimeClient } from './client.js';
import { topics, type RealtimeEvent } from './contract.js';
import { TestClient } from './test-client.js';

let t: TestApp;
let url: string;
const room = () => `t_room:${randomUUID()}`;
const chat = (text: string) => ({ messageId: randomUUID(), author: '张*', text, at: new Date().toISOString() });
const texts = (evs: RealtimeEvent[]) => evs.map((e) => (e.type === 'chat' ? e.payload.text : e.type));

beforeAll(async () => {
  t = await createTestApp();
  const rt = t.deps.realtime;
  // test-only prefixes, so the modules' own authorizers (room, campaign, store) stay theirs
  rt.allowPublic('t_room');
  rt.authorize('t_staff', async (_topic, who) => (await who.staff()) !== null);
  rt.onClientMessage('chat', {
    prefix: 't_room',
    rate: { burst: 5, perSecond: 0.2 },
    handle: async ({ topic, payload }) => void (await rt.publish(topic, 'chat', chat(payload.text))),
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  url = `ws://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/ws`;
});

describe('GET /ws', () => {
  it('delivers what a module publishes to the subscribers of the topic', async () => {
    const topic = room();
    const [a, b] = await Promise.all([TestClient.open(url), TestClient.open(url)]);
    await a.subscribe(topic);
    await b.subscribe(topic);
    const id = await t.deps.realtime.publish(topic, 'chat', chat('大家好'));
    await t.deps.realtime.signal(topic, 'viewers', { count: 2 });
    for (const c of [a, b]) {
      const evs = await c.waitForEvents(topic, 2);
      expect(evs[0]).toMatchObject({ id, type: 'chat', payload: { text: '大家好' } });
      expect(evs[1]).toEqual({ type: 'viewers', payload: { count: 2 } });
      c.close();
    }
  });

  it('resumes from lastEventId with exactly the missed durable messages, no volatile ones', async () => {
    const topic = room();
    const rt = t.deps.realtime;
    const a = await TestClient.open(url);
    await a.subscribe(topic);
    const first = await rt.publish(topic, 'chat', chat('1'));
    await a.waitForEvents(topic, 1);
    a.close();
    await a.waitClosed();
    await rt.publish(topic, 'chat', chat('2'));
    await rt.signal(topic, 'likes', { total: 5 });
    await rt.publish(topic, 'chat', chat('3'));
    const back = await TestClient.open(url);
    await back.subscribe(topic, { lastEventId: first });
    expect(back.events(topic).map((e) => [e.id, texts([e])[0]])).toEqual([
      [first + 1, '2'],
      [first + 2, '3'],
    ]);
    await rt.publish(topic, 'chat', chat('4'));
    expect(texts(await back.waitForEvents(topic, 3))).toEqual(['2', '3', '4']);
    back.close();
  });

  it('refuses topics the connection may not read, and lets staff read theirs', async () => {
    const anon = await TestClient.open(url);
    for (const topic of ['t_staff:x', 'nobody:x', `store:${randomUUID()}:orders`]) {
      anon.send({ type: 'subscribe', topic });
      expect(await anon.waitFor('error', (f) => f.topic === topic)).toMatchObject({ code: 'REALTIME_TOPIC_FORBIDDEN' });
    }
    await t.deps.realtime.publish('t_staff:x', 'chat', chat('secret'));
    const tenant = await makeTenant(t.database.db);
    const staff = await TestClient.open(url, { cookie: await t.loginStaff(tenant.ownerLogin, TEST_PASSWORD) });
    await staff.subscribe('t_staff:x');
    await staff.subscribe(`store:${tenant.storeId}:orders`);
    expect(anon.events('t_staff:x')).toEqual([]);
    anon.close();
    staff.close();
  });

  it('rate-limits a chat flood from one socket while another socket still chats', async () => {
    const topic = room();
    const [flood, calm, viewer] = await Promise.all([TestClient.open(url), TestClient.open(url), TestClient.open(url)]);
    for (const c of [flood, calm, viewer]) await c.subscribe(topic);
    for (let i = 0; i < 12; i++) flood.send({ type: 'send', topic, name: 'chat', payload: { text: `刷屏${i}` }, ref: `f${i}` });
    for (let i = 0; i < 3; i++) calm.send({ type: 'send', topic, name: 'chat', payload: { text: `你好${i}` }, ref: `c${i}` });
    for (let i = 0; i < 3; i++) await calm.waitFor('ack', (f) => f.ref === `c${i}`);
    await flood.waitFor('error', (f) => f.ref === 'f11');
    const limited = flood.frames.filter((f) => f.type === 'error' && f.code === 'RATE_LIMITED');
    expect(limited).toHaveLength(7);
    const seen = texts(await viewer.waitForEvents(topic, 8));
    expect(seen.filter((x) => x.startsWith('刷屏'))).toHaveLength(5);
    expect(seen.filter((x) => x.startsWith('你好'))).toEqual(['你好0', '你好1', '你好2']);
    expect(flood.closed).toBeNull(); // limited, not yet thrown out
    for (const c of [flood, calm, viewer]) c.close();
  });

  it('answers malformed and oversized frames with a typed error, and closes (1008) on repeated abuse', async () => {
    const c = await TestClient.open(url);
    c.send('not json');
    expect(await c.waitFor('error')).toMatchObject({ code: 'REALTIME_MALFORMED', message: '实时消息格式有误' });
    c.send({ type: 'subscribe', topic: 'room:has spaces' });
    c.send({ type: 'send', topic: room(), name: 'chat', payload: { text: 'x' }, ref: 'r1' });
    c.send(JSON.stringify({ type: 'ping', pad: 'x'.repeat(5000) }));
    await c.waitFor('error', (f) => f.code === 'REALTIME_TOO_LARGE');
    expect(await c.waitFor('error', (f) => f.ref === 'r1')).toMatchObject({ code: 'REALTIME_NOT_SUBSCRIBED' });
    expect(c.frames.filter((f) => f.type === 'error' && f.code === 'REALTIME_MALFORMED')).toHaveLength(2);
    for (let i = 0; i < 20 && !c.closed; i++) c.send('{');
    expect((await c.waitClosed()).code).toBe(1008);
  });

  it('caps subscriptions per socket', async () => {
    const c = await TestClient.open(url);
    for (let i = 0; i < 20; i++) await c.subscribe(room());
    const extra = room();
    c.send({ type: 'subscribe', topic: extra });
    expect(await c.waitFor('error', (f) => f.topic === extra)).toMatchObject({ code: 'REALTIME_TOO_MANY_SUBSCRIPTIONS' });
    c.close();
  });

  it('refuses a handshake from a foreign page (Origin)', async () => {
    await expect(TestClient.open(url, { origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
    const ok = await TestClient.open(url, { origin: `http://${new URL(url).host}` });
    ok.close();
  });

  it("shows a committed stock change on the store's public stock topic", async () => {
    const tenant = await makeTenant(t.database.db);
    const ctx = tenant.ctx();
    const p = await createProduct(ctx, { name: '阳光玫瑰', skus: [{ spec: '一盒', unit: '盒', priceFen: 3990 }] });
    const skuId = p.skus[0]!.id;
    const c = await TestClient.open(url);
    await c.subscribe(topics.stock(tenant.storeId));
    await receive(ctx, { skuId, qty: 6 });
    await t.dispatcher.drain();
    const [e] = await c.waitForEvents(topics.stock(tenant.storeId), 1);
    expect(e).toMatchObject({ type: 'stock', payload: { skuId, available: 6 } });
    c.close();
  });

  it('the browser client resumes after a dropped connection without losing or repeating messages', async () => {
    const topic = room();
    const got: string[] = [];
    const client = new RealtimeClient({ url, WebSocket: WebSocket as never });
    client.subscribe(topic, { onEvent: (e) => e.type === 'chat' && got.push(e.payload.text) });
    const until = async (ok: () => boolean) => {
      for (let i = 0; i < 250 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
      expect(ok()).toBe(true);
    };
    await until(() => client.lastEventId(topic) !== undefined); // `subscribed` arrived
    await client.send(topic, 'chat', { text: 'a' });
    await until(() => got.length === 1);
    for (const ws of t.app.websocketServer.clients) ws.terminate(); // the network drops
    await t.deps.realtime.publish(topic, 'chat', chat('b'));
    await t.deps.realtime.publish(topic, 'chat', chat('c'));
    await until(() => got.length >= 3);
    await t.deps.realtime.publish(topic, 'chat', chat('d'));
    await until(() => got.length >= 4);
    expect(got).toEqual(['a', 'b', 'c', 'd']);
    client.close();
  });
});
