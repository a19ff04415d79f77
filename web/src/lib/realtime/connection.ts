import { RealtimeClient } from '../../../../server/realtime/client.js';
import { WS_PATH } from './topics.js';

export type RealtimeStatus = 'connecting' | 'open' | 'closed';

/**
 * One WebSocket per page, shared by every hook (the server caps subscriptions per socket, not
 * sockets per page, and one socket is cheaper on a phone). Opened on first use.
 */
let client: RealtimeClient | null = null;
let status: RealtimeStatus = 'connecting';
const listeners = new Set<(s: RealtimeStatus) => void>();

export function wsUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}`;
}

export function realtime(): RealtimeClient {
  client ??= new RealtimeClient({
    url: wsUrl(),
    maxBackoffMs: 15_000,
    onStatus(s) {
      status = s;
      for (const l of listeners) l(s);
    },
  });
  return client;
}

export function realtimeStatus(): RealtimeStatus {
  return status;
}

export function onRealtimeStatus(fn: (s: RealtimeStatus) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Drop the socket and open a new one (after sign-in: the handshake carries the new cookie). */
export function reconnectRealtime(): void {
  client?.close();
  client = null;
  status = 'connecting';
}
