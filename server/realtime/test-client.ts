import { WebSocket } from 'ws';
import type { RealtimeEvent, ServerFrame } from './contract.js';

/** Tests only: a real `ws` client that records every frame and waits for the ones it needs. */
export class TestClient {
  readonly frames: ServerFrame[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      this.frames.push(JSON.parse(String(d)) as ServerFrame);
      this.poke();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.poke();
    });
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const c = new TestClient(ws);
      ws.once('open', () => resolve(c));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** resolves with the first recorded frame (from `from` on) that matches; times out after `ms` */
  async waitFor<T extends ServerFrame['type']>(
    type: T,
    match: (f: Extract<ServerFrame, { type: T }>) => boolean = () => true,
    ms = 5000,
  ): Promise<Extract<ServerFrame, { type: T }>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const f = this.frames.find((x) => x.type === type && match(x as Extract<ServerFrame, { type: T }>));
      if (f) return f as Extract<ServerFrame, { type: T }>;
      if (Date.now() > deadline) throw new Error(`no '${type}' frame within ${ms} ms; got ${JSON.stringify(this.frames).slice(0, 500)}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => (clearTimeout(t), r()));
      });
    }
  }

  async subscribe(topic: string, o: { lastEventId?: number; tail?: number } = {}): Promise<void> {
    this.send({ type: 'subscribe', topic, ...o });
    await this.waitFor('subscribed', (f) => f.topic === topic);
  }

  /** every event received on `topic`, in order */
  events(topic: string): RealtimeEvent[] {
    return this.frames.flatMap((f) => (f.type === 'events' && f.topic === topic ? f.events : []));
  }

  async waitForEvents(topic: string, n: number, ms = 5000): Promise<RealtimeEvent[]> {
    const deadline = Date.now() + ms;
    while (this.events(topic).length < n) {
      if (Date.now() > deadline) throw new Error(`got ${this.events(topic).length} of ${n} events on ${topic}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, 50);
        this.waiters.push(() => (clearTimeout(t), r()));
      });
    }
    return this.events(topic);
  }

  async waitClosed(ms = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + ms;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('socket still open');
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.closed;
  }

  close(): void {
    this.ws.close();
  }

  private poke(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}
