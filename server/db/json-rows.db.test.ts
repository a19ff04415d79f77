import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outboxEvents } from '../events/tables.js';
import { idempotencyKeys } from '../idempotency/tables.js';
import { newId } from '../kernel/ids.js';
import { createTestDatabase } from '../testing/test-db.js';
import { insertJsonRows, insertedRow } from './json-rows.js';
import { queryRows } from './raw.js';

describe('insertJsonRows: a multi-row insert with one JSON parameter', async () => {
  const database = await createTestDatabase();
  const db = database.db;

  // what a flash batch writes: money in fen, units, unicode, quotes, nested JSON, nulls, times
  const payload = (n: number) => ({
    orderId: newId(),
    totalFen: 990 * n,
    lines: [{ skuId: newId(), qty: n, lineTotalFen: 990 * n }],
    who: `王*${n} "引号" \\ 反斜杠 \n 换行 ☀`,
    note: null,
    at: '2026-11-25T06:00:00.000Z',
  });

  it('writes the same rows as the query builder, in array order (serial ids), defaults filled by the database', async () => {
    const store = newId();
    const events = Array.from({ length: 50 }, (_, i) => ({ orgId: newId(), storeId: store, type: i % 2 ? 'order.created' : 'order.ready', payload: payload(i + 1) }));
    await db.insert(outboxEvents).values(events.map((e) => ({ ...e, type: `${e.type}:builder` })));
    await db.execute(insertJsonRows(outboxEvents, events.map((e) => ({ ...e, type: `${e.type}:json` }))));

    const rows = await db.select().from(outboxEvents).where(eq(outboxEvents.storeId, store)).orderBy(asc(outboxEvents.id));
    const byBuilder = rows.filter((r) => r.type.endsWith(':builder'));
    const byJson = rows.filter((r) => r.type.endsWith(':json'));
    expect(byJson).toHaveLength(50);
    const plain = (r: (typeof rows)[number]) => ({ ...r, id: 0, createdAt: 0, type: r.type.split(':')[0] });
    expect(byJson.map(plain)).toEqual(byBuilder.map(plain));
    // the payloads (money, units, text) came back exactly, in the order given
    expect(byJson.map((r) => r.payload)).toEqual(events.map((e) => e.payload));
    expect(byJson.reduce((s, r) => s + (r.payload as { totalFen: number }).totalFen, 0)).toBe(990 * ((50 * 51) / 2));
    expect(byJson.every((r, i) => i === 0 || r.id > byJson[i - 1]!.id)).toBe(true);
    expect(byJson.every((r) => r.attempts === 0 && r.dispatchedAt === null && r.createdAt instanceof Date)).toBe(true);
  });

  it('takes a tail (on conflict … returning) and the row it wrote is what insertedRow says', async () => {
    const store = newId();
    const keys = ['a', 'b', 'c'].map((k) => ({ storeId: store, scope: 'test', key: k, requestHash: `h-${k}`, response: { id: k, totalFen: 1990 } }));
    const first = await queryRows<{ key: string }>(db, insertJsonRows(idempotencyKeys, keys.slice(0, 2), sql`on conflict do nothing returning key`));
    expect(first.map((r) => r.key).sort()).toEqual(['a', 'b']);
    // a key already there is skipped, not overwritten
    const again = await queryRows<{ key: string }>(db, insertJsonRows(idempotencyKeys, [{ ...keys[0]!, response: { id: 'other', totalFen: 1 } }, keys[2]!], sql`on conflict do nothing returning key`));
    expect(again.map((r) => r.key)).toEqual(['c']);
    const stored = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.storeId, store)).orderBy(asc(idempotencyKeys.key));
    expect(stored.map((r) => [r.key, r.response])).toEqual(keys.map((k) => [k.key, k.response]));
    expect(() => insertedRow(idempotencyKeys, keys[0]!)).toThrow(/database-side default/);
    expect(insertedRow(idempotencyKeys, { ...keys[0]!, createdAt: new Date(0) })).toEqual({ ...keys[0]!, createdAt: new Date(0) });
    expect(() => insertJsonRows(idempotencyKeys, [])).toThrow(/no rows/);
  });
});
