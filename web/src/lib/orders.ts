import type { OrderLineView, OrderStatus, OrderView } from '../api/types.js';

/** antd / antd-mobile tag colours by order status (the labels live in i18n: order.status.*) */
export const STATUS_COLOR: Record<OrderStatus, string> = {
  pending_payment: 'orange',
  paid: 'blue',
  ready_for_pickup: 'green',
  picked_up: 'default',
  cancelled: 'default',
  refunded: 'red',
};

export const ORDER_STATUSES: OrderStatus[] = ['pending_payment', 'paid', 'ready_for_pickup', 'picked_up', 'cancelled', 'refunded'];

/** what can still be refunded */
export function refundableFen(o: Pick<OrderView, 'paidFen' | 'refundedFen'>): number {
  return Math.max(0, o.paidFen - o.refundedFen);
}

/** 随时退: a neighbour may cancel (unpaid) or get a full refund (paid) until pickup */
export function canCancel(o: Pick<OrderView, 'status'>): boolean {
  return o.status === 'pending_payment' || o.status === 'paid' || o.status === 'ready_for_pickup';
}

/** units of a line still to hand over: refunded (or short, never delivered) units are not */
export function unitsLeft(l: Pick<OrderLineView, 'qty' | 'refundedQty'>): number {
  return Math.max(0, l.qty - l.refundedQty);
}

/**
 * How units taken off an order are named: refunded when money went back; on an order nothing
 * was paid for (pay at pickup, a presale shortage) they are simply no longer owed ("dropped").
 */
export function takenOffKind(o: Pick<OrderView, 'refundedFen'>): 'refunded' | 'dropped' {
  return o.refundedFen > 0 ? 'refunded' : 'dropped';
}

export function shortOrderNo(id: string): string {
  return id.replace(/-/g, '').slice(0, 10).toUpperCase();
}

export function lineSummary(o: Pick<OrderView, 'lines'>, more: (n: number) => string): string {
  const [first] = o.lines;
  if (!first) return '';
  const head = `${first.productName} ×${first.qty}`;
  return o.lines.length > 1 ? `${head} ${more(o.lines.length)}` : head;
}
