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
