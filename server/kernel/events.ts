/**
 * The typed event map. Each module declares its events by augmenting this interface in its own
 * `events.ts`:
 *
 *   declare module '../../kernel/events.js' {
 *     interface DomainEvents { 'order.paid': { orderId: string; totalFen: number } }
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}

export type EventType = keyof DomainEvents & string;

export interface EventEnvelope<T extends EventType = EventType> {
  id: number;
  orgId: string;
  storeId: string;
  type: T;
  payload: DomainEvents[T];
  createdAt: Date;
}
