import { isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newId } from '../kernel/ids.js';
import { createTestDatabase } from '../testing/test-db.js';
import { OutboxDispatcher } from './dispatcher.js';
import { outboxEvents } from './tables.js';

describe('the outbox dispatcher', async () => {
  const database = await createTestDatabase();
  const db = database.db;
  const pending = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(outboxEvents).where(isNull(outboxEvents.dispatchedAt)))[0]!.n;

  it('delivers in id order; stop() ends a long backlog after the batch in flight, and start() carries on from there', async () => {
    const orgId = newId();
    const storeId = newId();
    await db.insert(outboxEvents).values(Array.from({ length: 1000 }, (_, i) => ({ orgId, storeId, type: 'order.ready' as const, payload: { orderId: String(i), channel: 'shop', customerId: null } })));
    const seen: string[] = [];
    const d = new OutboxDispatcher(db);
    let stopped: Promise<void> | null = null;
    d.on('order.ready', async (e) => {
      seen.push(e.payload.orderId);
      if (seen.length === 250) stopped = d.stop(); // a shutdown in the middle of the second batch of 200
    });
    await d.drain();
    await stopped;
    // the batch in flight finished (events 200–399) and was marked; nothing after it was touched
    expect(seen).toEqual(Array.from({ length: 400 }, (_, i) => String(i)));
    expect(await pending()).toBe(600);

    d.start(60_000);
    await d.drain();
    await d.stop();
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => String(i)));
    expect(await pending()).toBe(0);
  });
});

describe('the outbox dispatcher, events without a subscriber and cascades', async () => {
  const database = await createTestDatabase();
  const db = database.db;

  it('marks events nobody here subscribes to as delivered in the claim, and a drain also delivers what the handlers emitted', async () => {
    const orgId = newId();
    const storeId = newId();
    const ready = (orderId: string) => ({ orgId, storeId, type: 'order.ready' as const, payload: { orderId, channel: 'shop', customerId: null } });
    await db.insert(outboxEvents).values([
      ready('a'),
      { orgId, storeId, type: 'notification.sent' as const, payload: { messageId: 'm1', template: 'order_ready', customerId: 'c' } },
      ready('b'),
    ]);
    const d = new OutboxDispatcher(db);
    const seen: string[] = [];
    d.on('order.ready', async (e) => {
      seen.push(e.payload.orderId);
      // a handler that writes another event (as a cascade would): the same drain delivers it
      if (e.payload.orderId === 'b') await db.insert(outboxEvents).values(ready('c'));
    });
    await d.drain();
    expect(seen).toEqual(['a', 'b', 'c']);
    const rows = await db.select().from(outboxEvents).orderBy(outboxEvents.id);
    expect(rows.map((r) => [r.type, r.dispatchedAt !== null, r.claimedUntil])).toEqual([
      ['order.ready', true, null],
      ['notification.sent', true, null],
      ['order.ready', true, null],
      ['order.ready', true, null],
    ]);
  });

  it('a burst of wakes while events keep coming is delivered by a few passes, every event once', async () => {
    const orgId = newId();
    const storeId = newId();
    const d = new OutboxDispatcher(db);
    const seen: string[] = [];
    d.on('order.ready', (e) => void seen.push(e.payload.orderId));
    for (let i = 0; i < 30; i++) {
      await db.insert(outboxEvents).values({ orgId, storeId, type: 'order.ready' as const, payload: { orderId: `w${i}`, channel: 'shop', customerId: null } });
      d.wake();
    }
    await d.drain();
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => `w${i}`));
    await d.stop();
  });
});
