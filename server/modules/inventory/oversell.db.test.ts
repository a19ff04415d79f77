import { describe, expect, it } from 'vitest';
import { AppError, isAppError } from '../../kernel/errors.js';
import { makeTenant } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { getLevels, receive, reserve } from './index.js';
import { countEvents, ledgerCheck, makeSkus } from './test-helpers.js';

describe('a hot SKU under concurrent reservations', async () => {
  // on PostgreSQL the reservations really run in parallel, on 20 connections
  const database = await createTestDatabase({ poolSize: 20 });
  const tenant = await makeTenant(database.db);
  const ctx = tenant.ctx();

  it('500 buyers of 1 unit on 100 units: exactly 100 succeed, never oversold', async () => {
    const [sku] = await makeSkus(ctx);
    await receive(ctx, { skuId: sku!, qty: 100 });
    const results = await Promise.allSettled(
      Array.from({ length: 500 }, () => reserve(ctx, { skuId: sku!, qty: 1, channel: 'live', expiresAt: null })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(ok).toHaveLength(100);
    expect(refused).toHaveLength(400);
    for (const e of refused) {
      expect(isAppError(e, 'INSUFFICIENT_STOCK')).toBe(true);
      expect((e as AppError).details).toMatchObject({ skuId: sku, requested: 1 });
      expect(typeof (e as AppError).details.available).toBe('number');
    }
    expect((await getLevels(ctx, [sku!])).get(sku!)).toEqual({ onHand: 100, reserved: 100, available: 0 });
    expect(await ledgerCheck(ctx, sku!)).toEqual({ onHand: 100, reserved: 100, movedOnHand: 100, movedReserved: 100, activeHeld: 100 });
    expect(await countEvents(ctx, 'inventory.level_changed')).toBe(101);
  });
});
