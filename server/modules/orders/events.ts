import type { OrderChannel } from './contract.js';

interface OrderRef {
  orderId: string;
  channel: OrderChannel;
  customerId: string | null;
}

declare module '../../kernel/events.js' {
  interface DomainEvents {
    'order.created': OrderRef & { totalFen: number; paymentMethod: string; lines: Array<{ skuId: string; qty: number; lineTotalFen: number }> };
    'order.paid': OrderRef & { paidFen: number; paymentRef: string | null };
    'order.ready': OrderRef;
    'order.picked_up': OrderRef & { verificationId: string; staffId: string; collectedFen: number };
    'order.pickup_undone': OrderRef & { verificationId: string; staffId: string };
    'order.cancelled': OrderRef & { reason: string };
    /** an unpaid order's prices lowered (a group buy formed at a cheaper ladder tier) */
    'order.repriced': OrderRef & { totalFenBefore: number; totalFen: number; reason: string };
    'order.refunded': OrderRef & { refundId: string; amountFen: number; refundedFen: number; full: boolean; reason: string };
  }
}

export {};
