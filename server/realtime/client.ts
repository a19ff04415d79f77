/**
 * A browser-safe realtime client (no node imports): reconnects with backoff, resubscribes with
 * each topic's lastEventId, drops repeats, and tells the page to refetch on `resync`.
 *
 *   const rt = new RealtimeClient({ url: `${location.origin.replace(/^http/, 'ws')}/ws` });
 *   const off = rt.subscribe(topics.room(showId), {
 *     tail: 50,
 *     onEvent: (e) => { if (e.type === 'chat') addLine(e.payload) },
 *     onResync: () => refetchRoom(),
 *   });
 *   await rt.send(topics.room(showId), 'chat', { text: '要两盒' });
 */
import type { ClientMessages, ClientMessageType, RealtimeEvent, ServerFrame } from './contract.js';

interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
}

export interface TopicHandlers {
  onEvent(e: RealtimeEvent): void;
  /** the gap is too old to replay: refetch the state over HTTP */
  onResync?(head: number): void;
  onError?(code: string, message: string): void;
  /** first join only: replay this many recent durable messages */
  tail?: number;
  /** resume after a page reload (kept e.g. in sessionStorage) */
  lastEventId?: number;
}

export class RealtimeError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export class RealtimeClient {
  private ws: SocketLike | null = null;
  private readonly subs = new Map<string, TopicHandlers & { last?: number }>();
  private readonly pending = new Map<string, { resolve(): void; reject(e: Error): void }>();
  private nextRef = 1;
  private attempt = 0;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly opts: {
      url: string;
      WebSocket?: new (url: string) => SocketLike;
      maxBackoffMs?: number;
      onStatus?(s: 'open' | 'closed'): void;
    },
  ) {
    this.connect();
  }

  subscribe(topic: string, h: TopicHandlers): () => void {
    this.subs.set(topic, { ...h, last: h.lastEventId });
    this.sendSubscribe(topic);
    return () => {
      this.subs.delete(topic);
      this.raw({ type: 'unsubscribe', topic });
    };
  }

  /** resolves when the server's handler accepted it; rejects with RealtimeError(code) */
  send<K extends ClientMessageType>(topic: string, name: K, payload: ClientMessages[K]): Promise<void> {
    const ref = String(this.nextRef++);
    return new Promise((resolve, reject) => {
      if (!this.raw({ type: 'send', topic, name, payload, ref })) return reject(new RealtimeError('OFFLINE', 'not connected'));
      this.pending.set(ref, { resolve, reject });
    });
  }

  /** the newest durable id seen on a topic (store it to resume after a reload) */
  lastEventId(topic: string): number | undefined {
    return this.subs.get(topic)?.last;
  }

  close(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close(1000);
  }

  private connect(): void {
    const Impl = this.opts.WebSocket ?? (globalThis as unknown as { WebSocket: new (url: string) => SocketLike }).WebSocket;
    const ws = new Impl(this.opts.url);
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.opts.onStatus?.('open');
      for (const topic of this.subs.keys()) this.sendSubscribe(topic);
    };
    ws.onmessage = (m) => this.onFrame(JSON.parse(String(m.data)) as ServerFrame);
    ws.onclose = () => {
      this.opts.onStatus?.('closed');
      for (const p of this.pending.values()) p.reject(new RealtimeError('OFFLINE', 'connection closed'));
      this.pending.clear();
      if (this.stopped) return;
      const wait = Math.min(this.opts.maxBackoffMs ?? 15_000, 500 * 2 ** this.attempt++) * (0.5 + Math.random() / 2);
      this.timer = setTimeout(() => this.connect(), wait);
    };
  }

  private raw(frame: object): boolean {
    if (this.ws?.readyState !== 1) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  private sendSubscribe(topic: string): void {
    const s = this.subs.get(topic)!;
    this.raw(s.last !== undefined ? { type: 'subscribe', topic, lastEventId: s.last } : { type: 'subscribe', topic, tail: s.tail });
  }

  private onFrame(f: ServerFrame): void {
    switch (f.type) {
      case 'events': {
        const s = this.subs.get(f.topic);
        if (!s) return;
        for (const e of f.events) {
          if (e.id !== undefined) {
            if (s.last !== undefined && e.id <= s.last) continue; // already seen
            s.last = e.id;
          }
          s.onEvent(e);
        }
        return;
      }
      case 'subscribed': {
        const s = this.subs.get(f.topic);
        // sent after the replay: caught up to head
        if (s) s.last = Math.max(s.last ?? 0, f.head);
        return;
      }
      case 'resync': {
        const s = this.subs.get(f.topic);
        if (!s) return;
        s.last = f.head;
        s.onResync?.(f.head);
        return;
      }
      case 'ack':
        this.pending.get(f.ref)?.resolve();
        this.pending.delete(f.ref);
        return;
      case 'error':
        if (f.ref && this.pending.has(f.ref)) {
          this.pending.get(f.ref)!.reject(new RealtimeError(f.code, f.message));
          this.pending.delete(f.ref);
        } else if (f.topic) this.subs.get(f.topic)?.onError?.(f.code, f.message);
        return;
    }
  }
}
