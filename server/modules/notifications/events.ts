/** Events of the notifications module. */
declare module '../../kernel/events.js' {
  interface DomainEvents {
    /** a message was committed to the outbox; wakes the delivery */
    'notification.queued': { messageId: string; template: string; customerId: string | null };
    'notification.sent': { messageId: string; template: string; customerId: string | null };
    /** delivery gave up after its last attempt */
    'notification.failed': { messageId: string; template: string; customerId: string | null; error: string };
  }
}

export {};
