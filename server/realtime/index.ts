/**
 * The realtime layer: one WebSocket endpoint (GET /ws), topics with durable (replayed) and
 * volatile messages, a bus that is memory (one process) or Redis (N nodes).
 *
 * Modules: `deps.realtime.publish(topic, type, payload)`, `.signal(…)`, `.authorize(prefix, fn)`,
 * `.allowPublic(prefix)`, `.onClientMessage(name, {prefix, rate, handle})`; outbox → realtime
 * with `relayToRealtime`. Browsers: the frames in contract.ts, or RealtimeClient (client.ts).
 */
import { MemoryBus, type RealtimeBus } from './bus.js';

export { Realtime, DEFAULT_LIMITS, type RealtimeOptions } from './realtime.js';
export { registerRealtimeGateway, type GatewayOptions } from './gateway.js';
export { relayToRealtime, type RealtimeMessage } from './outbox.js';
export { wireStockRealtime } from './stock.js';
export { MemoryBus, type RealtimeBus } from './bus.js';
export type { RedisBus } from './redis-bus.js';
export type { SubscriberIdentity, TopicAuthorizer, ClientMessageHandler, ConnectionLimits } from './connection.js';
export * from './contract.js';

export const MEMORY_BUS_WARNING = [
  'realtime: in-process bus (REDIS_URL is not set). This node can fan out only to its own sockets,',
  '  and event ids and replay history live in its memory: run ONE API node, and expect clients to',
  '  resync after a restart. For several nodes behind a load balancer set REDIS_URL=redis://…',
].join('\n');

/** The bus named by the config: Redis when REDIS_URL is set, else memory (one node only). */
export async function createBus(o: { redisUrl?: string; log?: (msg: string, err?: unknown) => void }): Promise<RealtimeBus> {
  if (!o.redisUrl) return new MemoryBus();
  // ioredis is loaded only when it is used: it is a noticeable part of start-up
  const { RedisBus } = await import('./redis-bus.js');
  return new RedisBus({ url: o.redisUrl, log: o.log });
}
