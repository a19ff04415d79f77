import { AppError } from '../../kernel/errors.js';
import type { OrderStatus, RefundState } from './contract.js';

/**
 * The one transition table of the order lifecycle (ADR 0001). Guards that depend on more than
 * the two states (payment method, money left) live in the use cases; this table says which
 * moves can ever happen.
 *
 *   pending_payment → paid              sandbox payment confirmed
 *   pending_payment → ready_for_pickup  pay_at_pickup: goods on the shelf, paid at the counter
 *   pending_payment → cancelled         cancelled or the reservation expired unpaid
 *   paid            → ready_for_pickup  goods in store (at once for in_stock orders)
 *   paid            → refunded          full refund before the goods arrived
 *   ready_for_pickup → picked_up        verified at the counter (核销)
 *   ready_for_pickup → cancelled        unpaid pay_at_pickup order withdrawn
 *   ready_for_pickup → refunded         full refund (随时退)
 *   picked_up       → ready_for_pickup  verification undone within the window
 *   picked_up       → refunded          full refund after pickup (goods returned or written off)
 */
export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ['paid', 'ready_for_pickup', 'cancelled'],
  paid: ['ready_for_pickup', 'refunded'],
  ready_for_pickup: ['picked_up', 'cancelled', 'refunded'],
  picked_up: ['ready_for_pickup', 'refunded'],
  cancelled: [],
  refunded: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws ORDER_STATE_INVALID { from, to } for a move the table does not allow. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new AppError('ORDER_STATE_INVALID', { from, to });
}

/** Orders whose pickup code is in use (unique per store among these). */
export const OPEN_STATUSES = ['pending_payment', 'paid', 'ready_for_pickup'] as const satisfies readonly OrderStatus[];

export function isOpen(status: OrderStatus): boolean {
  return (OPEN_STATUSES as readonly OrderStatus[]).includes(status);
}

export function refundState(o: { paidFen: number; refundedFen: number }): RefundState {
  if (o.refundedFen <= 0) return 'none';
  return o.refundedFen >= o.paidFen ? 'full' : 'partial';
}

/** Money that can still go back to the customer. */
export function refundableFen(o: { paidFen: number; refundedFen: number }): number {
  return Math.max(0, o.paidFen - o.refundedFen);
}
