import type { OutboxDispatcher } from '../events/dispatcher.js';
import { topics } from './contract.js';
import { relayToRealtime } from './outbox.js';
import type { Realtime } from './realtime.js';

/**
 * `store:<storeId>:stock` carries `stock` messages from the inventory ledger's committed
 * 'inventory.level_changed' events. Availability is what the shop already shows to anonymous
 * visitors, so the stock topic is public; any other `store:<storeId>:…` topic is for the
 * store's staff only.
 */
export function wireStockRealtime(dispatcher: Pick<OutboxDispatcher, 'on'>, realtime: Realtime): void {
  realtime.authorize('store', async (topic, who) => {
    const [, storeId, rest] = topic.split(':');
    if (rest === 'stock') return true;
    const staff = await who.staff();
    return staff !== null && staff.storeId === storeId;
  });
  relayToRealtime(dispatcher, realtime, 'inventory.level_changed', (e) => ({
    topic: topics.stock(e.storeId),
    type: 'stock',
    payload: { skuId: e.payload.skuId, available: e.payload.available, at: e.createdAt.toISOString() },
  }));
}
