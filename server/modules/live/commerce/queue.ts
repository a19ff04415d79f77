/**
 * An in-process batching queue: requests that arrive while a batch is being committed wait and
 * go together in the next one. One batch at a time per key (one flash sale); each caller's
 * promise settles only after its batch's transaction has committed (or failed).
 */
export interface Pending<Req, Res> {
  req: Req;
  resolve(r: Res): void;
  reject(e: unknown): void;
}

export class BatchQueue<Req, Res> {
  private readonly waiting = new Map<string, Array<Pending<Req, Res>>>();
  private readonly running = new Set<string>();

  constructor(
    /** runs one batch; must settle every pending request it was given */
    private readonly run: (key: string, batch: Array<Pending<Req, Res>>) => Promise<void>,
    private readonly maxBatch = 500,
  ) {}

  push(key: string, req: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      const q = this.waiting.get(key) ?? [];
      q.push({ req, resolve, reject });
      this.waiting.set(key, q);
      // let the requests of this tick join the batch
      if (!this.running.has(key)) {
        this.running.add(key);
        setImmediate(() => void this.drain(key));
      }
    });
  }

  /** put requests back at the head of the line (e.g. a second request of one buyer in one batch) */
  requeue(key: string, items: Array<Pending<Req, Res>>): void {
    if (items.length === 0) return;
    this.waiting.set(key, [...items, ...(this.waiting.get(key) ?? [])]);
  }

  private async drain(key: string): Promise<void> {
    try {
      for (;;) {
        const q = this.waiting.get(key);
        if (!q || q.length === 0) break;
        const batch = q.splice(0, this.maxBatch);
        if (q.length === 0) this.waiting.delete(key);
        try {
          await this.run(key, batch);
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.running.delete(key);
      // something may have been requeued after the last look
      if ((this.waiting.get(key)?.length ?? 0) > 0 && !this.running.has(key)) {
        this.running.add(key);
        setImmediate(() => void this.drain(key));
      }
    }
  }
}
