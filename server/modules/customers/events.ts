/** Events of the customers module (no phone or name in them: events travel to the realtime bus). */
declare module '../../kernel/events.js' {
  interface DomainEvents {
    'customer.created': { customerId: string; firstStoreId: string };
    /** store credit granted (+) or spent (−) */
    'customer.credit_changed': { customerId: string; amountFen: number; reason: string; orderId: string | null };
  }
}

export {};
