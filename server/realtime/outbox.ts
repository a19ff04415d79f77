import type { OutboxDispatcher } from '../events/dispatcher.js';
import type { EventEnvelope, EventType } from '../kernel/events.js';
import type { DurableMessageType, ServerMessages, VolatileMessageType } from './contract.js';
import type { Realtime } from './realtime.js';

export type RealtimeMessage =
  | { [K in DurableMessageType]: { topic: string; type: K; payload: ServerMessages[K] } }[DurableMessageType]
  | { [K in VolatileMessageType]: { topic: string; type: K; payload: ServerMessages[K]; volatile: true } }[VolatileMessageType];

/**
 * Turns committed outbox events of one type into realtime messages. Runs in the outbox
 * dispatcher, so only committed changes reach a screen. Delivery is at least once: if this or
 * another handler of the event throws, the event (and this publish) is tried again, so map to
 * state-like messages ("SKU x now has 3 available") that are harmless when repeated. A publish
 * that fails (Redis down) fails the handler and the event stays pending, to be tried again.
 *
 * Example: stock.ts maps 'inventory.level_changed' → `store:<storeId>:stock` / 'stock'.
 */
export function relayToRealtime<T extends EventType>(
  dispatcher: Pick<OutboxDispatcher, 'on'>,
  realtime: Realtime,
  type: T,
  map: (event: EventEnvelope<T>) => RealtimeMessage | RealtimeMessage[] | null,
): void {
  dispatcher.on(type, async (event) => {
    const out = map(event);
    for (const m of out === null ? [] : Array.isArray(out) ? out : [out]) {
      if ('volatile' in m) await realtime.signal(m.topic, m.type, m.payload as never);
      else await realtime.publish(m.topic, m.type, m.payload as never);
    }
  });
}
