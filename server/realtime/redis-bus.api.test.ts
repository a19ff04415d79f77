import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Linli } from '../app.js';
import { parseConfig } from '../config.js';
import { createTestDatabase } from '../testing/test-db.js';
import type { RealtimeEvent } from './contract.js';
import type { RedisBus } from './redis-bus.js';
import { TestClient } from './test-client.js';

/** Two API nodes on one Redis (127.0.0.1:6379 here and in CI), each with its own sockets. */
const REDIS_URL = 'redis://127.0.0.1:6379';
const nodes: Array<{ linli: Linli; url: string }> = [];
const topic = () => `t_room:${randomUUID()}`;
const chat = (text: string) => ({ messageId: randomUUID(), author: '王*', text, at: new Date().toISOString() });
const ids = (evs: RealtimeEvent[]) => evs.map((e) => e.id);

beforeAll(async () => {
  const database = await createTestDatabase();
  for (let i = 0; i < 2; i++) {
    const linli = await buildApp({ config: parseConfig({ NODE_ENV: 'test', SEED_DEMO: '0', REDIS_URL }), database });
    linli.deps.realtime.allowPublic('t_room');
    await linli.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = linli.app.server.address();
    nodes.push({ linli, url: `ws://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/ws` });
  }
});
afterAll(async () => {
  for (const n of nodes) await n.linli.close();
});

describe('realtime over Redis', () => {
  it('uses the Redis bus when REDIS_URL is set', () => {
    expect(nodes[0]!.linli.deps.realtime.stats().bus).toBe('redis');
  });

  it('delivers a message published on node A to a socket on node B, with one id order for all', async () => {
    const [a, b] = nodes;
    const t = topic();
    const onA = await TestClient.open(a!.url);
    const onB = await TestClient.open(b!.url);
    await onA.subscribe(t);
    await onB.subscribe(t);
    // both nodes publish at once: ids still form one sequence, seen in the same order everywhere
    const published = await Promise.all(
      Array.from({ length: 40 }, (_, i) => nodes[i % 2]!.linli.deps.realtime.publish(t, 'chat', chat(`${i}`))),
    );
    await a!.linli.deps.realtime.signal(t, 'viewers', { count: 2 });
    const sorted = [...published].sort((x, y) => x - y);
    expect(sorted.every((id, i) => i === 0 || id === sorted[i - 1]! + 1)).toBe(true);
    const evA = (await onA.waitForEvents(t, 41)).filter((e) => e.id !== undefined);
    const evB = (await onB.waitForEvents(t, 41)).filter((e) => e.id !== undefined);
    expect(ids(evA)).toEqual(sorted);
    expect(ids(evB)).toEqual(sorted);
    expect(onB.events(t).at(-1)).toEqual({ type: 'viewers', payload: { count: 2 } });
    onA.close();
    onB.close();
  });

  it('resumes on node B from the history node A wrote while B had no socket on the topic', async () => {
    const [a, b] = nodes;
    const t = topic();
    const rtA = a!.linli.deps.realtime;
    const first = await rtA.publish(t, 'chat', chat('1'));
    await rtA.publish(t, 'chat', chat('2'));
    await rtA.signal(t, 'likes', { total: 3 });
    const third = await rtA.publish(t, 'chat', chat('3'));
    const onB = await TestClient.open(b!.url);
    await onB.subscribe(t, { lastEventId: first });
    expect(ids(onB.events(t))).toEqual([first + 1, third]);
    await rtA.publish(t, 'chat', chat('4'));
    expect(ids(await onB.waitForEvents(t, 3))).toEqual([first + 1, third, third + 1]);
    onB.close();
  });
});

describe('realtime over Redis, when a node loses its subscription', () => {
  it('fetches what it missed from the history once it is back', async () => {
    const [a, b] = nodes;
    const t = topic();
    const rtA = a!.linli.deps.realtime;
    const onB = await TestClient.open(b!.url);
    await onB.subscribe(t);
    const first = await rtA.publish(t, 'chat', chat('before'));
    await onB.waitForEvents(t, 1);
    // cut node B's subscriber connection (only that one: other test runs may share this Redis)
    const admin = new Redis(REDIS_URL);
    const name = (b!.linli.deps.realtime.bus as RedisBus).subscriberName;
    const line = (await admin.client('LIST')) as string;
    const id = /id=(\d+) .*name=(\S+)/g;
    const victim = [...line.matchAll(id)].find((m) => m[2] === name)?.[1];
    expect(victim).toBeDefined();
    await admin.client('KILL', 'ID', victim!);
    await rtA.publish(t, 'chat', chat('during 1'));
    await rtA.publish(t, 'chat', chat('during 2'));
    await admin.quit();
    const evs = await onB.waitForEvents(t, 3, 10_000);
    expect(ids(evs)).toEqual([first, first + 1, first + 2]);
    onB.close();
  });
});
