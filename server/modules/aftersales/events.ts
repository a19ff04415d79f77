/** Events of after-sales tickets (outbox). */
declare module '../../kernel/events.js' {
  interface DomainEvents {
    'aftersales.opened': { ticketId: string; orderId: string; customerId: string; reason: string; requestedFen: number | null };
    'aftersales.photo_added': { ticketId: string };
    'aftersales.approved': { ticketId: string; orderId: string; customerId: string; refundFen: number; refundId: string };
    'aftersales.rejected': { ticketId: string; orderId: string; customerId: string };
  }
}

export {};
