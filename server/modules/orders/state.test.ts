import { describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/errors.js';
import { OrderStatusSchema, type OrderStatus } from './contract.js';
import { assertTransition, canTransition, refundableFen, refundState } from './state.js';

const ALL = OrderStatusSchema.options;

// the lifecycle of ADR 0001, written out pair by pair
const ALLOWED = new Set<string>([
  'pending_payment>paid',
  'pending_payment>ready_for_pickup',
  'pending_payment>cancelled',
  'paid>ready_for_pickup',
  'paid>refunded',
  'ready_for_pickup>picked_up',
  'ready_for_pickup>cancelled',
  'ready_for_pickup>refunded',
  'picked_up>ready_for_pickup',
  'picked_up>refunded',
]);

describe('order state machine', () => {
  it.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as [OrderStatus, OrderStatus])))('%s → %s', (from, to) => {
    const allowed = ALLOWED.has(`${from}>${to}`);
    expect(canTransition(from, to)).toBe(allowed);
    if (allowed) expect(() => assertTransition(from, to)).not.toThrow();
    else {
      const err = (() => {
        try {
          assertTransition(from, to);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'ORDER_STATE_INVALID', details: { from, to } });
    }
  });

  it('has no way out of cancelled or refunded, and no way back to unpaid', () => {
    for (const to of ALL) {
      expect(canTransition('cancelled', to)).toBe(false);
      expect(canTransition('refunded', to)).toBe(false);
      expect(canTransition(to, 'pending_payment')).toBe(false);
    }
  });

  it('derives the refund state from the money, never more back than paid', () => {
    expect(refundState({ paidFen: 0, refundedFen: 0 })).toBe('none');
    expect(refundState({ paidFen: 1000, refundedFen: 0 })).toBe('none');
    expect(refundState({ paidFen: 1000, refundedFen: 1 })).toBe('partial');
    expect(refundState({ paidFen: 1000, refundedFen: 1000 })).toBe('full');
    expect(refundableFen({ paidFen: 1000, refundedFen: 300 })).toBe(700);
    expect(refundableFen({ paidFen: 1000, refundedFen: 1000 })).toBe(0);
  });
});
