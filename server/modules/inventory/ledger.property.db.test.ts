import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock, MINUTE } from '../../kernel/clock.js';
import { isAppError } from '../../kernel/errors.js';
import { makeTenant } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { adjust, commit, loss, receive, release, releaseExpiredReservations, reserve } from './index.js';
import { ledgerCheck, makeSkus } from './test-helpers.js';

type Op =
  | { k: 'receive' | 'reserve' | 'loss'; sku: number; qty: number; expiresIn?: number }
  | { k: 'release'; res: number; qty: number | null }
  | { k: 'commit'; res: number }
  | { k: 'adjust'; sku: number; counted: number }
  | { k: 'expire' };

const sku = fc.nat(1);
const qty = fc.integer({ min: 1, max: 6 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('receive' as const), sku, qty }),
  fc.record({ k: fc.constant('reserve' as const), sku, qty, expiresIn: fc.integer({ min: -2, max: 2 }) }),
  fc.record({ k: fc.constant('reserve' as const), sku, qty }),
  fc.record({ k: fc.constant('loss' as const), sku, qty }),
  fc.record({ k: fc.constant('release' as const), res: fc.nat(20), qty: fc.option(qty) }),
  fc.record({ k: fc.constant('commit' as const), res: fc.nat(20) }),
  fc.record({ k: fc.constant('adjust' as const), sku, counted: fc.nat(15) }),
  fc.constant({ k: 'expire' as const }),
);
// refusals the ledger may give under any interleaving; anything else is a bug
const EXPECTED = ['INSUFFICIENT_STOCK', 'RESERVATION_NOT_ACTIVE', 'STOCK_BELOW_RESERVED'] as const;

describe('inventory ledger under concurrent interleavings (property)', async () => {
  const database = await createTestDatabase({ poolSize: 20 });
  const clock = new ManualClock(new Date('2026-11-25T10:00:00Z'));
  const tenant = await makeTenant(database.db, { clock });
  const ctx = tenant.ctx();

  it('never goes negative, and every level equals the sum of its movements', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 3 }), async (waves) => {
        const skuIds = await makeSkus(ctx, 2);
        for (const s of skuIds) await receive(ctx, { skuId: s, qty: 5 });
        const held: string[] = [];
        for (const wave of waves) {
          // each wave runs all at once; release/commit pick among holds made in earlier waves
          const known = [...held];
          const results = await Promise.allSettled(
            wave.map(async (o): Promise<void> => {
              switch (o.k) {
                case 'receive':
                  return void (await receive(ctx, { skuId: skuIds[o.sku]!, qty: o.qty }));
                case 'loss':
                  return void (await loss(ctx, { skuId: skuIds[o.sku]!, qty: o.qty, reason: '损耗' }));
                case 'adjust':
                  return void (await adjust(ctx, { skuId: skuIds[o.sku]!, countedQty: o.counted, reason: '盘点' }));
                case 'reserve': {
                  const expiresAt = o.expiresIn === undefined ? null : new Date(clock.now().getTime() + o.expiresIn * MINUTE);
                  const r = await reserve(ctx, { skuId: skuIds[o.sku]!, qty: o.qty, channel: 'live', expiresAt });
                  held.push(r.reservationId);
                  return;
                }
                case 'release':
                  if (known.length) await release(ctx, known[o.res % known.length]!, o.qty ?? undefined);
                  return;
                case 'commit':
                  if (known.length) await commit(ctx, known[o.res % known.length]!);
                  return;
                case 'expire':
                  return void (await releaseExpiredReservations(database.db, clock.now()));
              }
            }),
          );
          for (const r of results) {
            if (r.status === 'rejected' && !EXPECTED.some((code) => isAppError(r.reason, code))) throw r.reason;
          }
          for (const s of skuIds) {
            const c = await ledgerCheck(ctx, s);
            expect(c.onHand).toBeGreaterThanOrEqual(0);
            expect(c.reserved).toBeGreaterThanOrEqual(0);
            expect(c.reserved).toBeLessThanOrEqual(c.onHand);
            expect(c.movedOnHand).toBe(c.onHand);
            expect(c.movedReserved).toBe(c.reserved);
            expect(c.activeHeld).toBe(c.reserved);
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});
