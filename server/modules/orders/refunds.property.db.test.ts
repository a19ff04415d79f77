import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { makeTenant } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { cancelOrder, createOrder, getOrder, markPaid, refundOrder } from './index.js';
import { level, recordingPayments, stockedSku } from './testing.js';

// a step: refund some money, optionally handing back units of line 0 or 1; or cancel (随时退)
const step = fc.oneof(
  fc.record({ kind: fc.constant('refund' as const), amountFen: fc.integer({ min: 1, max: 4000 }), line: fc.constantFrom(0, 1, null), qty: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('cancel' as const) }),
);

describe('refund invariants (property)', async () => {
  const database = await createTestDatabase();
  const tenant = await makeTenant(database.db);
  const ctx = tenant.ctx();

  it('never refunds more than paid, and the stock held is exactly the units not refunded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const a = await stockedSku(ctx, { priceFen: 500, qty: 10 });
        const b = await stockedSku(ctx, { priceFen: 300, qty: 10 });
        const pay = recordingPayments();
        const o = await createOrder(ctx, {
          channel: 'groupbuy',
          customerId: null,
          lines: [{ skuId: a, qty: 3 }, { skuId: b, qty: 4 }],
          paymentMethod: 'sandbox',
          fulfilment: 'in_stock',
        });
        await markPaid(ctx, { orderId: o.id, paymentId: newId(), amountFen: o.totalFen });
        for (const s of steps) {
          try {
            if (s.kind === 'cancel') await cancelOrder(ctx, o.id, 'property', pay.port);
            else {
              const lines = s.line === null ? undefined : [{ lineId: o.lines[s.line]!.id, qty: s.qty }];
              await refundOrder(ctx, { orderId: o.id, amountFen: s.amountFen, reason: 'property', lines }, pay.port);
            }
          } catch (e) {
            // refusals are fine; anything else is a bug
            if (!isAppError(e, 'REFUND_EXCEEDS_PAID') && !isAppError(e, 'VALIDATION_FAILED') && !isAppError(e, 'ORDER_STATE_INVALID')) throw e;
          }
        }
        const now = await getOrder(ctx, o.id);
        const asked = pay.calls.refunds.reduce((sum, r) => sum + r.amountFen, 0);
        expect(now.refundedFen).toBe(asked);
        expect(now.refundedFen).toBeLessThanOrEqual(now.paidFen);
        expect(now.status === 'refunded').toBe(now.refundedFen === now.paidFen);
        const [la, lb] = [await level(ctx, a), await level(ctx, b)];
        const left = now.lines.map((l) => l.qty - l.refundedQty);
        expect([la.reserved, lb.reserved]).toEqual(now.status === 'refunded' ? [0, 0] : left);
        expect([la.onHand, lb.onHand]).toEqual([10, 10]);
      }),
      { numRuns: 20 },
    );
  });
});
